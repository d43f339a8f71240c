package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canonical XLSX scan log of 500,000 rows is read row by row: the heap kept alive while reading does not grow
 * with the rows read (a workbook loaded whole would hold hundreds of megabytes for this sheet).
 */
class LargeWorkbookIT {
    private static final int ROWS = 500_000;
    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    private Path write() throws Exception {
        Path f = dir.resolve("big.xlsx");
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        wb.setCompressTempFiles(false); // compressing its temporary sheet file would cost a third of the writing
        try {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            SXSSFSheet s = wb.createSheet("Scan log");
            // The canonical columns an audit needs, and one dose value; each row a distinct event.
            String[] h = {"patient_id", "age_years", "facility", "station_name", "accession_number", "study_datetime",
                    "modality", "protocol_name", "ctdivol_mgy"};
            Row hr = s.createRow(0);
            for (int i = 0; i < h.length; i++) hr.createCell(i).setCellValue(h[i]);
            LocalDateTime start = LocalDateTime.of(2026, 10, 1, 8, 0);
            for (int i = 1; i <= ROWS; i++) {
                Row r = s.createRow(i);
                r.createCell(0).setCellValue("P" + (i % 60_000));
                r.createCell(1).setCellValue(0.5 + (i % 170) / 10.0);
                r.createCell(2).setCellValue("General");
                r.createCell(3).setCellValue("CT" + (i % 7));
                r.createCell(4).setCellValue("ACC" + i);
                r.createCell(5).setCellValue(start.plusMinutes(i % 40_000));
                r.getCell(5).setCellStyle(date);
                r.createCell(6).setCellValue("CT");
                r.createCell(7).setCellValue("PED HEAD 6-18Y");
                r.createCell(8).setCellValue(20 + (i % 50) / 10.0);
            }
            try (OutputStream out = Files.newOutputStream(f)) {
                wb.write(out);
            }
        } finally {
            wb.dispose();
            wb.close();
        }
        return f;
    }

    private static long retainedHeap(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Test
    void fiveHundredThousandRowsReadInBoundedMemory() throws Exception {
        Path f = write();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        RowValidator v = new RowValidator(new Pseudonymiser(AuditFixture.SECRET), LocalDateTime.of(2026, 11, 2, 7, 0), 1000, w -> { });
        ScanLogInput in = new ScanLogInput(List.of(f), v, new Exclusions(List.of()), new ArrayList<>());
        long[] seen = {0, 0, 0};
        in.read((row, ordinal) -> {
            seen[0]++;
            if (seen[0] == 50_000) seen[1] = retainedHeap(memory);
            if (seen[0] == ROWS - 1) seen[2] = retainedHeap(memory);
        }, n -> { });
        assertEquals(ROWS, in.accounting().read());
        assertEquals(ROWS, in.accounting().audited(), in.rejections().isEmpty() ? "" : in.rejections().get(0).message());
        long growth = seen[2] - seen[1];
        // What stays is the duplicate filter's 8-byte keys (a few MB); a whole-workbook read would keep hundreds of MB.
        assertTrue(growth < 64 * MB, "heap kept alive grew by " + growth / MB + " MB between row 50,000 and row 500,000 "
                + "(file " + Files.size(f) / MB + " MB)");
    }
}
