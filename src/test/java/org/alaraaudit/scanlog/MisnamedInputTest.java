package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file named .xlsx that is no workbook, or .json that is no DICOM JSON, is refused for what it is not, naming the
 * file, instead of being read as CSV and refused for columns that are a text's words. A workbook is still told by its
 * bytes whatever its name, and a folder still leaves out the .json files that are no dose report.
 */
class MisnamedInputTest {
    @TempDir
    Path dir;

    private String refused(Path f) {
        return assertThrows(ScanLogException.class, () -> new ScanLogOpener(ScanLogOptions.DEFAULTS).open(f).close()).getMessage();
    }

    private String profileOf(Path f) {
        try (ScanLogReader r = new ScanLogOpener(ScanLogOptions.DEFAULTS).open(f)) {
            return r.profileName() + " " + r.getClass().getSimpleName();
        }
    }

    private Path workbook(String name) throws IOException {
        String[] lines = new AuditFixture().row().csv().split("\n");
        Path f = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            Sheet sheet = wb.createSheet("log");
            for (int i = 0; i < lines.length; i++) {
                Row row = sheet.createRow(i);
                String[] cells = lines[i].split(",", -1);
                for (int k = 0; k < cells.length; k++) row.createCell(k).setCellValue(cells[k]);
            }
            wb.write(out);
        }
        return f;
    }

    @Test
    void textNamedAsAWorkbookIsRefusedAsNoWorkbook() throws IOException {
        Path f = Files.writeString(dir.resolve("export.xlsx"), "hello, this is not a workbook\n");
        assertEquals("export.xlsx: not an XLSX workbook (it is not a zip file)", refused(f));
    }

    @Test
    void aScanLogSavedAsCsvTextUnderAWorkbookNameIsRefusedToo() throws IOException {
        Path f = Files.writeString(dir.resolve("log.XLSX"), new AuditFixture().row().csv());
        assertEquals("log.XLSX: not an XLSX workbook (it is not a zip file)", refused(f));
    }

    @Test
    void anEmptyFileNamedAsAWorkbookIsSaidToBeEmpty() throws IOException {
        Path f = Files.write(dir.resolve("empty.xlsx"), new byte[0]);
        assertEquals("empty.xlsx: not an XLSX workbook (the file is empty)", refused(f));
    }

    @Test
    void aWorkbookIsReadAsOneWhetherNamedXlsxOrCsv() throws IOException {
        assertEquals("canonical MappedScanLogReader", profileOf(workbook("log.xlsx")));
        assertEquals("canonical MappedScanLogReader", profileOf(workbook("log.csv")), "its bytes say what it is");
        assertEquals("canonical CsvScanLogReader", profileOf(new AuditFixture().row().write(dir, "log2.csv")));
    }

    @Test
    void jsonThatIsNoDicomJsonIsRefusedSayingWhatItIs() throws IOException {
        assertEquals("other.json: not a DICOM JSON file (it does not begin with a DICOM data set: a tag such as \"00080060\""
                + " holding its \"vr\" and \"Value\")", refused(Files.writeString(dir.resolve("other.json"), "{\"PatientID\": \"P1\"}")));
        assertEquals("log.json: not a DICOM JSON file (it is not JSON)",
                refused(Files.writeString(dir.resolve("log.json"), new AuditFixture().row().csv())));
        assertEquals("empty.json: not a DICOM JSON file (the file is empty)",
                refused(Files.writeString(dir.resolve("empty.json"), "\uFEFF  \n")));
    }

    @Test
    void dicomJsonIsStillReadAsADoseReport() throws IOException {
        Path f = Files.writeString(dir.resolve("report.json"), "[{\"00080060\": {\"vr\": \"CS\", \"Value\": [\"SR\"]}}]",
                StandardCharsets.UTF_8);
        assertEquals("DoseReportScanLogReader", profileOf(f).split(" ")[1]);
    }

    @Test
    void aFolderStillLeavesOutItsJsonFilesThatAreNoDoseReport() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("exports"));
        Path log = new AuditFixture().row().write(folder, "log.csv");
        Files.writeString(folder.resolve("settings.json"), "{\"PatientID\": \"P1\"}");
        assertEquals(List.of(log), ScanLogInput.expand(List.of(folder)));
    }
}
