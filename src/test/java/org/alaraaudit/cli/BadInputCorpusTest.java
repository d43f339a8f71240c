package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bad-input corpus (src/test/resources/bad-input/expectations.csv): each file's exact exit code and the
 * message a user sees, never a stack trace or a hang; rows that can be read are audited, the rest accounted.
 */
@Timeout(120)
class BadInputCorpusTest {
    private static final String HEADER =
            "patient_id,age_years,facility,station_name,accession_number,study_datetime,modality,protocol_name,ctdivol_mgy,dlp_mgycm";
    private static final String ROW = "MRN1,8,Gen,CT1,A1,2026-10-01T10:00,CT,PED CHEST 5-10Y,2.0,50";

    @TempDir
    Path dir;

    @BeforeAll
    static void noHistory() { System.setProperty("alara.audit.history", "none"); }

    @AfterAll
    static void restore() { System.clearProperty("alara.audit.history"); }

    static Stream<CSVRecord> corpus() throws IOException, URISyntaxException {
        Path expectations = Path.of(BadInputCorpusTest.class.getResource("/bad-input/expectations.csv").toURI());
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(expectations)).getRecords().stream();
    }

    private CliTest.Run audit(Path input) {
        return CliTest.run("audit", input.toString(), "--out", dir.resolve("out").toString(), "--format", "csv,json");
    }

    private static void assertClean(CliTest.Run r) {
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachFileGivesItsExitCodeAndMessage(CSVRecord c) throws Exception {
        Path file = Path.of(getClass().getResource("/bad-input/" + c.get("file")).toURI());
        CliTest.Run r = audit(file);
        assertClean(r);
        assertEquals(Integer.parseInt(c.get("exit_code")), r.code(), r.out() + r.err());
        if (!c.get("message").isEmpty() && r.code() >= 2) {
            assertTrue(r.err().contains(c.get("message")), "expected \"" + c.get("message") + "\" in: " + r.err());
            assertTrue(r.err().contains(c.get("file")), "the message names the file: " + r.err());
            assertFalse(Files.exists(dir.resolve("out/findings.csv")), "nothing is written when the run cannot go on");
        } else if (!c.get("message").isEmpty()) {
            // A run that goes on lists its first rejected rows: the message is one of them.
            assertTrue(r.out().contains(c.get("message")), "expected \"" + c.get("message") + "\" in: " + r.out());
        }
        if (!c.get("read").isEmpty()) {
            JsonNode rows = new ObjectMapper().readTree(dir.resolve("out/findings.json").toFile()).get("rows");
            assertEquals(Long.parseLong(c.get("read")), rows.get("read").asLong());
            assertEquals(Long.parseLong(c.get("audited")), rows.get("audited").asLong());
            assertEquals(Long.parseLong(c.get("rejected")), rows.get("rejected").asLong());
        }
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"patient_id", "facility", "station_name", "accession_number", "study_datetime", "modality", "age_years"})
    void everyRequiredColumnMissingInTurn(String column) throws IOException {
        List<String> header = List.of(HEADER.split(","));
        List<String> row = List.of(ROW.split(","));
        int i = header.indexOf(column);
        StringBuilder h = new StringBuilder();
        StringBuilder v = new StringBuilder();
        for (int k = 0; k < header.size(); k++) {
            if (k == i) continue;
            if (h.length() > 0) {
                h.append(',');
                v.append(',');
            }
            h.append(header.get(k));
            v.append(row.get(k));
        }
        Path f = dir.resolve("missing-" + column + ".csv");
        Files.writeString(f, h + "\n" + v + "\n");
        CliTest.Run r = audit(f);
        assertClean(r);
        assertEquals(3, r.code());
        assertTrue(r.err().contains(column), r.err());
    }

    @Test
    void tenThousandColumnsAreKeptAsExtras() throws IOException {
        StringBuilder h = new StringBuilder(HEADER);
        StringBuilder v = new StringBuilder(ROW);
        for (int k = 0; k < 10_000; k++) {
            h.append(",vendor_").append(k);
            v.append(',').append(k);
        }
        Path f = dir.resolve("wide.csv");
        Files.writeString(f, h + "\n" + v + "\n");
        CliTest.Run r = audit(f);
        assertClean(r);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 audited"), r.out());
    }

    @Test
    void aFiftyMegabyteSingleLineIsRefusedWithoutHanging() throws IOException {
        Path f = dir.resolve("one-line.csv");
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            char[] chunk = new char[1 << 20];
            java.util.Arrays.fill(chunk, 'x');
            for (int k = 0; k < 50; k++) w.write(chunk);
        }
        CliTest.Run r = audit(f);
        assertClean(r);
        assertEquals(3, r.code());
        assertTrue(r.err().contains("one-line.csv"), r.err());
    }

    @Test
    void aFolderWithoutScanLogsIsUnusable() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("nothing-here"));
        Files.writeString(empty.resolve("notes.txt.bak"), "not a log");
        CliTest.Run r = audit(empty);
        assertEquals(3, r.code());
        assertTrue(r.err().contains("no scan logs"), r.err());
    }

    @Test
    void aZipBombDisguisedAsAWorkbookIsRefused() throws IOException {
        Path f = dir.resolve("bomb.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int k = 0; k < 200; k++) z.write(zeros);
            z.closeEntry();
        }
        CliTest.Run r = audit(f);
        assertClean(r);
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("bomb.xlsx: the workbook expands to far more data than its file size"), r.err());
    }

    @Test
    void aSharedTextIndexOfTwoBillionIsRefusedNamingItsCellNotReadUntilTheHeapIsFull() throws IOException {
        // A damaged workbook: the row's patient identifier points far past the one shared text there is.
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        StringBuilder header = new StringBuilder("<row r=\"1\">");
        StringBuilder row = new StringBuilder("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2000000000</v></c>");
        String[] h = HEADER.split(",");
        String[] v = ROW.split(",");
        for (int k = 0; k < h.length; k++) {
            String column = String.valueOf((char) ('A' + k));
            header.append("<c r=\"").append(column).append("1\" t=\"inlineStr\"><is><t>").append(h[k]).append("</t></is></c>");
            if (k > 0) row.append("<c r=\"").append(column).append("2\" t=\"inlineStr\"><is><t>").append(v[k]).append("</t></is></c>");
        }
        Path f = dir.resolve("dangling.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            String[][] parts = {
                {"[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                        + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                        + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                        + "</Types>"},
                {"_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                        + "</Relationships>"},
                {"xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"" + main + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                        + "<sheets><sheet name=\"log\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
                {"xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                        + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                        + "</Relationships>"},
                {"xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"" + main + "\"><sheetData>" + header + "</row>" + row + "</row></sheetData></worksheet>"},
                {"xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet xmlns=\"" + main + "\"><cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>"},
                {"xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"" + main + "\" count=\"1\" uniqueCount=\"1\"><si><t>MRN-SECRET-1</t></si></sst>"},
            };
            for (String[] p : parts) {
                z.putNextEntry(new ZipEntry(p[0]));
                z.write(p[1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        CliTest.Run r = audit(f);
        assertClean(r);
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("dangling.xlsx: sheet \"log\" row 2, column A: the cell's shared-text index (2000000000) is past"
                + " the end of the workbook's table of shared texts (1 text)"), r.err());
        assertFalse(r.err().contains("MRN-SECRET-1") || r.out().contains("MRN-SECRET-1"), "the table is not quoted");
        assertFalse(Files.exists(dir.resolve("out/findings.csv")), "nothing is written when the run cannot go on");
    }

    @Test
    void aWorkbookWithAnExternalEntityIsRefused() throws IOException {
        Path f = dir.resolve("xxe.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write(("<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">&x;</Types>").getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        CliTest.Run r = audit(f);
        assertClean(r);
        assertEquals(3, r.code(), r.out() + r.err());
        assertFalse(r.err().contains("root:"), "the entity was never resolved");
        assertTrue(r.err().contains("xxe.xlsx: the workbook's XML declares a document type or entities"), r.err());
    }

    @Test
    void aRefusedWorkbookShowsOnlyTheToolsOwnMessageOnStandardError() throws IOException {
        Path f = dir.resolve("doctype.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write(("<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x \"y\">]>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">&x;</Types>").getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        CliTest.Run r;
        // Library loggers write to the process's standard error, not to the command's: catch that stream.
        System.setErr(new java.io.PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            r = audit(f);
        } finally {
            System.setErr(before);
        }
        assertEquals(3, r.code(), r.out() + r.err());
        String logged = console.toString(StandardCharsets.UTF_8);
        assertFalse(logged.contains("ERROR"), logged);
        assertFalse(logged.contains("\tat "), logged);
    }

    @Test
    void aPasswordProtectedWorkbookIsRefusedWithAClearMessage() throws Exception {
        Path plain = dir.resolve("plain.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); OutputStream out = Files.newOutputStream(plain)) {
            var sheet = wb.createSheet("log");
            String[] h = HEADER.split(",");
            String[] v = ROW.split(",");
            var hr = sheet.createRow(0);
            var vr = sheet.createRow(1);
            for (int k = 0; k < h.length; k++) {
                hr.createCell(k).setCellValue(h[k]);
                vr.createCell(k).setCellValue(v[k]);
            }
            wb.write(out);
        }
        Path locked = dir.resolve("locked.xlsx");
        try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
            var info = new org.apache.poi.poifs.crypt.EncryptionInfo(org.apache.poi.poifs.crypt.EncryptionMode.agile);
            var enc = info.getEncryptor();
            enc.confirmPassword("secret");
            try (var opc = org.apache.poi.openxml4j.opc.OPCPackage.open(plain.toFile(), org.apache.poi.openxml4j.opc.PackageAccess.READ_WRITE);
                 OutputStream os = enc.getDataStream(fs)) {
                opc.save(os);
            }
            try (OutputStream out = Files.newOutputStream(locked)) {
                fs.writeFilesystem(out);
            }
        }
        CliTest.Run r = audit(locked);
        assertClean(r);
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("locked.xlsx") && r.err().toLowerCase().contains("password"), r.err());
    }
}
