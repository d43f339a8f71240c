package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
                + " (sheet \"log\" cell J3); open and save the workbook in Excel or LibreOffice so that its result is stored")),
                r.rejected());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<c r=\"J3\"><f>I3*25</f><v>52</v></c>"})
    void aFormulaWithItsCachedValueIsReadAsThatValue(String cellXml) throws IOException {
        AuditResult r = new AuditFixture().auditFiles(List.of(workbook(cellXml)));
        assertEquals(3, r.rows().audited(), r.rejected().toString());
    }
}
