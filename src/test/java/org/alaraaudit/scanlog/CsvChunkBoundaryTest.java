package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Where the reading thread cuts a chunk, and the line numbers the rows after it keep. */
class CsvChunkBoundaryTest {

    private static CsvChunks.Boundary of(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return CsvChunks.lastBoundary(b, b.length);
    }

    @Test
    void aChunkEndsAfterTheLastLineFeedOutsideQuotes() {
        assertEquals(new CsvChunks.Boundary(4, 2), of("a\nb\nc"));
        assertEquals(new CsvChunks.Boundary(2, 1), of("a\n\"b\nc\"d"), "the line feed in the quoted value is not an end");
        assertEquals(new CsvChunks.Boundary(14, 2), of("a\n\"b \"\"x\"\" c\"\nd"), "doubled quotes keep the field quoted");
        assertEquals(new CsvChunks.Boundary(0, 0), of("no line feed"));
    }

    @Test
    void lineBreaksCountEachCrAndEachLfNotAfterACrUpToTheEnd() {
        assertEquals(new CsvChunks.Boundary(6, 2), of("a\r\nb\r\nc\r"), "CR LF is one break; a CR after the end does not count");
        assertEquals(new CsvChunks.Boundary(5, 3), of("a\rb\n\ncd"), "a lone CR counts, then each LF");
        assertEquals(new CsvChunks.Boundary(6, 2), of("\"a\nb\"\nc"), "a line feed inside quotes is still a line of the file");
    }

    /** The two passes this one replaced, as the specification. */
    @Test
    void onePassGivesWhatTheLastLineFeedAndTheCountOfBreaksBeforeItGave() {
        Random r = new Random(5);
        byte[] alphabet = {'a', ',', '"', '\r', '\n'};
        // Long runs of text too, with bytes that differ from a quote or line break by their high bit alone (0x8A,
        // 0x8D, 0xA2) and UTF-8's: the scan skips eight bytes at a time where none is a quote or break.
        byte[] text = {'a', 'b', ',', '1', ' ', (byte) 0x8A, (byte) 0x8D, (byte) 0xA2, (byte) 0xC3, (byte) 0xA9, 0x0B, 0x21, 0x23, 0x09};
        for (int t = 0; t < 40_000; t++) {
            boolean dense = t % 2 == 0;
            byte[] b = new byte[r.nextInt(dense ? 40 : 200)];
            for (int i = 0; i < b.length; i++) {
                b[i] = dense || r.nextInt(12) == 0 ? alphabet[r.nextInt(alphabet.length)] : text[r.nextInt(text.length)];
            }
            boolean quoted = false;
            int last = 0;
            for (int i = 0; i < b.length; i++) {
                if (b[i] == '"') quoted = !quoted;
                else if (b[i] == '\n' && !quoted) last = i + 1;
            }
            long breaks = 0;
            byte previous = '\n';
            for (int i = 0; i < last; i++) {
                if (b[i] == '\r' || b[i] == '\n' && previous != '\r') breaks++;
                previous = b[i];
            }
            assertEquals(new CsvChunks.Boundary(last, breaks), CsvChunks.lastBoundary(b, b.length), java.util.Arrays.toString(b));
        }
    }
}
