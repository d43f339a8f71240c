package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditProgress;
import org.alaraaudit.audit.AuditRequest;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.AuditRun;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample month's PDF, line by line as a reader meets it: a protocol name or an age band is never broken at its
 * hyphen ("PED ABDOMEN 0-" over "1Y"), and a number keeps its unit ("aged 12.6" over "y").
 */
class TableLineBreaksTest {
    @TempDir
    Path dir;

    @Test
    void noTableCellBreaksAProtocolAtItsHyphenOrANumberFromItsUnit() throws IOException {
        AuditResult r = new AuditRun(AuditFixture.DEFAULT_RULES, "test").run(new AuditRequest(List.of(Path.of("sample-data")),
                AuditPeriod.month(YearMonth.of(2026, 10)), null, null, null, AuditFixture.RUN_TIME, ZoneId.systemDefault(),
                AuditFixture.SECRET, 250_000), AuditProgress.NONE);
        Path pdf = dir.resolve("october.pdf");
        PdfReport.write(r, ReportTemplate.load("default"), null, pdf);
        List<String> lines;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            lines = new PDFTextStripper().getText(d).lines().map(String::strip).toList();
        }
        List<String> broken = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String line = lines.get(i);
            String next = lines.get(i + 1);
            if (line.matches(".*\\b(PED [A-Z]+|\\d+) ?\\d*-$")) broken.add(line + " | " + next);
            if (line.matches(".*\\d$") && next.matches("(y|mGy|kg|years)( .*)?")) broken.add(line + " | " + next);
        }
        assertEquals(List.of(), broken.subList(0, Math.min(8, broken.size())), broken.size() + " broken");
        assertTrue(lines.stream().anyMatch(l -> l.contains("PED ABDOMEN 10-15Y")), "the protocol table is there");
        assertTrue(lines.stream().anyMatch(l -> l.matches(".*aged \\d+\\.\\d y.*") || l.matches("\\d+\\.\\d y.*")), "ages with their unit");
    }
}
