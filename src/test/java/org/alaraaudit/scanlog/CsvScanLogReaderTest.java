package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvScanLogReaderTest {
    @TempDir
    Path dir;

    private static final String HEADER = "patient_id,age_years,facility,station_name,accession_number,study_datetime,modality,protocol_name,ctdivol_mgy";

    private List<RawRow> read(String name, byte[] content) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, content);
        List<RawRow> rows = new ArrayList<>();
        try (CsvScanLogReader r = new CsvScanLogReader(f)) {
            r.forEachRemaining(rows::add);
        }
        return rows;
    }

    private List<RawRow> read(String text) throws Exception {
        return read("log.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void headerNamesMatchInAnyCaseOrderAndSpacing() throws Exception {
        List<RawRow> rows = read(" Modality ,PATIENT_ID,Age_Years,facility,station_name,accession_number,study_datetime,protocol_name,Vendor_Note\n"
                + "CT,MRN1,5,Gen,CT1,A1,2026-10-01T10:00,PED HEAD,hello\n");
        assertEquals(1, rows.size());
        assertEquals("CT", rows.get(0).get(CanonicalColumn.MODALITY));
        assertEquals("MRN1", rows.get(0).get(CanonicalColumn.PATIENT_ID));
        assertEquals("hello", rows.get(0).extras().get("vendor_note"), "unknown columns are kept as extra attributes");
    }

    @Test
    void byteOrderMarkIsIgnored() throws Exception {
        byte[] body = (HEADER + "\nMRN1,5,Gen,CT1,A1,2026-10-01T10:00,CT,P,3.5\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        List<RawRow> rows = read("bom.csv", withBom);
        assertEquals("MRN1", rows.get(0).get(CanonicalColumn.PATIENT_ID));
        assertFalse(rows.get(0).decimalComma());
    }

    @Test
    void semicolonFileIsReadWithDecimalCommas() throws Exception {
        List<RawRow> rows = read(HEADER.replace(',', ';') + "\nMRN1;5,5;Gen;CT1;A1;2026-10-01T10:00;CT;P;12,5\n");
        assertTrue(rows.get(0).decimalComma());
        assertEquals("12,5", rows.get(0).get(CanonicalColumn.CTDIVOL_MGY));
    }

    @Test
    void lineNumbersCountPhysicalLinesIncludingQuotedBreaksAndBlankLines() throws Exception {
        List<RawRow> rows = read(HEADER + "\n"
                + "MRN1,5,Gen,CT1,A1,2026-10-01T10:00,CT,\"two\nlines\",3\n"
                + "\n"
                + "MRN2,5,Gen,CT1,A2,2026-10-01T10:00,CT,P,3");
        assertEquals(2, rows.get(0).source().line());
        assertEquals(5, rows.get(1).source().line(), "header 1, quoted row 2-3, blank 4, row 5 (no final newline)");
    }

    @Test
    void blankCellsAreUnknownValues() throws Exception {
        List<RawRow> rows = read(HEADER + "\nMRN1,5,Gen,CT1,A1,2026-10-01T10:00,CT,P,  \n");
        assertNull(rows.get(0).get(CanonicalColumn.CTDIVOL_MGY));
    }

    @Test
    void missingRequiredColumnStopsWithItsName() {
        ScanLogException e = assertThrows(ScanLogException.class,
                () -> read(HEADER.replace("accession_number,", "") + "\n"));
        assertTrue(e.getMessage().contains("log.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("accession_number"), e.getMessage());
    }

    @Test
    void ageOrBirthDateColumnIsRequired() {
        ScanLogException e = assertThrows(ScanLogException.class, () -> read(HEADER.replace("age_years,", "") + "\n"));
        assertTrue(e.getMessage().contains("age_years or birth_date"), e.getMessage());
    }

    @Test
    void fileWithoutHeaderIsUnusable() {
        ScanLogException e = assertThrows(ScanLogException.class, () -> read("MRN1,5,Gen,CT1\n"));
        assertTrue(e.getMessage().contains("not a scan-log header"), e.getMessage());
    }

    @Test
    void emptyAndBinaryFilesAreUnusable() {
        assertTrue(assertThrows(ScanLogException.class, () -> read("")).getMessage().contains("empty"));
        assertTrue(assertThrows(ScanLogException.class, () -> read("bin.csv", new byte[]{1, 0, 2, 0, 3}))
                .getMessage().contains("binary"));
    }

    @Test
    void rowWithMoreCellsThanTheHeaderIsMarkedForRejection() throws Exception {
        List<RawRow> rows = read(HEADER + "\nMRN1,5,Gen,CT1,A1,2026-10-01T10:00,CT,P,3,extra\n");
        assertEquals("the row has 10 cells, the header has 9", rows.get(0).extras().get(RawRow.CELL_COUNT));
    }

    @Test
    void aRowCutShortIsMarkedForRejectionWithItsCellCountKeepingTheCellsItHas() throws Exception {
        List<RawRow> rows = read(HEADER + "\nMRN1,5,Gen\nMRN2,5,Gen,CT1,A2,2026-10-01T10:00,CT,P\nMRN3,5,Gen,CT1,A3,2026-10-01T10:00,CT,P,\n");
        assertEquals("the row has 3 cells, the header has 9: it ends before station_name (a line cut short, or a separator missing)",
                rows.get(0).extras().get(RawRow.CELL_COUNT));
        assertEquals("the row has 8 cells, the header has 9: it ends before ctdivol_mgy (a line cut short, or a separator missing)",
                rows.get(1).extras().get(RawRow.CELL_COUNT), "short of an optional column only: its value may have been cut off");
        assertEquals("A2", rows.get(1).get(CanonicalColumn.ACCESSION_NUMBER), "the cells that name its study are kept");
        assertEquals(null, rows.get(2).extras().get(RawRow.CELL_COUNT), "every cell there, the last one empty");
    }

    private static final String ROW = "MRN%d,5,Gen,CT1,A%d,2026-10-01T10:00,CT,%s,3";

    private static String row(int n, String protocol) { return String.format(ROW, n, n, protocol); }

    private static final String STRAY = "(a stray \"?): line 3 is not audited, the lines after it are read as rows; ";

    @Test
    void aStrayQuoteRejectsItsOwnLineKeepingItsStudyAndTheLinesItRanOverAreReadAsRows() throws Exception {
        List<RawRow> rows = read(HEADER + "\n" + row(1, "P") + "\n" + row(2, "\"PED CHEST") + "\n" + row(3, "P") + "\n"
                + row(4, "PED HEAD\"") + "\n" + row(5, "P") + "\n" + row(6, "P") + "\n");
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L), rows.stream().map(r -> r.source().line()).toList(), "one row per data line");
        RawRow stray = rows.get(1);
        assertEquals("protocol_name", stray.extras().get(RawRow.UNREADABLE_COLUMN));
        assertEquals("opens a quote on line 3 that runs over line 4, which reads as a whole row " + STRAY
                + "quote the field or remove the quote", stray.extras().get(RawRow.UNREADABLE));
        assertEquals(List.of("MRN2", "Gen", "A2", "2026-10-01T10:00"), List.of(stray.get(CanonicalColumn.PATIENT_ID),
                stray.get(CanonicalColumn.FACILITY), stray.get(CanonicalColumn.ACCESSION_NUMBER), stray.get(CanonicalColumn.STUDY_DATETIME)),
                "the cells that name its study are kept");
        assertNull(stray.get(CanonicalColumn.CTDIVOL_MGY), "nothing else of it");
        for (RawRow r : List.of(rows.get(0), rows.get(2), rows.get(3), rows.get(4), rows.get(5))) {
            assertFalse(r.extras().containsKey(RawRow.UNREADABLE), r.toString());
        }
        assertEquals("PED HEAD\"", rows.get(3).get(CanonicalColumn.PROTOCOL_NAME), "a quote inside an unquoted cell is text");
    }

    @Test
    void aStrayQuoteThatSwallowsHalfARowIsCaughtAtThatRow() throws Exception {
        List<RawRow> rows = read(HEADER + "\n" + row(1, "\"PED CHEST") + "\n" + row(2, "PED HEAD\"") + "\n" + row(3, "P") + "\n");
        assertEquals(3, rows.size());
        assertTrue(rows.get(0).extras().get(RawRow.UNREADABLE).startsWith("opens a quote on line 2 that runs over line 3, which reads"));
        assertEquals("A1", rows.get(0).get(CanonicalColumn.ACCESSION_NUMBER));
        assertEquals("A2", rows.get(1).get(CanonicalColumn.ACCESSION_NUMBER));
        assertFalse(rows.get(1).extras().containsKey(RawRow.UNREADABLE));
        assertEquals("MRN3", rows.get(2).get(CanonicalColumn.PATIENT_ID));
    }

    @Test
    void aQuotedLineBreakInFreeTextIsStillOneRowEvenWithCommasAndManyColumnsAfterIt() throws Exception {
        List<RawRow> rows = read("indication," + HEADER + "\n\"cough\nfever, no response\",MRN1,5,Gen,CT1,A1,2026-10-01T10:00,CT,P,3\n");
        assertEquals(1, rows.size());
        assertEquals("cough\nfever, no response", rows.get(0).get(CanonicalColumn.INDICATION));
    }

    @Test
    void aQuoteLeftOpenOnTheLastLineRejectsThatLineOnly() throws Exception {
        List<RawRow> rows = read(HEADER + "\n" + row(1, "P") + "\n" + row(2, "\"PED CHEST") + "\n");
        assertEquals(2, rows.size());
        assertEquals("opens a quote on line 3 that is never closed " + STRAY + "close the quote or remove it",
                rows.get(1).extras().get(RawRow.UNREADABLE));
        assertEquals("A2", rows.get(1).get(CanonicalColumn.ACCESSION_NUMBER));
    }

    @Test
    void aQuoteLeftOpenBeforeLinesThatAreNoRowsRejectsEachOfThem() throws Exception {
        // Text after the quote that reads as no row (a line cut short): every line is rejected, none is lost.
        List<RawRow> rows = read(HEADER + "\n" + row(1, "P") + "\n" + row(2, "\"PED CHEST") + "\nwith contrast, arterial\n");
        assertEquals(List.of(2L, 3L, 4L), rows.stream().map(r -> r.source().line()).toList());
        assertTrue(rows.get(1).extras().get(RawRow.UNREADABLE).startsWith("opens a quote on line 3 that is never closed"));
        assertEquals("the row has 2 cells, the header has 9: it ends before facility (a line cut short, or a separator missing)",
                rows.get(2).extras().get(RawRow.CELL_COUNT));
    }

    @Test
    void aQuoteInTheHeaderStillStopsTheRunNamingLineOne() {
        ScanLogException e = assertThrows(ScanLogException.class,
                () -> read(HEADER.replace("facility", "\"facility") + "\n" + row(1, "P") + "\n" + row(2, "P") + "\n"));
        assertEquals("log.csv: line 1: a quote opens a field that is never closed before the end of the file (a stray \"?);"
                + " close the quote or remove it", e.getMessage());
    }

    @Test
    void aQuoteClosedInsideAFieldOnALaterLineRejectsTheLineItOpenedOn() throws Exception {
        List<RawRow> rows = read(HEADER + "\n" + row(1, "P") + "\n" + row(2, "\"PED") + "\n" + row(3, "PED \"HEAD\"") + "\n");
        assertEquals(List.of(2L, 3L, 4L), rows.stream().map(r -> r.source().line()).toList());
        assertEquals("opens a quote on line 3 that closes on line 4 with text after the closing quote " + STRAY
                + "quote the field or remove the quote", rows.get(1).extras().get(RawRow.UNREADABLE));
        assertEquals("PED \"HEAD\"", rows.get(2).get(CanonicalColumn.PROTOCOL_NAME));
    }

    @Test
    void aQuoteClosedInsideAFieldPastLineOneThousandNamesItsWholeLineNumber() throws Exception {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (int n = 1; n <= 1500; n++) s.append(row(n, "P")).append('\n');
        s.append(row(1501, "\"PED")).append('\n').append(row(1502, "PED \"HEAD\"")).append('\n');
        List<RawRow> rows = read(s.toString());
        assertEquals(1502, rows.size());
        assertTrue(rows.get(1500).extras().get(RawRow.UNREADABLE).startsWith("opens a quote on line 1502 that closes on line 1503"));
    }

    @Test
    void aSecondQuotedTextAfterAClosingQuoteRejectsItsLineKeepingItsStudy() throws Exception {
        List<RawRow> rows = read(HEADER + "\n" + row(1, "P") + "\n" + row(2, "\"PED\" \"HEAD\"") + "\n" + row(3, "P") + "\n");
        assertEquals(3, rows.size());
        assertEquals("has text after its closing quote (a stray \"?): line 3 is not audited; quote the whole field or remove the quote",
                rows.get(1).extras().get(RawRow.UNREADABLE));
        assertEquals("protocol_name", rows.get(1).extras().get(RawRow.UNREADABLE_COLUMN));
        assertEquals("A2", rows.get(1).get(CanonicalColumn.ACCESSION_NUMBER));
        assertEquals("MRN3", rows.get(2).get(CanonicalColumn.PATIENT_ID));
    }

    @Test
    void aStrayQuoteInTheAccessionNamesNoStudy() throws Exception {
        // The quote's own cell is not kept: where it ends is unknown.
        List<RawRow> rows = read(HEADER + "\n" + row(1, "P").replace(",A1,", ",\"A1,") + "\n" + row(2, "P") + "\n");
        assertEquals("accession_number", rows.get(0).extras().get(RawRow.UNREADABLE_COLUMN));
        assertNull(rows.get(0).get(CanonicalColumn.ACCESSION_NUMBER));
        assertEquals("Gen", rows.get(0).get(CanonicalColumn.FACILITY));
        assertEquals("A2", rows.get(1).get(CanonicalColumn.ACCESSION_NUMBER));
    }

    @Test
    void aStrayLineWithASeparatorInsideTheQuotedTextKeepsOnlyTheCellsBeforeTheQuote() throws Exception {
        String header = "indication," + HEADER;
        String line = "cough,MRN1,5,Gen,CT1,A1,2026-10-01T10:00,CT,P,3";
        // Just inside: the quote's text holds no separator, so the cells after it stand in their columns.
        List<RawRow> aligned = read(header + "\n\"" + line + "\n" + line.replace("A1", "A2") + "\n");
        assertEquals("A1", aligned.get(0).get(CanonicalColumn.ACCESSION_NUMBER));
        assertEquals("A2", aligned.get(1).get(CanonicalColumn.ACCESSION_NUMBER));
        // Just outside: "cough, fever" was meant as one cell; read as written, every cell after it sits one column over.
        String shifted = line.replace("cough", "cough, fever");
        List<RawRow> rows = read(header + "\n\"" + shifted + "\n" + line.replace("A1", "A2") + "\n");
        assertTrue(rows.get(0).extras().containsKey(RawRow.UNREADABLE));
        assertEquals(java.util.Map.of(), rows.get(0).cells(), "nothing after the quote is taken for its column");
        assertEquals("A2", rows.get(1).get(CanonicalColumn.ACCESSION_NUMBER));
    }

    @Test
    void aStrayQuoteInACrLfFileGivesTheLineNumbersOfAFileWithout() throws Exception {
        String lf = HEADER + "\n" + row(1, "P") + "\n\n" + row(2, "\"PED") + "\n" + row(3, "P") + "\n\n" + row(4, "P") + "\n";
        List<Long> expected = List.of(2L, 4L, 5L, 7L);
        assertEquals(expected, read(lf).stream().map(r -> r.source().line()).toList());
        assertEquals(expected, read(lf.replace("\n", "\r\n")).stream().map(r -> r.source().line()).toList());
        assertEquals(expected, read(lf.replace("\n", "\r")).stream().map(r -> r.source().line()).toList());
    }

    @Test
    void spacesBetweenAClosingQuoteAndTheSeparatorAreNotPartOfTheCell() throws Exception {
        List<RawRow> rows = read(HEADER + "\n" + row(1, "\"PED CHEST, 5-10Y\" \t") + "\n"
                + "MRN2,5,Gen,CT1,A2,2026-10-01T10:00,CT,\"PED HEAD\"\u3000,\"4\"  \r\n" + row(3, "P"));
        assertEquals(List.of("PED CHEST, 5-10Y", "PED HEAD", "P"), rows.stream().map(r -> r.get(CanonicalColumn.PROTOCOL_NAME)).toList());
        assertEquals("4", rows.get(1).get(CanonicalColumn.CTDIVOL_MGY));
        assertEquals(List.of(2L, 3L, 4L), rows.stream().map(r -> r.source().line()).toList());
    }

    @Test
    void lineNumbersCountCrAndCrLfAsOneLineBreakEach() throws Exception {
        String crLf = HEADER + "\r\n" + row(1, "\"two\r\nlines\"") + "\r\n\r\n" + row(2, "P") + "\r\n";
        assertEquals(List.of(2L, 5L), read(crLf).stream().map(r -> r.source().line()).toList(), "header 1, quoted row 2-3, blank 4");
        String cr = HEADER + "\r" + row(1, "P") + "\r\r\r" + row(2, "P") + "\r" + row(3, "P");
        assertEquals(List.of(2L, 5L, 6L), read(cr).stream().map(r -> r.source().line()).toList(), "blank lines 3 and 4");
    }

    @Test
    void twoUnknownColumnsOfOneNameAreKeptNotRefused() throws Exception {
        List<RawRow> rows = read(HEADER + ",note,Note\n" + row(1, "P") + ",first,second\n");
        assertEquals("first", rows.get(0).extras().get("note"));
    }

    @Test
    void aCanonicalColumnTwiceInAHundredThousandColumnHeaderIsRefusedNamingBothColumns() {
        StringBuilder h = new StringBuilder(HEADER);
        for (int k = 0; k < 100_000; k++) h.append(",vendor_").append(k % 50_000);
        h.append(",CTDIvol_mGy");
        ScanLogException e = assertThrows(ScanLogException.class, () -> read(h + "\n"));
        assertEquals("log.csv: line 1: column ctdivol_mgy appears twice (columns 9 and 100010); rename or remove one", e.getMessage());
    }
}
