package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row with fewer cells than the header lost what it lacks: a canonical row is rejected for its cell count, keeping
 * the cells that name its study, which is then flagged incomplete.
 */
class RowsShorterThanTheHeaderTest {
    @TempDir
    Path dir;

    /** Two events of one study, the second given by {@code second} (the fixture's 16 columns end with phantom, DLP). */
    private Path studyOfTwoRows(String second) throws Exception {
        String csv = new AuditFixture().row("acquisition_type", "CONSTANT_ANGLE").row().csv();
        String[] lines = csv.split("\n");
        Path f = dir.resolve("scan-log.csv");
        Files.writeString(f, lines[0] + "\n" + lines[1] + "\n" + second.replace("ROW", lines[2]) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    /** The fixture's row without its last {@code n} cells (and their separators). */
    private static String cut(String row, int n) {
        String[] cells = row.split(",", -1);
        return String.join(",", Arrays.copyOf(cells, cells.length - n));
    }

    private static List<Finding> incomplete(AuditResult r) { return AuditFixture.findings(r, "STUDY_INCOMPLETE"); }

    @Test
    void aCanonicalRowCutBeforeItsDlpIsRejectedForItsCellCountAndItsStudyIsIncomplete() throws Exception {
        String full = new AuditFixture().row().csv().split("\n")[1];
        AuditResult r = new AuditFixture().auditFiles(List.of(studyOfTwoRows(cut(full, 1))));
        assertEquals(1, r.rows().audited());
        assertEquals(1, r.rows().rejected());
        assertTrue(r.rows().reconciles());
        Rejection x = r.rejected().get(0);
        assertEquals(new Rejection("scan-log.csv", 3, null, null,
                "the row has 15 cells, the header has 16: it ends before dlp_mgycm (a line cut short, or a separator missing)",
                "General", "ACC1", "2026-10-10T10:00:00"), x);
        assertEquals("scan-log.csv line 3: the row has 15 cells, the header has 16: it ends before dlp_mgycm"
                + " (a line cut short, or a separator missing)", x.message());
        assertEquals(1, incomplete(r).size(), r.findings().toString());
        assertEquals("ACC1", incomplete(r).get(0).accessionNumber());
    }

    @Test
    void aCanonicalRowWithItsLastCellEmptyButPresentIsAudited() throws Exception {
        String full = new AuditFixture().row().csv().split("\n")[1];
        AuditResult r = new AuditFixture().auditFiles(List.of(studyOfTwoRows(cut(full, 1) + ",")));
        assertEquals(2, r.rows().audited(), r.rejected().toString());
        assertTrue(incomplete(r).isEmpty());
    }

    @Test
    void aCanonicalRowWithOneCellMoreIsRejectedAsBefore() throws Exception {
        AuditResult r = new AuditFixture().auditFiles(List.of(studyOfTwoRows("ROW,")));
        assertEquals(1, r.rows().rejected());
        assertEquals("the row has 17 cells, the header has 16", r.rejected().get(0).reason());
        assertEquals(1, incomplete(r).size(), "a row too long names its study as well");
    }

    @Test
    void aRowCutBeforeTheProtocolIsRejectedForItsCellCountNotForAnEmptyProtocol() throws Exception {
        String full = new AuditFixture().row().csv().split("\n")[1];
        AuditResult r = new AuditFixture().auditFiles(List.of(studyOfTwoRows(cut(full, 7))));
        assertEquals(1, r.rows().rejected());
        assertEquals("the row has 9 cells, the header has 16: it ends before protocol_name (a line cut short, or a separator"
                + " missing)", r.rejected().get(0).reason());
        assertNull(r.rejected().get(0).column());
    }

    @Test
    void aRowCutBeforeItsStudyIsNamedIsRejectedAndNamesNoStudy() throws Exception {
        AuditResult r = new AuditFixture().auditFiles(List.of(studyOfTwoRows("MRN1,8,F")));
        assertEquals(1, r.rows().rejected());
        Rejection x = r.rejected().get(0);
        assertEquals("the row has 3 cells, the header has 16: it ends before weight_kg (a line cut short, or a separator"
                + " missing)", x.reason());
        assertNull(x.facility());
        assertNull(x.accessionNumber());
        assertTrue(incomplete(r).isEmpty());
    }

    @Test
    void aBlankTrailingLineIsNoRowAndALineOfSeparatorsIsRejectedAsBefore() throws Exception {
        AuditResult blank = new AuditFixture().auditFiles(List.of(studyOfTwoRows("ROW\n\n")));
        assertEquals(2, blank.rows().read());
        assertEquals(2, blank.rows().audited());
        AuditResult separators = new AuditFixture().auditFiles(List.of(studyOfTwoRows("ROW\n" + ",".repeat(15))));
        assertEquals(3, separators.rows().read());
        assertEquals(1, separators.rows().rejected());
        Rejection x = separators.rejected().get(0);
        assertEquals("patient_id", x.column());
        assertEquals("is required but empty", x.reason());
        assertTrue(separators.rows().reconciles());
    }

    @Test
    void theReaderKeepsEveryCellOfAShortRow() throws Exception {
        String full = new AuditFixture().row().csv().split("\n")[1];
        List<RawRow> rows = new ArrayList<>();
        try (CsvScanLogReader r = new CsvScanLogReader(studyOfTwoRows(cut(full, 1)))) {
            r.forEachRemaining(rows::add);
        }
        assertNull(rows.get(0).extras().get(RawRow.CELL_COUNT));
        RawRow shortRow = rows.get(1);
        assertTrue(shortRow.extras().get(RawRow.CELL_COUNT).startsWith("the row has 15 cells"));
        assertEquals("32", shortRow.get(CanonicalColumn.PHANTOM));
        assertEquals("ACC1", shortRow.get(CanonicalColumn.ACCESSION_NUMBER));
    }
}
