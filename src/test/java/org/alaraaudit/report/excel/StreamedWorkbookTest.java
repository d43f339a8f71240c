package org.alaraaudit.report.excel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The streamed sheets' temporary files: gzip at the fastest level, read back whole into the workbook. */
class StreamedWorkbookTest {
    private static byte[] rows() {
        StringBuilder xml = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            xml.append("<row r=\"").append(i + 2).append("\"><c r=\"A").append(i + 2).append("\" t=\"inlineStr\"><is><t>CGH-CT-ED ")
                    .append(i % 97).append("</t></is></c><c r=\"B").append(i + 2).append("\"><v>").append(i * 7 % 1000 / 10.0)
                    .append("</v></c></row>");
        }
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] data, boolean fastest) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = fastest ? new StreamedWorkbook.FastestGzip(bytes) : new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    @Test
    void theTemporaryFilesAreGzipThatReadsBackWholeAndTradeSizeForSpeed() throws IOException {
        byte[] data = rows();
        byte[] fastest = gzip(data, true);
        byte[] usual = gzip(data, false);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(fastest))) {
            assertArrayEquals(data, in.readAllBytes());
        }
        // The default level packs these rows tighter: the fastest one is in force, not the default.
        assertTrue(fastest.length > usual.length * 1.05, fastest.length + " against " + usual.length);
        assertTrue(fastest.length < data.length / 3, "still compressed: " + fastest.length + " of " + data.length);
    }

    @Test
    void rowsPastTheWindowComeBackFromTheTemporaryFiles() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (StreamedWorkbook wb = new StreamedWorkbook(new XSSFWorkbook(), 10)) {
            assertTrue(wb.isCompressTempFiles());
            Sheet s = wb.createSheet("Events");
            for (int i = 0; i < 1_000; i++) {
                Row r = s.createRow(i);
                r.createCell(0).setCellValue("event " + i);
                r.createCell(1).setCellValue(i / 4.0);
            }
            wb.write(file);
        }
        try (XSSFWorkbook back = new XSSFWorkbook(new ByteArrayInputStream(file.toByteArray()))) {
            Sheet s = back.getSheet("Events");
            assertEquals(999, s.getLastRowNum());
            assertEquals("event 0", s.getRow(0).getCell(0).getStringCellValue());
            assertEquals("event 999", s.getRow(999).getCell(0).getStringCellValue());
            assertEquals(249.75, s.getRow(999).getCell(1).getNumericCellValue());
        }
    }
}
