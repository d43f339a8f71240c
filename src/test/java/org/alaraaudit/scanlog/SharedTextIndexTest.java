package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell of type {@code s} points into the workbook's table of shared texts by its index. In a damaged workbook the
 * index may be past the table's end: FastExcel would read that cell as an empty text, and for an index of two
 * billion fill the heap reading the table up to it. Such a workbook is refused naming the cell, never quoting the
 * table, whose texts may identify patients.
 */
class SharedTextIndexTest {
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    @TempDir
    Path dir;

    /**
     * A workbook written part by part, as a damaged file may be: sheets named {@code log}, {@code notes}, … with the
     * given {@code sheetData} contents, and the given {@code si} elements as its shared-text table (none when null).
     */
    static Path workbook(Path f, String sharedTexts, String... sheetData) throws IOException {
        String[] names = {"log", "notes", "more"};
        StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        StringBuilder sheets = new StringBuilder();
        StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
        for (int i = 0; i < sheetData.length; i++) {
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(i + 1)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            sheets.append("<sheet name=\"").append(names[i]).append("\" sheetId=\"").append(i + 1).append("\" r:id=\"rId").append(i + 1).append("\"/>");
            rels.append("<Relationship Id=\"rId").append(i + 1).append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
                    + " Target=\"worksheets/sheet").append(i + 1).append(".xml\"/>");
        }
        if (sharedTexts != null) {
            types.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
            rels.append("<Relationship Id=\"rIdT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
        }
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            part(z, "[Content_Types].xml", types + "</Types>");
            part(z, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            part(z, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN + "\""
                    + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" + sheets + "</sheets></workbook>");
            part(z, "xl/_rels/workbook.xml.rels", rels + "</Relationships>");
            for (int i = 0; i < sheetData.length; i++) {
                part(z, "xl/worksheets/sheet" + (i + 1) + ".xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\">"
                        + "<sheetData>" + sheetData[i] + "</sheetData></worksheet>");
            }
            part(z, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + MAIN + "\">"
                    + "<cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>");
            if (sharedTexts != null) {
                // The count attributes say nothing true of a damaged table: they are written as a damaged file may have them.
                part(z, "xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN + "\" count=\"9\" uniqueCount=\"9\">"
                        + sharedTexts + "</sst>");
            }
        }
        return f;
    }

    private static void part(ZipOutputStream z, String name, String xml) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(xml.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    /** A header of two shared texts and three rows: a patient identifier (a shared text) and an age. */
    private static String sheet(String patientOfRow3) {
        return "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\"><v>8</v></c></row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>" + patientOfRow3 + "</v></c><c r=\"B3\"><v>5000</v></c></row>"
                + "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>3</v></c><c r=\"B4\"><v>12</v></c></row>";
    }

    private static final String TEXTS = "<si><t>patient_id</t></si><si><t>age_years</t></si><si><t>MRN-4711</t></si>"
            + "<si><r><t>MRN-</t></r><r><t>4712</t></r></si>";

    private static List<String> rows(Path f) {
        List<String> out = new ArrayList<>();
        try (XlsxTable t = new XlsxTable(f, null, List.of())) {
            out.add(String.join("|", t.header()));
            while (t.hasNext()) {
                TabularFile.Row r = t.next();
                out.add(r.line() + " " + java.util.Arrays.toString(r.cells()));
            }
        }
        return out;
    }

    @Test
    void aSoundWorkbookOfSharedTextsReadsAsWritten() throws IOException {
        Path f = workbook(dir.resolve("sound.xlsx"), TEXTS, sheet("3"));
        assertEquals(List.of("patient_id|age_years", "2 [MRN-4711, 8.0]", "3 [MRN-4712, 5000.0]", "4 [MRN-4712, 12.0]"), rows(f));
    }

    @Test
    void aSharedTextIndexPastTheEndOfTheTableIsRefusedNamingItsCellWithoutQuotingTheTable() throws IOException {
        Path f = workbook(dir.resolve("damaged.xlsx"), TEXTS, sheet("4"));
        ScanLogException e = assertThrows(ScanLogException.class, () -> rows(f));
        assertEquals("damaged.xlsx: sheet \"log\" row 3, column A: the cell's shared-text index (4) is past the end of the"
                + " workbook's table of shared texts (4 texts); the workbook is damaged: save it again from Excel or LibreOffice,"
                + " or export CSV", e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) assertFalse(String.valueOf(t.getMessage()).contains("MRN"), t.getMessage());
    }

    @Test
    @Timeout(60)
    void anIndexOfTwoBillionIsRefusedTheSameWayWithoutReadingTheTableUpToIt() throws IOException {
        Path f = workbook(dir.resolve("absurd.xlsx"), TEXTS, sheet("2000000000"));
        ScanLogException e = assertThrows(ScanLogException.class, () -> rows(f));
        assertTrue(e.getMessage().startsWith("absurd.xlsx: sheet \"log\" row 3, column A: the cell's shared-text index (2000000000)"
                + " is past the end of the workbook's table of shared texts (4 texts);"), e.getMessage());
    }

    @Test
    void aWorkbookWithoutATableOfSharedTextsHasNoTextForAnyIndex() throws IOException {
        Path f = workbook(dir.resolve("no-table.xlsx"), null, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>patient_id</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>");
        ScanLogException e = assertThrows(ScanLogException.class, () -> rows(f));
        assertTrue(e.getMessage().contains("row 2, column A: the cell's shared-text index (0) is past the end of the workbook's"
                + " table of shared texts (0 texts)"), e.getMessage());
    }

    @Test
    void onlyTheSheetThatIsReadIsCheckedAndACellWithoutItsAddressIsNamedAsPoiPlacesIt() throws IOException {
        String damaged = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row><c t=\"s\"><v>1</v></c><c t=\"s\"><v>77</v></c></row>";
        Path f = workbook(dir.resolve("two-sheets.xlsx"), TEXTS, sheet("3"), damaged);
        assertEquals(4, rows(f).size(), "the first sheet is sound");
        ScanLogException e = assertThrows(ScanLogException.class, () -> new XlsxTable(f, "notes", List.of()).close());
        assertTrue(e.getMessage().startsWith("two-sheets.xlsx: sheet \"notes\" row 2, column B: the cell's shared-text index (77)"),
                e.getMessage());
    }

    /** The scan of {@code xml} inflated {@code chunk} bytes at a time, so that tags and values span two reads. */
    private static SharedTextScan scan(String xml, int chunk) {
        SharedTextScan s = new SharedTextScan();
        try {
            s.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(len, chunk));
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return s;
    }

    /** The largest index the scan finds in a sheet's XML, or null when it leaves the part to the parser. */
    private static Long largest(String sheetData) {
        String xml = "<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"" + MAIN + "\"><x:sheetData>" + sheetData + "</x:sheetData></x:worksheet>";
        Long whole = null;
        for (int chunk : new int[] {1, 2, 3, 7, 1 << 16}) {
            SharedTextScan s = scan(xml, chunk);
            Long found = s.unsure() ? null : s.largestIndex();
            if (chunk > 1) assertEquals(whole, found, "the same in chunks of " + chunk + ": " + sheetData);
            whole = found;
            if (found != null) {
                // What the scan vouches for, the parser finds: no cell at or past the largest index plus one.
                assertNull(SharedTextScan.firstPastTheEnd(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), found + 1));
            }
        }
        return whole;
    }

    @Test
    void theScanFindsTheLargestIndexFastExcelWouldLookUpWhateverTheWayTheCellsAreWritten() {
        assertEquals(-1L, largest("<x:row r=\"1\"><x:c r=\"A1\"><x:v>123456789</x:v></x:c><x:c r=\"B1\" t=\"str\"><x:v>99</x:v></x:c></x:row>"),
                "numbers and texts of formulas are no index");
        assertEquals(12L, largest("<x:row><x:c r=\"A1\" s=\"3\" t=\"s\"><x:v>12</x:v></x:c><x:c t=\"s\"/><x:c t=\"s\"><x:v></x:v></x:c></x:row>"));
        assertEquals(40L, largest("<x:row><x:c t = 's' r='A1'\n><x:f>A2</x:f><x:v>0040</x:v></x:c><x:c t=\"s\"><x:v\n>7</x:v ></x:c></x:row>"));
        assertEquals(5L, largest("<x:row><x:c title=\"s\" t=\"n\"><x:v>900</x:v></x:c><x:c a=\"t=&quot;s&quot;>\" t=\"s\"><x:v>5</x:v></x:c></x:row>"),
                "an attribute named otherwise, or a value that looks like one, is no type");
        assertEquals(2147483648L, largest("<x:row><x:c t=\"s\"><x:v>99999999999999999999</x:v></x:c></x:row>"),
                "past any index FastExcel parses counts as past every table");
        assertEquals(3L, largest("<x:row><x:c t=\"s\" xmlns:p=\"urn:p\" p:t=\"n\"><x:v>3</x:v></x:c></x:row>"));
    }

    @Test
    void whatTheScanCannotReadItLeavesToTheParserWhichFindsTheCellsFirstIndexPastTheEnd() {
        for (String cells : List.of(
                "<x:c r=\"C7\" t=\"s\"><x:v><![CDATA[9]]></x:v></x:c>",
                "<x:c r=\"C7\" t=\"s\"><x:v>&#57;</x:v></x:c>",
                "<x:c r=\"C7\" t=\"&#115;\"><x:v>9</x:v></x:c>",
                "<!-- a note --><x:c r=\"C7\" t=\"s\"><x:v>9</x:v></x:c>",
                "<x:c r=\"C7\" t=\"s\"><x:v><x:b/>9</x:v></x:c>",
                "<x:c r=\"C7\" t=\"s\"><x:v> 9</x:v></x:c>")) {
            String sheet = "<x:row r=\"7\"><x:c r=\"A7\" t=\"s\"><x:v>1</x:v></x:c>" + cells + "</x:row>";
            assertNull(largest(sheet), cells);
            String xml = "<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"" + MAIN + "\"><x:sheetData>" + sheet + "</x:sheetData></x:worksheet>";
            SharedTextScan.PastTheEnd cell = SharedTextScan.firstPastTheEnd(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), 2);
            if (cells.contains("> 9")) {
                assertNull(cell, "FastExcel does not parse \" 9\" as an index: the other reader takes the row");
            } else {
                assertEquals(new SharedTextScan.PastTheEnd(7, 2, 9, 2), cell, cells);
            }
        }
        assertNull(largest("<x:row><x:c t=\"s\"><x:v>-1</x:v></x:c></x:row>"), "a sign");
    }

    @Test
    void theScanCountsTheTextsOfTheTableAsFastExcelFindsThem() {
        String table = "<?xml version=\"1.0\"?><sst xmlns=\"" + MAIN + "\" count=\"1\" uniqueCount=\"1\"><si><t>a</t></si><si/>"
                + "<x:si xmlns:x=\"" + MAIN + "\"><x:r><x:t>b</x:t></x:r><x:rPh><x:t>c</x:t></x:rPh></x:si><sis><t>not a text</t></sis></sst>";
        for (int chunk : new int[] {1, 3, 1 << 16}) assertEquals(3, scan(table, chunk).texts());
        assertEquals(3, SharedTextScan.texts(new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8))));
    }
}
