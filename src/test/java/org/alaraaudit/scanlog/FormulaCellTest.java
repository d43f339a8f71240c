package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A formula whose result the file does not hold (openpyxl and pandas write formulas so) stands for a value
 * nobody computed: its row is rejected naming the sheet cell, and the rest of the workbook is audited.
 */
class FormulaCellTest {
    private static final String[] HEADER =
            "patient_id,age_years,facility,station_name,accession_number,study_datetime,modality,protocol_name,ctdivol_mgy,dlp_mgycm".split(",");

    @TempDir
    Path dir;

    /** A workbook of three rows whose J3 (row 2's DLP) is the given cell XML, as another writer would store it. */
    private Path workbook(String cellXml) throws IOException {
        Path plain = dir.resolve("plain.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(plain)) {
            Sheet s = wb.createSheet("log");
            Row h = s.createRow(0);
            for (int k = 0; k < HEADER.length; k++) h.createCell(k).setCellValue(HEADER[k]);
            for (int r = 1; r <= 3; r++) {
                String[] v = ("MRN" + r + ",8,Gen,CT1,A" + r + ",2026-10-0" + r + "T10:00,CT,PED CHEST 5-10Y,2.0").split(",");
                Row row = s.createRow(r);
                for (int k = 0; k < v.length; k++) row.createCell(k).setCellValue(v[k]);
                row.createCell(9).setCellValue(r == 2 ? 777 : 50);
            }
            wb.write(out);
        }
        return EditedWorkbook.edit(plain, dir.resolve("formulas.xlsx"), "xl/worksheets/sheet1.xml",
                "<c r=\"J3\"[^>]*><v>777(\\.0)?</v></c>", cellXml);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<c r=\"J3\"><f>I3*25</f><v></v></c>", "<c r=\"J3\"><f>I3*25</f><v/></c>", "<c r=\"J3\"><f>I3*25</f></c>"})
    void aFormulaWithoutACachedValueRejectsOnlyItsRowNamingTheCell(String cellXml) throws IOException {
        AuditResult r = new AuditFixture().auditFiles(List.of(workbook(cellXml)));
        assertEquals(3, r.rows().read());
        assertEquals(2, r.rows().audited());
        assertEquals(List.of(new Rejection("formulas.xlsx", 3, "dlp_mgycm", null, "is a formula without a cached value"
                + " (sheet \"log\" cell J3); open and save the workbook in Excel or LibreOffice so that its result is stored",
                "Gen", "A2", "2026-10-02T10:00:00")), r.rejected());
    }

    /**
     * Rows of one workbook, each {@code column=value,...} over the header, with the cells named in {@code formulas}
     * ("J3") stored as a formula without a result, as openpyxl writes them.
     */
    private Path workbook(List<String> rows, String... formulas) throws IOException {
        Path f = dir.resolve("plain.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            Sheet s = wb.createSheet("log");
            Row h = s.createRow(0);
            for (int k = 0; k < HEADER.length; k++) h.createCell(k).setCellValue(HEADER[k]);
            for (int r = 0; r < rows.size(); r++) {
                String[] v = rows.get(r).split(",");
                Row row = s.createRow(r + 1);
                for (int k = 0; k < v.length; k++) if (!v[k].isEmpty()) row.createCell(k).setCellValue(v[k]);
            }
            wb.write(out);
        }
        for (int k = 0; k < formulas.length; k++) {
            Path edited = dir.resolve("formulas-" + k + ".xlsx");
            f = EditedWorkbook.edit(f, edited, "xl/worksheets/sheet1.xml", "<c r=\"" + formulas[k] + "\"[^>]*>(<is>)?<v>[^<]*</v>(</is>)?</c>|<c r=\""
                    + formulas[k] + "\"[^>]*><is><t>[^<]*</t></is></c>", "<c r=\"" + formulas[k] + "\"><f>I2*25</f></c>");
        }
        return f;
    }

    private static final String STUDY_A1 = "MRN1,8,Gen,CT1,A1,2026-10-01T10:00,CT,PED CHEST 5-10Y,2.0,50";

    @Test
    void twoOctoberRowsWithFormulasNeverComputedLeaveTheirStudyIncompleteAndNameIt() throws IOException {
        // Rows 3 and 4 are two more events of study A1, their DLP a formula never computed; row 5 is another study.
        AuditResult r = new AuditFixture().auditFiles(List.of(workbook(List.of(STUDY_A1, STUDY_A1.replace(",50", ",51"),
                STUDY_A1.replace(",50", ",52"), "MRN2,8,Gen,CT1,A2,2026-10-02T10:00,CT,PED CHEST 5-10Y,2.0,50"), "J3", "J4")));
        assertEquals(4, r.rows().read());
        assertEquals(2, r.rows().rejected());
        assertTrue(r.rows().reconciles());
        for (Rejection x : r.rejected()) {
            assertEquals(List.of("Gen", "A1", "2026-10-01T10:00:00"), java.util.Arrays.asList(x.facility(), x.accessionNumber(), x.studyDatetime()));
        }
        List<Finding> incomplete = AuditFixture.findings(r, "STUDY_INCOMPLETE");
        assertEquals(1, incomplete.size(), incomplete.toString());
        assertEquals("A1", incomplete.get(0).accessionNumber());
        assertEquals(2.0, incomplete.get(0).measuredValue());
    }

    @Test
    void aFormulaInTheAccessionCellStillFindsItsStudyByPatientAndStart() throws IOException {
        // The accession itself is the formula never computed: the row's facility, patient and study start name the study.
        AuditResult r = new AuditFixture().auditFiles(List.of(workbook(List.of(STUDY_A1, STUDY_A1.replace(",50", ",51")), "E3")));
        assertEquals(1, r.rows().rejected());
        Rejection x = r.rejected().get(0);
        assertEquals("accession_number", x.column());
        assertEquals("Gen", x.facility());
        assertNull(x.accessionNumber());
        assertEquals(List.of("A1"), AuditFixture.findings(r, "STUDY_INCOMPLETE").stream().map(Finding::accessionNumber).toList());
    }

    @Test
    void aFormulaRowsPatientIdentifierNeverShowsInItsStudyCells() throws IOException {
        // The accession was typed as the patient's identifier: kept to find the study, never shown.
        AuditResult r = new AuditFixture().auditFiles(List.of(workbook(List.of(STUDY_A1,
                "MRN77,8,Gen,CT1,MRN77,2026-10-01T11:00,CT,PED CHEST 5-10Y,2.0,50"), "J3")));
        Rejection x = r.rejected().get(0);
        assertEquals(Rejection.VALUE_WITHHELD, x.accessionNumber());
        assertFalse(x.toString().contains("MRN77"), x.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<c r=\"J3\"><f>I3*25</f><v>52</v></c>"})
    void aFormulaWithItsCachedValueIsReadAsThatValue(String cellXml) throws IOException {
        AuditResult r = new AuditFixture().auditFiles(List.of(workbook(cellXml)));
        assertEquals(3, r.rows().audited(), r.rejected().toString());
    }
}
