package org.alaraaudit.dosimetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import org.alaraaudit.model.TableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableRowTest {

    private static List<TableRow> read(String csv, String... required) {
        return TableRow.readAll(new StringReader(csv), "t.csv", List.of(required));
    }

    private static TableException failure(String csv, String column) {
        return assertThrows(TableException.class, () -> read(csv, column).forEach(r -> r.number(column)));
    }

    @Test
    void linesAreOneBasedFileLinesDespiteBlankLinesAndQuotedLineBreaks() {
        String csv = "x,note\n1,a\n\n2,\"two\nlines\"\n3,c\n";
        List<TableRow> rows = read(csv, "x");
        assertEquals(List.of(2L, 4L, 6L), rows.stream().map(TableRow::line).toList());
        assertEquals(3, rows.get(2).number("x"));
    }

    @Test
    void lastLineWithoutLineBreakKeepsItsNumber() {
        assertEquals(3L, read("x\n1\n2", "x").get(1).line());
    }

    @Test
    void badNumberNamesFileAndLine() {
        TableException e = failure("x\n1\n\n1,5\n", "x");
        assertEquals("t.csv", e.file());
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith("t.csv:4: "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1,5", "NaN", "Infinity", "2.5d", "0x10", "1e999"})
    void onlyPlainDecimalsAreNumbers(String cell) {
        TableException e = failure("x\n\"" + cell + "\"\n", "x");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
    }

    @Test
    void decimalFormsThatAreAccepted() {
        List<TableRow> rows = read("x\n0.5\n.5\n5.\n-2\n1e-3\n", "x");
        assertEquals(List.of(0.5, 0.5, 5.0, -2.0, 0.001), rows.stream().map(r -> r.number("x")).toList());
    }

    @Test
    void missingColumnIsReportedAgainstTheHeaderLine() {
        TableException e = assertThrows(TableException.class, () -> read("a,b\n1,2\n", "a", "k"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("missing column 'k'"), e.getMessage());
    }

    @Test
    void headersMatchIgnoringCaseSpacesAndByteOrderMark() {
        List<TableRow> rows = read("\uFEFF Phantom_CM ,A\n16,1\n", "phantom_cm", "a");
        assertEquals(16, rows.get(0).phantom("phantom_cm"));
    }

    @Test
    void shortRowIsAnError() {
        TableException e = assertThrows(TableException.class, () -> read("a,b\n1,2\n3\n", "a"));
        assertEquals(3, e.line());
    }

    @Test
    void unterminatedQuoteIsAnErrorWithItsLine() {
        TableException e = assertThrows(TableException.class, () -> read("a,b\n1,2\n3,\"open\n", "a"));
        assertEquals("t.csv", e.file());
        assertEquals(3, e.line());
    }

    @Test
    void emptyInputAndDuplicateHeadersAreErrors() {
        assertEquals(1, assertThrows(TableException.class, () -> read("", "a")).line());
        assertEquals(1, assertThrows(TableException.class, () -> read("a,a\n1,2\n", "a")).line());
    }

    @Test
    void blankCellsAndPhantoms() {
        TableRow row = read("min,ph,p2,txt\n,32,20,\n", "min").get(0);
        assertNull(row.optionalNumber("min"));
        assertEquals(32, row.phantom("ph"));
        assertEquals(2, assertThrows(TableException.class, () -> row.phantom("p2")).line());
        assertThrows(TableException.class, () -> row.number("min"));
        assertThrows(TableException.class, () -> row.requiredText("txt"));
    }

    @Test
    void ageBandFromTwoColumns() {
        TableRow ok = read("lo,hi\n1,5\n", "lo").get(0);
        assertEquals(new AgeBand(1.0, 5.0), ok.ageBand("lo", "hi"));
        TableRow reversed = read("lo,hi\n\n5,1\n", "lo").get(0);
        assertEquals(3, assertThrows(TableException.class, () -> reversed.ageBand("lo", "hi")).line());
        TableRow negative = read("lo,hi\n-1,\n", "lo").get(0);
        assertThrows(TableException.class, () -> negative.ageBand("lo", "hi"));
    }
}
