package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Input text written to a terminal or a log cannot move the cursor, forge a line or reverse what it shows. */
class TerminalTextTest {
    @Test
    void controlCharactersAreWrittenAsEscapes() {
        assertEquals("\\u001b[2J\\n\\r\\t\\u0000", TerminalText.escape("\u001b[2J\n\r\t\u0000"));
        assertEquals("a\\u007fb\\u0085c\\u009bd", TerminalText.escape("a\u007fb\u0085c\u009bd"), "DEL and C1");
        assertEquals("\\u202e\\u2066\\u200f\\u2028", TerminalText.escape("\u202e\u2066\u200f\u2028"), "bidi and line separators");
    }

    @Test
    void printableTextIsLeftAlone() {
        String s = "Müller ÄÖ 12,5O \"x\" ←";
        assertTrue(s == TerminalText.escape(s));
    }

    @Test
    void aMessageOfSeveralLinesKeepsThemAndLosesItsOtherControls() {
        StringWriter w = new StringWriter();
        PrintWriter out = TerminalText.escaping(w);
        out.print("no valid rows\n  f.csv\u001b[31m line 2\r");
        out.print('\u0007');
        out.println();
        out.flush();
        assertEquals("no valid rows\n  f.csv\\u001b[31m line 2\\r\\u0007" + System.lineSeparator(), w.toString());
    }

    @Test
    void aRejectionIsOneLineWhateverItsValue() {
        Rejection r = new Rejection("f.csv", 4, "kvp", "3\n00\u001b[0m", "is not a number");
        assertEquals("f.csv line 4: kvp \"3\\n00\\u001b[0m\" is not a number", r.message());
        Rejection withheld = new Rejection("f.csv", 5, "birth_date", Rejection.VALUE_WITHHELD, "is not a date YYYY-MM-DD");
        assertEquals("f.csv line 5: birth_date (value withheld: may identify a patient) is not a date YYYY-MM-DD", withheld.message());
    }
}
