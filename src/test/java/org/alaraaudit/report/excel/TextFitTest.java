package org.alaraaudit.report.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The room text takes in a cell, in units of column width, as the workbook sizes its columns and rows by it. */
class TextFitTest {
    @Test
    void aHeaderColumnIsAsWideAsItsWidestBoldWordAndItsPadding() {
        // "phantom" in bold Calibri 11 pt is 8.4 units: 8 broke it, 10 holds it with the cell's margins
        assertEquals(10, TextFit.headerWidth("phantom (cm)"));
        assertEquals(TextFit.headerWidth("phantom"), TextFit.headerWidth("phantom (cm)"), "the widest word decides");
        assertTrue(TextFit.headerWidth("measured_value") > "measured_value".length(), "one word, wider than its letters count");
    }

    @Test
    void aHeaderWrapsBetweenItsWordsInAColumnAsWideAsItsWidestWord() {
        assertEquals(2, TextFit.lines("phantom (cm)", 10, true), "phantom / (cm)");
        assertEquals(2, TextFit.lines("phantom (cm)", 8, true), "phanto / m (cm), as LibreOffice printed it in 8 units");
        assertEquals(1, TextFit.lines("phantom (cm)", 16, true));
    }

    @Test
    void textWrapsAtSpacesItsLongWordsAtTheEdgeAndItsLineBreaksStartALine() {
        assertEquals(1, TextFit.lines("County General", 16, false));
        assertEquals(2, TextFit.lines("St Elsewhere Children's", 16, false), "St Elsewhere / Children's");
        assertEquals(3, TextFit.lines("a\nb\nc", 16, false));
        assertEquals(2, TextFit.lines("scan-log-2026-10.csv:126;scan-log-2026-10.csv:127", 30, false), "no space: broken at the edge");
        String citation = "NEMA XR 25 Dose Check alert value for accumulated CTDIvol, as given by AAPM working-group material"
                + " on Dose Check ('1000 mGy per requirement of the FDA')";
        int lines = TextFit.lines(citation, 52, false);
        assertTrue(lines >= 3 && lines <= 4, citation.length() + " characters in 51 units: " + lines + " lines");
    }

    @Test
    void aRowIsFifteenPointsALineUpToExcelsTallest() {
        assertEquals(15f, TextFit.points(1));
        assertEquals(15f, TextFit.points(0));
        assertEquals(60f, TextFit.points(4));
        assertEquals(409f, TextFit.points(100));
    }
}
