package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosingQuotesTest {
    /** The text as the parser gets it and the line of the first text after a closing quote (-1: none). */
    private record Read(String text, long textAfterQuoteLine) {}

    /** Reads {@code text} handing on at most {@code piece} characters per read, as a reader may. */
    private static Read read(String text, int piece) throws IOException {
        StringBuilder out = new StringBuilder();
        ClosingQuotes q = readAll(text, piece, out);
        return new Read(out.toString(), q.textAfterClosingQuoteLine());
    }

    /** Reads {@code text} through a ClosingQuotes into {@code out}, at most {@code piece} characters a read; returns it. */
    private static ClosingQuotes readAll(String text, int piece, StringBuilder out) throws IOException {
        Reader pieces = new Reader() {
            private final StringReader in = new StringReader(text);

            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                return in.read(buf, off, Math.min(len, piece));
            }

            @Override
            public void close() { }
        };
        ClosingQuotes q = new ClosingQuotes(pieces, ',');
        char[] buf = new char[7];
        for (int n; (n = q.read(buf, 0, buf.length)) >= 0; ) out.append(buf, 0, n);
        return q;
    }

    @Test
    void spacesBetweenAClosingQuoteAndTheSeparatorOrLineEndAreDropped() throws IOException {
        assertEquals(new Read("\"Smith, J\",5\n\"a\"\r\n\"b\"", -1), read("\"Smith, J\" \t,5\n\"a\"\u3000\r\n\"b\"  ", 8192));
    }

    @Test
    void spacesInsideQuotesOrInUnquotedCellsAreKept() throws IOException {
        String text = " a ,\" b \", c\" \n\"x \"\"y\"\" \",\"\"\n";
        assertEquals(new Read(text, -1), read(text, 8192));
    }

    @Test
    void textAfterAClosingQuoteIsFoundOnItsOwnLineNotTheLineTheFieldOpened() throws IOException {
        assertEquals(3, read("h\n\"PED\nCHEST\"x,1\n", 8192).textAfterQuoteLine());
        assertEquals(5, read("h\r\n\r\"a\r\n\rb\" x\n", 8192).textAfterQuoteLine(), "CR, LF and CR LF count one line each");
    }

    @Test
    void aQuoteAfterSpacesAfterAClosingQuoteIsTextNotADoubledQuote() throws IOException {
        Read r = read("\"a\" \"b\"\n", 8192);
        assertEquals(1, r.textAfterQuoteLine());
        assertEquals("\"a\" ", r.text().substring(0, 4), "the parser, too, sees text after the quote");
    }

    @Test
    void aQuoteInsideAnUnquotedCellOpensNothing() throws IOException {
        assertEquals(new Read("5\"x,\"y\"\n", -1), read("5\"x,\"y\"\n", 8192));
        assertEquals(-1, read("a b\"c\" d\n", 8192).textAfterQuoteLine());
    }

    /** The text as the parser gets it, and the records set aside for stray quotes. */
    private record Aside(String text, List<ClosingQuotes.Stray> strays) {}

    private static Aside aside(String text, int piece) throws IOException {
        StringBuilder out = new StringBuilder();
        ClosingQuotes q = readAll(text, piece, out);
        return new Aside(out.toString(), List.copyOf(q.strays()));
    }

    @Test
    void aRecordSetAsideForAStrayQuoteIsHandedOnAsEmptyLinesAndReadOnAfterItsLine() throws IOException {
        Aside a = aside("a,b,c\n1,\"x,3\n4,5,6\n7,8,9\n", 8192);
        assertEquals("a,b,c\n\r\n4,5,6\n7,8,9\n", a.text());
        assertEquals(List.of(new ClosingQuotes.Stray(2, 2, ClosingQuotes.Why.RUNS_OVER_A_ROW, 3, "1,\"x,3\n")), a.strays());
    }

    @Test
    void eachReasonForAStrayQuoteIsToldWithTheLineItShowsOn() throws IOException {
        assertEquals(new ClosingQuotes.Stray(2, 2, ClosingQuotes.Why.RUNS_OVER_A_ROW, 3, "1,\"x,3\n"),
                aside("a,b,c\n1,\"x,3\n4,5\",6\n", 8192).strays().get(0), "the closing line reads as a whole row");
        assertEquals(new ClosingQuotes.Stray(2, 2, ClosingQuotes.Why.TEXT_AFTER_ITS_CLOSE, 3, "1,\"x,3\n"),
                aside("a,b,c\n1,\"x,3\n4,\"y\",6\n", 8192).strays().get(0), "closed by the next quoted field");
        assertEquals(new ClosingQuotes.Stray(2, 2, ClosingQuotes.Why.TEXT_AFTER_ITS_CLOSE, 2, "1,\"x\" y,3\r\n"),
                aside("a,b,c\n1,\"x\" y,3\r\n4,5,6\n", 8192).strays().get(0), "text after the closing quote on its own line");
        assertEquals(new ClosingQuotes.Stray(3, 3, ClosingQuotes.Why.NEVER_CLOSED, 3, "4,\"y,6\n"),
                aside("a,b,c\n1,2,3\n4,\"y,6\nfree text\n", 8192).strays().get(0), "never closed");
    }

    @Test
    void freeTextOverLinesThatReadAsNoRowIsNoStrayQuote() throws IOException {
        for (String text : List.of("a,b,c\n1,\"x\ny, z, w\",3\n", "a,b,c\n1,\"x\n\ny\",3\n", "a,b,c\n\"x\",\"y\nz\" ,3\n")) {
            Aside a = aside(text, 8192);
            assertEquals(List.of(), a.strays(), text);
        }
        assertEquals("a,b,c\n\"x\",\"y\nz\",3\n", aside("a,b,c\n\"x\",\"y\nz\" ,3\n", 8192).text(), "spaces after the quote dropped");
    }

    @Test
    void aStrayQuoteReadInPiecesOfAnyLengthGivesWhatOneReadGives() throws IOException {
        for (String text : List.of("a,b,c\r\n1,\"x,3\r\n4,5,6\r\n\r\n7,\"8\" ,9\n", "a,b,c\r1,\"x\" y,3\r\r4,5,6\r",
                "a,b,c\n\"p\nq\",\"x\" ,\"y,3\n4,5\",6\n7,8,9", "a,b,c\n1,2,3\n4,\"y,6\nfree text\n8,\"\"\"q\"  ,9\n",
                "a,b,c\n1,\"x,3\n4,\"y\",6\n7,\"z\"\"\",9\n")) {
            Aside whole = aside(text, 8192);
            assertTrue(!whole.strays().isEmpty(), text);
            for (int piece = 1; piece < text.length(); piece++) assertEquals(whole, aside(text, piece), text + " in pieces of " + piece);
        }
    }

    @Test
    void readingInPiecesOfAnyLengthGivesWhatOneReadGives() throws IOException {
        for (String text : List.of("h,i\n\"Smith, J\"   ,5\r\n\"a\"\"b\"  \n\"c\" \t", "h\n\"a\r\nb\"\r\n\"c\"  \"d\"\n",
                "\"\"\"\",\"\" ,x\n\n\"a\nb\nc\"   z\n")) {
            Read whole = read(text, 8192);
            for (int piece = 1; piece < text.length(); piece++) assertEquals(whole, read(text, piece), text + " in pieces of " + piece);
        }
    }
}
