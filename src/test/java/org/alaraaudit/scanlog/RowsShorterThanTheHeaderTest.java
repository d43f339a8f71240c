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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row with fewer cells than the header lost what it lacks: a canonical row is rejected for its cell count, keeping
 * the cells that name its study, which is then flagged incomplete. OpenREM's CSV exports do not pad their rows, so
 * there a row may end where an event block (or the fluoroscopy plane B) begins, and is rejected only when it ends
 * anywhere else.
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

    // ------------------------------------------------------------------------------------------ OpenREM CT CSV

    /** The committed OpenREM CT export: its header and its first study (two events), cut to {@code cells} cells. */
    private Path openRemCtFirstStudyCut(int cells) throws Exception {
        List<CSVRecord> records;
        try (var in = Files.newBufferedReader(OpenRemTestFiles.file(OpenRemExportWriter.CSV))) {
            records = CSVFormat.RFC4180.parse(in).getRecords();
        }
        List<String> row = records.get(1).toList();
        assertEquals("2", row.get(records.get(0).toList().indexOf("No. events")), "the study has two events");
        Path f = dir.resolve("openrem-cut.csv");
        Files.writeString(f, String.join(",", records.get(0).toList()) + "\n" + String.join(",", row.subList(0, cells)) + "\n",
                StandardCharsets.UTF_8);
        return f;
    }

    private static int columnOf(Path f, String name) throws Exception {
        return Arrays.asList(Files.readAllLines(f).get(0).split(",")).indexOf(name);
    }

    @Test
    void anOpenRemRowEndingBeforeTheNextEventBlockIsReadAsOpenRemWritesIt() throws Exception {
        int e3 = columnOf(OpenRemTestFiles.file(OpenRemExportWriter.CSV), "E3 Protocol");
        List<RawRow> rows = OpenRemTestFiles.rows(openRemCtFirstStudyCut(e3));
        assertEquals(2, rows.size(), "both events");
        for (RawRow r : rows) assertNull(r.extras().get(RawRow.CELL_COUNT), r.extras().toString());
    }

    @Test
    void anOpenRemRowEndingInsideAnEventBlockIsRejectedForEachOfItsEvents() throws Exception {
        Path f = OpenRemTestFiles.file(OpenRemExportWriter.CSV);
        int e3 = columnOf(f, "E3 Protocol");
        List<RawRow> rows = OpenRemTestFiles.rows(openRemCtFirstStudyCut(e3 - 1));
        assertEquals(2, rows.size());
        for (RawRow r : rows) {
            assertEquals("the row has " + (e3 - 1) + " cells, the header has " + Files.readAllLines(f).get(0).split(",").length
                    + ": it ends before E2 Comments (a line cut short, or a separator missing)", r.extras().get(RawRow.CELL_COUNT));
        }
        AuditResult audit = new AuditFixture().auditFiles(List.of(openRemCtFirstStudyCut(e3 - 1)));
        assertEquals(2, audit.rows().rejected());
        assertTrue(audit.rows().reconciles());
        assertEquals("openrem-cut.csv", audit.rejected().get(0).file());
        assertEquals(2, audit.rejected().get(0).line());
    }

    @Test
    void anOpenRemRowEndingAmongTheStudysColumnsIsRejected() throws Exception {
        int events = columnOf(OpenRemTestFiles.file(OpenRemExportWriter.CSV), "No. events");
        List<RawRow> rows = OpenRemTestFiles.rows(openRemCtFirstStudyCut(events));
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).extras().get(RawRow.CELL_COUNT).contains(": it ends before No. events ("),
                rows.get(0).extras().toString());
    }

    // ------------------------------------------------------------------------------------------ OpenREM RF CSV

    private static final String RF_STUDY = "Institution,Manufacturer,Model name,Station name,Display name,Accession number,"
            + "Operator,Physician,Study date,Study time,Age,Sex,Height,Mass (kg),Test patient?,Study description,"
            + "Requested procedure,Study Comments,No. events";

    private static String plane(String p) {
        return String.join(",", p + " DAP total (Gy.m^2)", p + " Dose RP total (Gy)", p + " Fluoro DAP total (Gy.m^2)",
                p + " Fluoro dose RP total (Gy)", p + " Fluoro duration total (s)", p + " Acq. DAP total (Gy.m^2)",
                p + " Acq. dose RP total (Gy)", p + " Acq. duration total (s)", p + " Number of events");
    }

    private static final String RF_ROW = "General,Siemens,Artis Q,RF1,RF1,ACC-RF-2,,Dr B,2026-10-12,09:00:00,61.200,M,1.80000000,"
            + "90.00000000,,CORONARY ANGIOGRAPHY,,,10";
    private static final String[] PLANE_A = {"0.000123450000", "0.250000000000", "0E-12", "0E-12", "120.50", "0.000123450000",
            "0.250000000000", "4.00", "10"};

    private List<RawRow> rf(int planeCells) throws Exception {
        Path f = dir.resolve("rfexport20261101-101500123456.csv");
        String row = RF_ROW + (planeCells == 0 ? "" : "," + String.join(",", Arrays.copyOf(PLANE_A, planeCells)));
        Files.writeString(f, RF_STUDY + "," + plane("A") + "," + plane("B") + "\n" + row + "\n", StandardCharsets.UTF_8);
        return OpenRemTestFiles.rows(f);
    }

    @Test
    void anRfRowEndingBeforePlaneBOrBeforePlaneAIsReadAsOpenRemWritesIt() throws Exception {
        assertNull(rf(9).get(0).extras().get(RawRow.CELL_COUNT), "a single-plane procedure");
        assertNull(rf(0).get(0).extras().get(RawRow.CELL_COUNT), "a procedure without a plane record");
    }

    @Test
    void anRfRowEndingInsidePlaneAIsRejected() throws Exception {
        assertEquals("the row has 27 cells, the header has 37: it ends before A Number of events (a line cut short, or a"
                + " separator missing)", rf(8).get(0).extras().get(RawRow.CELL_COUNT));
        assertTrue(rf(1).get(0).extras().get(RawRow.CELL_COUNT).startsWith("the row has 20 cells"));
    }

    @Test
    void aProfileNamesTheColumnsARowMayEndBefore() {
        MappingProfile p = MappingProfile.parse("facility = F\nstation_name = S\naccession_number = A\nstudy_datetime = D\n"
                + "modality.value = DX\npatient_id = P\nage_years = Y\nrow_may_end_before = Extra one | EXTRA  two\n", "test", "t");
        assertEquals(java.util.Set.of("extra one", "extra two"), p.rowEnds());
    }
}
