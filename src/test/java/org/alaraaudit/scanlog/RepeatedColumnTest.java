package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unknown columns are never an error, even two of one name; a column the audit reads, given twice, stops the
 * run in a workbook as in canonical CSV, because which of the two holds the dose would be a guess.
 */
class RepeatedColumnTest {
    @TempDir
    Path dir;

    private Path workbook(String header, String row) throws IOException {
        Path f = dir.resolve("log.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            Sheet s = wb.createSheet("log");
            String[][] cells = {header.split(","), row.split(",")};
            for (int r = 0; r < 2; r++) {
                Row x = s.createRow(r);
                for (int k = 0; k < cells[r].length; k++) x.createCell(k).setCellValue(cells[r][k]);
            }
            wb.write(out);
        }
        return f;
    }

    private static final String HEADER = "patient_id,age_years,facility,station_name,accession_number,study_datetime,modality,protocol_name,ctdivol_mgy";
    private static final String ROW = "MRN1,8,Gen,CT1,A1,2026-10-01T10:00,CT,P,2.0";

    @Test
    void twoUnknownColumnsOfOneNameInAWorkbookAreKept() throws IOException {
        List<RawRow> rows = OpenRemTestFiles.rows(workbook(HEADER + ",note,note", ROW + ",first,second"));
        assertEquals(1, rows.size());
        assertEquals("first", rows.get(0).extras().get("note"));
    }

    @Test
    void aCanonicalColumnTwiceInAWorkbookStopsTheRunAsInCsv() throws IOException {
        Path f = workbook(HEADER + ",CTDIvol_mGy", ROW + ",3.0");
        ScanLogException e = assertThrows(ScanLogException.class, () -> OpenRemTestFiles.rows(f));
        assertEquals("log.xlsx: the header: column ctdivol_mgy appears twice (columns 9 and 10); rename or remove one", e.getMessage());
    }
}
