package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.history.SampleMonthsContract.Run;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trend PDF by facility prints a Chinese or Arabic facility name as written, as the audit report does. */
class TrendScriptsTest {
    @TempDir
    Path dir;

    @Test
    void aFacilityNamedInChineseAndArabicIsPrintedInTheTrendByFacility() throws IOException {
        Path log = new AuditFixture().defaults("facility", "儿童医院 مستشفى")
                .row("patient_id", "P1", "accession_number", "A1").write(dir, "log.csv");
        String store = "jdbc:h2:file:" + dir.resolve("store").resolve("history");
        Path out = dir.resolve("reports");
        Run a = SampleMonthsContract.cli("audit", log.toString(), "--period", "2026-10", "--history", store, "--format", "json", "--out", out.toString());
        assertEquals(0, a.code(), a.err());
        Run t = SampleMonthsContract.cli("trend", "--history", store, "--by", "facility", "--out", out.toString());
        assertEquals(0, t.code(), t.err());
        try (PDDocument doc = Loader.loadPDF(out.resolve("trend-2026-10_2026-10.pdf").toFile())) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFKC);
            assertTrue(text.contains("儿童医院"), text);
            assertTrue(text.contains("مستشفى"), text);
        }
    }
}
