package org.alaraaudit.report.excel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @TempDir
    Path dir;

    @Test
    void theWorkbooksTemporarySheetFilesAreWrittenAtTheFastestLevelAndTheirRowsComeBack() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        TempFile.setThreadLocalTempFileCreationStrategy(new DefaultTempFileCreationStrategy(dir.toFile()));
        try (StreamedWorkbook wb = new StreamedWorkbook(new XSSFWorkbook(), 10)) {
            Sheet s = wb.createSheet("Events");
            for (int i = 0; i < 20_000; i++) {
                Row r = s.createRow(i);
                r.createCell(0).setCellValue("CGH-CT-ED " + i % 97);
                r.createCell(1).setCellValue(i / 4.0);
            }
            wb.write(file);
            // Written whole and not yet deleted (closing the workbook deletes it): the sheet's temporary file.
            List<Path> temporary;
            try (Stream<Path> files = Files.walk(dir)) {
                temporary = files.filter(p -> p.getFileName().toString().endsWith(".gz")).toList();
            }
            assertEquals(1, temporary.size(), temporary.toString());
            byte[] written = Files.readAllBytes(temporary.get(0));
            byte[] xml;
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(written))) {
                xml = in.readAllBytes();
            }
            assertTrue(written.length > gzip(xml, false).length * 1.05, "not at the default level: " + written.length);
        } finally {
            TempFile.setThreadLocalTempFileCreationStrategy(null);
        }
        try (XSSFWorkbook back = new XSSFWorkbook(new ByteArrayInputStream(file.toByteArray()))) {
            Sheet s = back.getSheet("Events");
            assertEquals(19_999, s.getLastRowNum());
            assertEquals("CGH-CT-ED 0", s.getRow(0).getCell(0).getStringCellValue());
            assertEquals("CGH-CT-ED " + 19_999 % 97, s.getRow(19_999).getCell(0).getStringCellValue());
            assertEquals(4_999.75, s.getRow(19_999).getCell(1).getNumericCellValue());
        }
    }
}
