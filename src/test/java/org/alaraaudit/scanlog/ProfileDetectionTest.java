package org.alaraaudit.scanlog;

import static org.alaraaudit.scanlog.CanonicalColumn.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which profile a file is read with, chosen from its header or by the user, and what is said when none fits. */
class ProfileDetectionTest {
    @TempDir
    Path dir;

    private static String profileOf(Path f, ScanLogOptions o) {
        try (ScanLogReader r = new ScanLogOpener(o).open(f)) {
            return r.profileName();
        }
    }

    private static String profileOf(Path f) { return profileOf(f, ScanLogOptions.DEFAULTS); }

    @Test
    void eachShippedLayoutIsRecognisedFromItsHeader() {
        assertEquals("canonical", profileOf(OpenRemTestFiles.file(OpenRemExportWriter.CANONICAL)));
        assertEquals("openrem-ct-csv", profileOf(OpenRemTestFiles.file(OpenRemExportWriter.CSV)));
        assertEquals("openrem-ct-csv", profileOf(OpenRemTestFiles.file(OpenRemExportWriter.CSV_NO_PATIENT_ID)));
        assertEquals("openrem-ct-csv", profileOf(OpenRemTestFiles.file(OpenRemExportWriter.CSV_STANDARD_NAMES)));
        assertEquals("openrem-ct-xlsx", profileOf(OpenRemTestFiles.file(OpenRemExportWriter.XLSX)));
        assertEquals("openrem-ct-xlsx", profileOf(OpenRemTestFiles.file(OpenRemExportWriter.XLSX_NO_PATIENT_ID)));
    }

    @Test
    void aHeaderNoProfileFitsListsTheColumnsFoundAndWhatTheClosestProfileMisses() throws Exception {
        Path f = dir.resolve("dosewatch.csv");
        Files.writeString(f, "Institution,Station name,Accession number,Exam date,Patient age,CTDIvol\nA,B,C,D,E,F\n");
        ScanLogException e = assertThrows(ScanLogException.class, () -> profileOf(f));
        String m = e.getMessage();
        assertTrue(m.startsWith("dosewatch.csv: "), m);
        assertTrue(m.contains("Columns found: Institution, Station name, Accession number, Exam date, Patient age, CTDIvol"), m);
        assertTrue(m.contains("Closest: profile openrem-ct-xlsx"), m);
        assertTrue(m.contains("needs Study date"), m);
        assertTrue(m.contains("--profile") && m.contains("docs/input-formats.md"), m);
    }

    @Test
    void aCanonicalLogMissingAColumnIsToldWhichOne() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "patient_id,age_years,facility,station_name,study_datetime,modality\nM1,5,G,CT1,2026-10-01T10:00,CT\n");
        String m = assertThrows(ScanLogException.class, () -> profileOf(f)).getMessage();
        assertTrue(m.contains("profile canonical") && m.contains("needs accession_number"), m);
    }

    @Test
    void aLongHeaderIsShortenedInTheMessage() throws Exception {
        StringBuilder h = new StringBuilder("Foo");
        for (int i = 0; i < 100; i++) h.append(",Col").append(i);
        Path f = dir.resolve("wide.csv");
        Files.writeString(f, h + "\n");
        String m = assertThrows(ScanLogException.class, () -> profileOf(f)).getMessage();
        assertTrue(m.contains("and 61 more"), m);
    }

    @Test
    void aProfileNamedByTheUserIsUsedAndMustFit() throws Exception {
        Path csv = OpenRemTestFiles.file(OpenRemExportWriter.CSV);
        assertEquals("openrem-ct-csv", profileOf(csv, new ScanLogOptions("openrem-ct-csv", null)));
        String m = assertThrows(ScanLogException.class, () -> profileOf(csv, new ScanLogOptions("openrem-ct-xlsx", null))).getMessage();
        assertTrue(m.contains("do not fit profile openrem-ct-xlsx") && m.contains("Patient age"), m);
        String unknown = assertThrows(ScanLogException.class, () -> new ScanLogOpener(new ScanLogOptions("dosewatch", null))).getMessage();
        assertTrue(unknown.contains("canonical, openrem-ct-csv, openrem-ct-xlsx"), unknown);
    }

    @Test
    void aProfileFileIsNamedByItsPath() throws Exception {
        Path p = dir.resolve("site.profile");
        Files.writeString(p, "patient_id = MRN\nage_years = Age\nfacility.value = Site\nstation_name = Room\n"
                + "accession_number = Acc\nstudy_datetime = When\nmodality.value = CT\nprotocol_name = Protocol\n");
        Path f = dir.resolve("site.csv");
        Files.writeString(f, "MRN,Age,Room,Acc,When,Protocol\nM1,4,CT1,A1,2026-10-01 10:00,PED HEAD 2-6Y\n");
        assertEquals("site", profileOf(f, new ScanLogOptions(p.toString(), null)));
        String m = assertThrows(ScanLogException.class, () -> profileOf(f)).getMessage();
        assertTrue(m.contains("fit no known layout"), "without --profile a site's own layout is unknown: " + m);
    }

    /** A canonical-column workbook, with text or Excel date cells. */
    private Path canonicalWorkbook(String name, String firstSheet, boolean dateCells) throws Exception {
        Path f = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            if (firstSheet != null) wb.createSheet(firstSheet).createRow(0).createCell(0).setCellValue("read me first");
            Sheet s = wb.createSheet("Scan log");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            List<String> h = List.of("patient_id", "age_years", "facility", "station_name", "accession_number",
                    "study_datetime", "modality", "protocol_name", "kvp", "ctdivol_mgy", "phantom", "dlp_mgycm", "birth_date");
            Row hr = s.createRow(0);
            for (int i = 0; i < h.size(); i++) hr.createCell(i).setCellValue(h.get(i));
            Row r = s.createRow(1);
            r.createCell(0).setCellValue(12345);
            r.createCell(1).setCellValue(8);
            r.createCell(2).setCellValue("General");
            r.createCell(3).setCellValue("CT1");
            r.createCell(4).setCellValue("ACC1");
            if (dateCells) {
                r.createCell(5).setCellValue(LocalDateTime.of(2026, 10, 10, 10, 0));
                r.getCell(5).setCellStyle(date);
                r.createCell(12).setCellValue(LocalDateTime.of(2018, 4, 2, 0, 0));
                r.getCell(12).setCellStyle(date);
            } else {
                r.createCell(5).setCellValue("2026-10-10T10:00:00");
                r.createCell(12).setCellValue("2018-04-02");
            }
            r.createCell(6).setCellValue("CT");
            r.createCell(7).setCellValue("PED CHEST 5-10Y");
            r.createCell(8).setCellValue(100);
            r.createCell(9).setCellValue(2.0);
            r.createCell(10).setCellValue(32);
            r.createCell(11).setCellValue(50.5);
            try (OutputStream out = Files.newOutputStream(f)) {
                wb.write(out);
            }
        }
        return f;
    }

    @Test
    void canonicalWorkbooksReadWithDateCellsOrTextDates() throws Exception {
        for (boolean dateCells : List.of(true, false)) {
            Path f = canonicalWorkbook("log-" + dateCells + ".xlsx", null, dateCells);
            assertEquals("canonical", profileOf(f));
            RawRow r = OpenRemTestFiles.rows(f).get(0);
            assertEquals("12345", r.get(PATIENT_ID), "a number cell as an identifier, without .0");
            assertEquals("2026-10-10T10:00:00", r.get(STUDY_DATETIME));
            assertEquals("2018-04-02", r.get(BIRTH_DATE));
            assertEquals("50.5", r.get(DLP_MGYCM));
            assertEquals("32", r.get(PHANTOM));
            assertEquals(2, r.source().line());
        }
    }

    @Test
    void theSheetOptionPicksTheSheetAndAnUnknownSheetIsNamed() throws Exception {
        Path f = canonicalWorkbook("two-sheets.xlsx", "Notes", true);
        assertThrows(ScanLogException.class, () -> profileOf(f), "the first sheet holds notes, not a scan log");
        assertEquals("canonical", profileOf(f, new ScanLogOptions(null, "scan log")));
        String m = assertThrows(ScanLogException.class, () -> profileOf(f, new ScanLogOptions(null, "Data"))).getMessage();
        assertTrue(m.contains("no sheet \"Data\"") && m.contains("Notes, Scan log"), m);
    }

    @Test
    void foldersPickUpWorkbooksButNotExcelLockFilesAndTheWholeRunAudits() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("logs"));
        canonicalWorkbook("logs/october.xlsx", null, true);
        Files.copy(OpenRemTestFiles.file(OpenRemExportWriter.CSV_NO_PATIENT_ID), folder.resolve("openrem.csv"));
        Files.writeString(folder.resolve("~$october.xlsx"), "lock");
        assertEquals(List.of(folder.resolve("october.xlsx"), folder.resolve("openrem.csv")), ScanLogInput.expand(List.of(folder)));
        var result = new AuditFixture().auditFiles(List.of(folder));
        assertEquals(34, result.rows().audited(), result.rejected().toString());
    }

    @Test
    void oldExcelAndBrokenWorkbooksGetAClearMessage() throws Exception {
        Path xls = dir.resolve("old.xls");
        Files.write(xls, new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0});
        assertTrue(assertThrows(ScanLogException.class, () -> profileOf(xls)).getMessage().contains(".xls"));
        Path broken = dir.resolve("broken.xlsx");
        Files.write(broken, new byte[]{'P', 'K', 3, 4, 1, 2, 3});
        String m = assertThrows(ScanLogException.class, () -> profileOf(broken)).getMessage();
        assertTrue(m.startsWith("broken.xlsx: ") && m.contains("XLSX"), m);
    }

    @Test
    void theRunReadsEachFileWithItsOwnProfile() {
        List<DataWarning> warnings = new ArrayList<>();
        RowValidator v = new RowValidator(new Pseudonymiser(AuditFixture.SECRET), LocalDateTime.of(2026, 11, 2, 7, 0), 1000, warnings::add);
        ScanLogInput in = new ScanLogInput(List.of(OpenRemTestFiles.file(OpenRemExportWriter.CANONICAL),
                OpenRemTestFiles.file(OpenRemExportWriter.XLSX)), v, new Exclusions(List.of()), warnings);
        assertEquals(List.of("canonical", "openrem-ct-xlsx"), List.copyOf(in.profiles().values()));
        AuditedRows.read(in);
        assertEquals(66, in.accounting().audited(), "canonical rows carry event UIDs and OpenREM rows none: nothing links them");
        assertTrue(in.accounting().reconciles());
    }

    @Test
    void theSameStudiesExportedTwiceAreDuplicatesWhateverTheLayout() {
        RowValidator v = new RowValidator(new Pseudonymiser(AuditFixture.SECRET), LocalDateTime.of(2026, 11, 2, 7, 0), 1000, w -> { });
        ScanLogInput in = new ScanLogInput(List.of(OpenRemTestFiles.file(OpenRemExportWriter.CSV),
                OpenRemTestFiles.file(OpenRemExportWriter.XLSX), OpenRemTestFiles.file(OpenRemExportWriter.CSV_STANDARD_NAMES)),
                v, new Exclusions(List.of()), new ArrayList<>());
        in.read((r, o) -> { }, n -> { });
        assertEquals(33, in.accounting().audited());
        assertEquals(66, in.accounting().duplicate(), "by study and event number");
        assertTrue(in.accounting().reconciles());
    }

    @Test
    void unreadableHeaderFilesStillStopWithTheirOwnMessage() throws Exception {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "", StandardCharsets.UTF_8);
        assertTrue(assertThrows(ScanLogException.class, () -> profileOf(empty)).getMessage().contains("empty"));
    }
}
