package org.alaraaudit.audit.spill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A word written at a place of its record is written byte for byte as a word without one, and read back the same. */
class SpillWordsTest {

    @Test
    void wordsAtPlacesAreTheBytesOfPlainWordsAndReadBackTheSameEvenPastTheNumberedLimit() throws Exception {
        for (int maxWords : new int[]{3, 100}) {
            Random r = new Random(maxWords);
            List<String> written = new ArrayList<>();
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            ByteArrayOutputStream placed = new ByteArrayOutputStream();
            try (SpillOut a = new SpillOut(plain, maxWords); SpillOut b = new SpillOut(placed, maxWords)) {
                for (int record = 0; record < 2_000; record++) {
                    for (int place = 0; place < 4; place++) {
                        // Mostly the last text at this place, sometimes another, sometimes none; a fresh String each time.
                        String s = r.nextInt(10) == 0 ? null : new String("w" + place + "-" + (r.nextInt(4) == 0 ? r.nextInt(9) : 0));
                        written.add(s);
                        a.word(s);
                        b.word(s, place);
                    }
                }
            }
            assertArrayEquals(plain.toByteArray(), placed.toByteArray(), "at most " + maxWords + " numbered words");
            List<String> read = new ArrayList<>();
            try (SpillIn in = new SpillIn(new ByteArrayInputStream(placed.toByteArray()))) {
                for (int i = 0; i < written.size(); i++) read.add(in.word());
            }
            assertEquals(written, read);
        }
    }
}
