package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast XLSX reader (FastExcel) and the one that takes over at an empty formula result (excel-streaming-reader)
 * give the same cells for the same sheet: text, numbers, dates in either date system, booleans, errors and the
 * stored results of formulas, from workbooks written with shared and with inline strings, and the OpenREM exports.
 */
class XlsxReadersAgreeTest {
    @TempDir
    Path dir;

    private static List<String> rows(SheetRows sheet) {
        List<String> out = new ArrayList<>();
        try (sheet) {
            while (sheet.next()) out.add(sheet.number() + " " + Arrays.deepToString(sheet.cells(-1)));
        }
        return out;
    }

    private static void assertAgree(Path f) throws IOException {
        List<String> fast = rows(new FastExcelSheet(f, names -> names.get(0), false));
        List<String> streaming = rows(new StreamingReaderSheet(f, names -> names.get(0)));
        assertTrue(fast.size() > 1, f + " has rows");
        assertEquals(streaming, fast, f.getFileName().toString());
    }

    /** Every kind of cell a scan log may hold, in a workbook of the given writer. */
    private Path workbook(String file, Workbook wb, boolean date1904) throws IOException {
        if (date1904 && wb instanceof XSSFWorkbook x) {
            var ct = x.getCTWorkbook();
            (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
            assertTrue(x.isDate1904());
        }
        CellStyle dateTime = wb.createCellStyle();
        dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        CellStyle builtinDate = wb.createCellStyle();
        builtinDate.setDataFormat((short) 14);
        CellStyle twoDecimals = wb.createCellStyle();
        twoDecimals.setDataFormat(wb.createDataFormat().getFormat("0.00"));
        Sheet s = wb.createSheet("log");
        Row h = s.createRow(0);
        String[] header = {"text", "number", "when", "day", "flag", "error", "formula", "formula text", "formula flag", "padded"};
        for (int k = 0; k < header.length; k++) h.createCell(k).setCellValue(header[k]);
        for (int r = 1; r <= 4; r++) {
            Row row = s.createRow(r == 4 ? 6 : r); // a gap of two rows, as a hand-edited log has
            row.createCell(0).setCellValue("PED CHEST " + r);
            row.createCell(1).setCellValue(r * 0.1 + 12.345678901234567);
            row.getCell(1).setCellStyle(twoDecimals);
            row.createCell(2).setCellValue(LocalDateTime.of(2026, 10, r, 23, 59, 30));
            row.getCell(2).setCellStyle(dateTime);
            row.createCell(3).setCellValue(LocalDateTime.of(1999, 12, 31, 0, 0));
            row.getCell(3).setCellStyle(builtinDate);
            row.createCell(4).setCellValue(r % 2 == 0);
            row.createCell(5).setCellErrorValue(FormulaError.DIV0.getCode());
            row.createCell(6).setCellFormula("B" + (row.getRowNum() + 1) + "*2");
            row.createCell(7).setCellFormula("A" + (row.getRowNum() + 1) + "&\" W\"");
            row.createCell(8).setCellFormula("E" + (row.getRowNum() + 1));
            if (r != 3) row.createCell(9).setCellValue("  spaced  ");
        }
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        Path f = dir.resolve(file);
        try (OutputStream out = Files.newOutputStream(f)) {
            wb.write(out);
        }
        wb.close();
        return f;
    }

    @Test
    void bothReadersGiveTheSameCellsOfAWorkbookWithSharedStrings() throws IOException {
        assertAgree(workbook("shared.xlsx", new XSSFWorkbook(), false));
    }

    @Test
    void bothReadersGiveTheSameCellsInThe1904DateSystem() throws IOException {
        Path f = workbook("mac.xlsx", new XSSFWorkbook(), true);
        assertAgree(f);
        try (SheetRows sheet = new FastExcelSheet(f, names -> names.get(0), false)) {
            sheet.next();
            sheet.next();
            assertEquals(LocalDateTime.of(2026, 10, 1, 23, 59, 30), sheet.cells(-1)[2], "the 1904 date system is read as such");
        }
    }

    @Test
    void bothReadersGiveTheSameCellsOfAStreamedWorkbookWithInlineStrings() throws IOException {
        assertAgree(workbook("inline.xlsx", new SXSSFWorkbook(), false));
    }

    @Test
    void bothReadersGiveTheSameCellsOfTheOpenRemExports() throws IOException, URISyntaxException {
        for (String f : List.of("openrem-ct.xlsx", "openrem-ct-no-patient-id.xlsx")) {
            assertAgree(Path.of(getClass().getResource("/openrem/" + f).toURI()));
        }
    }

    @Test
    void theFastReaderGivesNumbersDatesAndTextsAsTheAuditExpectsThem() throws IOException {
        Path f = workbook("kinds.xlsx", new XSSFWorkbook(), false);
        try (SheetRows sheet = new FastExcelSheet(f, names -> names.get(0), false)) {
            sheet.next();
            sheet.next();
            Object[] c = sheet.cells(12);
            assertEquals("PED CHEST 1", c[0]);
            assertEquals(1 * 0.1 + 12.345678901234567, c[1], "the stored double, not its two-decimal display");
            assertEquals(LocalDateTime.of(2026, 10, 1, 23, 59, 30), c[2]);
            assertEquals(LocalDateTime.of(1999, 12, 31, 0, 0), c[3], "a built-in date format is a date");
            assertEquals("FALSE", c[4]);
            assertEquals("#DIV/0!", c[5]);
            assertEquals((1 * 0.1 + 12.345678901234567) * 2, (Double) c[6], 1e-12, "the formula's stored result");
            assertEquals("PED CHEST 1 W", c[7]);
            assertEquals("FALSE", c[8]);
            assertEquals("spaced", c[9]);
            assertNull(c[10], "past the last cell");
        }
    }

    /** The sheet of {@code f} with one cell's XML replaced, as another writer would store it. */
    private Path withCell(Path f, String cellRef, String cellXml) throws IOException {
        return edited(f, "xl/worksheets/sheet1.xml", "<c r=\"" + cellRef + "\".*?</c>", cellXml);
    }

    /** {@code f} with the first match of {@code regex} in part {@code part} replaced; a null {@code part} drops nothing. */
    private Path edited(Path f, String part, String regex, String replacement) throws IOException {
        return EditedWorkbook.edit(f, dir.resolve("edited-" + part.replaceAll("\\W", "") + "-" + f.getFileName()), part, regex, replacement);
    }

    @Test
    void aFormulaThatComputedAnEmptyTextIsABlankCellAndTheRowsAroundItAreAllRead() throws IOException {
        Path f = withCell(workbook("empty-text.xlsx", new XSSFWorkbook(), false), "H3", "<c r=\"H3\" t=\"str\"><f>\"\"</f><v></v></c>");
        try (XlsxTable t = new XlsxTable(f, null, List.of())) {
            List<Long> lines = new ArrayList<>();
            List<Object> h = new ArrayList<>();
            while (t.hasNext()) {
                TabularFile.Row r = t.next();
                assertNull(r.fault(), r.fault());
                lines.add(r.line());
                h.add(r.cells()[7]);
            }
            assertEquals(List.of(2L, 3L, 4L, 7L), lines, "the rows before, at and after the reader changes, by their numbers");
            assertEquals(Arrays.asList("PED CHEST 1 W", null, "PED CHEST 3 W", "PED CHEST 4 W"), h);
        }
    }

    private static List<String> tableRows(Path f) {
        List<String> out = new ArrayList<>();
        try (XlsxTable t = new XlsxTable(f, null, List.of())) {
            out.add(String.join("|", t.header()));
            while (t.hasNext()) {
                TabularFile.Row r = t.next();
                out.add(r.line() + " " + Arrays.deepToString(r.cells()) + (r.fault() == null ? "" : " " + r.fault()));
            }
        }
        return out;
    }

    @Test
    void theDateSystemFlagAsExcelWritesItMovesNoDate() throws IOException {
        Path f = edited(workbook("excel-1904.xlsx", new XSSFWorkbook(), true), "xl/workbook.xml", "date1904=\"(true|1)\"", "date1904=\"1\"");
        List<String> rows = tableRows(f);
        assertTrue(rows.get(1).startsWith("2 [PED CHEST 1, 12.445678901234567, 2026-10-01T23:59:30, 1999-12-31T00:00,"), rows.get(1));
    }

    @Test
    void aCellTypeFastExcelDoesNotKnowHandsTheSheetOverFromItsRowAndNoRowIsLostOrRepeated() throws IOException {
        Path plain = workbook("iso-date.xlsx", new XSSFWorkbook(), false);
        Path f = withCell(plain, "D4", "<c r=\"D4\" t=\"d\"><v>1999-12-31T00:00:00</v></c>");
        List<String> rows = tableRows(f);
        List<String> before = tableRows(plain);
        assertEquals(before.size(), rows.size(), rows.toString());
        for (int i = 0; i < rows.size(); i++) {
            if (i == 3) continue; // the cell's own value is the other reader's reading of an ISO date
            assertEquals(before.get(i), rows.get(i), "row " + i);
        }
        assertTrue(rows.get(3).startsWith("4 [PED CHEST 3,"), rows.get(3));
    }

    @Test
    void aWorkbookWithoutAStylesPartIsReadByTheOtherReader() throws IOException {
        Path plain = workbook("no-styles.xlsx", new XSSFWorkbook(), false);
        Path noRel = edited(plain, "xl/_rels/workbook.xml.rels", "<Relationship [^>]*styles\\.xml\"[^>]*/>", "");
        Path f = edited(noRel, "[Content_Types].xml", "<Override [^>]*PartName=\"/xl/styles\\.xml\"[^>]*/>", "");
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> new FastExcelSheet(f, names -> names.get(0), false).close(),
                "FastExcel cannot open such a workbook: this is the other reader's case");
        List<String> rows = tableRows(f);
        assertEquals(5, rows.size(), rows.toString());
        assertTrue(rows.get(1).startsWith("2 [PED CHEST 1, 12.445678901234567, 46296.99965277778,"), "no styles: a date is its serial number " + rows.get(1));
    }

    @Test
    void excelsEscapesInSharedTextsReadAsTheCharactersTheyStandFor() throws IOException {
        Path f = edited(workbook("escapes.xlsx", new XSSFWorkbook(), false), "xl/sharedStrings.xml", "<t>PED CHEST 1</t>",
                "<t>PED_x0020_CHEST_x005F_x0031_ 1_x000D_</t>");
        assertAgree(f);
        assertTrue(tableRows(f).get(1).startsWith("2 [PED CHEST_x0031_ 1,"), "the carriage return trimmed, _x005F_ an underscore");
    }

    @Test
    void onlyFourHexDigitsBetweenUnderscoresAreAnEscape() {
        assertEquals("a\rb", ExcelEscapes.decode("a_x000D_b"));
        assertEquals("_x00G1_ _x001_ _x0041", ExcelEscapes.decode("_x00G1_ _x001_ _x0041"));
        assertEquals("A_x0041_", ExcelEscapes.decode("_x0041__x005F_x0041_"));
        assertEquals("_x\u0661\u0662\u0663\u0664_", ExcelEscapes.decode("_x\u0661\u0662\u0663\u0664_"), "ASCII hex digits only");
        assertNull(ExcelEscapes.decode(null));
    }

    @Test
    void aTextCellTypedAsAFormulaResultWithoutAFormulaIsTextNotAFormulaNeverComputed() throws IOException {
        Path plain = workbook("str.xlsx", new XSSFWorkbook(), false);
        Path withText = withCell(plain, "J3", "<c r=\"J3\" t=\"str\"><v>written by hand</v></c>");
        Path empty = withCell(withText, "A4", "<c r=\"A4\" t=\"str\"/>");
        assertAgree(empty);
        List<String> rows = tableRows(empty);
        assertTrue(rows.get(2).endsWith(", written by hand]") && rows.get(3).startsWith("4 [null, "), rows.toString());
    }

    /** Where the other reader took over reading {@code f}'s first sheet, after reading it whole; -1 for nowhere. */
    private static long handedOverAt(Path f) throws IOException {
        try (HandOverSheet sheet = new HandOverSheet(f, names -> names.get(0), WorkbookParts.inspect(f))) {
            while (sheet.next()) sheet.cells(-1);
            return sheet.handedOverAt();
        }
    }

    @Test
    void fastExcelReadsAPlainWorkbookToTheEndAndHandsOverAtTheFirstRowItCannotRead() throws IOException {
        Path plain = workbook("plain.xlsx", new XSSFWorkbook(), false);
        assertEquals(-1, handedOverAt(plain), "no row FastExcel cannot read");
        assertEquals(4, handedOverAt(withCell(plain, "D4", "<c r=\"D4\" t=\"d\"><v>1999-12-31T00:00:00</v></c>")));
        assertEquals(3, handedOverAt(withCell(plain, "H3", "<c r=\"H3\" t=\"str\"><f>\"\"</f><v></v></c>")));
    }

    @Test
    void aRowWithoutItsNumberAfterAGapFollowsThePreviousRowAsPoiNumbersIt() throws IOException {
        // Rows 2, 3, 4 and 7, then one without its number: it follows row 7 (POI), where FastExcel would count it the
        // sheet's sixth row.
        Path f = edited(workbook("row-numbers.xlsx", new XSSFWorkbook(), false), "xl/worksheets/sheet1.xml", "</sheetData>",
                "<row><c t=\"inlineStr\"><is><t>last</t></is></c></row></sheetData>");
        assertEquals(List.of(2L, 3L, 4L, 7L, 8L), lines(f));
        assertEquals(8, handedOverAt(f));
    }

    @Test
    void aCellWithoutItsAddressFollowsThePreviousCellAsPoiPlacesIt() throws IOException {
        // Row 2 without B2, and D2 without its address: it follows C2 (POI), where FastExcel would count it the row's
        // third cell and put it on C2.
        Path plain = workbook("cell-addresses.xlsx", new XSSFWorkbook(), false);
        Path noB2 = edited(plain, "xl/worksheets/sheet1.xml", "<c r=\"B2\".*?</c>", "");
        Path f = edited(noB2, "xl/worksheets/sheet1.xml", "<c r=\"D2\"", "<c");
        assertTrue(tableRows(f).get(1).startsWith("2 [PED CHEST 1, null, 2026-10-01T23:59:30, 1999-12-31T00:00, FALSE,"), tableRows(f).get(1));
        assertEquals(2, handedOverAt(f));
    }

    private static List<Long> lines(Path f) {
        List<Long> out = new ArrayList<>();
        try (XlsxTable t = new XlsxTable(f, null, List.of())) {
            while (t.hasNext()) out.add(t.next().line());
        }
        return out;
    }

    @Test
    void aBooleanCellWithoutAValueIsBlank() throws IOException {
        Path f = withCell(workbook("bool.xlsx", new XSSFWorkbook(), false), "E3", "<c r=\"E3\" t=\"b\"/>");
        assertAgree(f);
        assertTrue(tableRows(f).get(2).contains(", 1999-12-31T00:00, null, #DIV/0!"), tableRows(f).get(2));
    }

    @Test
    void aCellNeitherReaderCanReadIsRefusedWithoutQuotingTheSheetsTexts() throws IOException {
        Path f = withCell(workbook("bad-number.xlsx", new XSSFWorkbook(), false), "B4", "<c r=\"B4\"><v>MRN-222</v></c>");
        ScanLogException e = org.junit.jupiter.api.Assertions.assertThrows(ScanLogException.class, () -> tableRows(f));
        assertEquals("edited-xlworksheetssheet1xml-bad-number.xlsx: sheet \"log\" cannot be read near row 4 (a part or cell of the"
                + " workbook is damaged or in a form neither XLSX reader takes); save it again from Excel or LibreOffice, or export CSV",
                e.getMessage());
    }
}
