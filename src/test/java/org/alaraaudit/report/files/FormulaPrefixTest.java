package org.alaraaudit.report.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.report.Cells;
import org.alaraaudit.report.Disclosure;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only text a spreadsheet could run gets the apostrophe: a plain signed number is reported exactly as it was read. */
class FormulaPrefixTest {
    private static final String PAYLOAD = "-2+3+cmd|' /C calc'!A0";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"-724.36", "+12", "-0,5", "-1.2E-3", "+1e5", "-.5", "-5."})
    void aPlainNumberIsWrittenAsItIs(String number) {
        assertEquals(number, Cells.safeText(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {PAYLOAD, "+cmd|' /C calc'!A0", "=1", "=HYPERLINK(\"http://evil.example\")", "@SUM(1+1)", "-", "+",
            "-e5", "-1e", "- 1", "-1-1", "-1.2.3", "-0x1F", "\t1", "\r1", "\uFF0D1"})
    void textThatCouldRunAsAFormulaKeepsItsApostrophe(String text) {
        assertEquals("'" + text, Cells.safeText(text));
    }

    private static List<CSVRecord> records(Path csv) throws Exception {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void rejectedCsvReportsANegativeDoseAsReadAndAFormulaWithItsApostrophe() throws Exception {
        AuditResult r = new AuditFixture()
                .row("accession_number", "A1", "dlp_mgycm", "-724.36")
                .row("accession_number", "A2", "ctdivol_mgy", PAYLOAD)
                .audit(dir);
        Path csv = dir.resolve("rejected.csv");
        FindingsCsv.writeRejected(r, Disclosure.PATIENT_LEVEL, csv);
        List<CSVRecord> rows = records(csv);
        assertEquals(2, rows.size(), Files.readString(csv));
        assertEquals("-724.36", rows.get(0).get("value"), Files.readString(csv));
        assertEquals("'" + PAYLOAD, rows.get(1).get("value"), Files.readString(csv));
    }

    @Test
    void findingsCsvWritesANumericAccessionAsItIsAndAFormulaLikeFacilityWithItsApostrophe() throws Exception {
        AuditResult r = new AuditFixture()
                .row("accession_number", "-1234", "facility", "-General", "ctdivol_mgy", "60")
                .audit(dir);
        Path csv = dir.resolve("findings.csv");
        FindingsCsv.writeFindings(r, Disclosure.PATIENT_LEVEL, csv);
        CSVRecord notification = records(csv).stream().filter(x -> x.get("rule_id").equals("CT_NOTIFICATION_VALUE")).findFirst().orElseThrow();
        assertEquals("-1234", notification.get("accession_number"));
        assertEquals("'-General", notification.get("facility"));
    }
}
