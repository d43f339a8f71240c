package org.alaraaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The literal matching of globs agrees with the regular expression they stand for. */
class GlobTest {
    @Test
    void catalogAndExclusionPatternsMatchAsWritten() {
        assertTrue(new Glob("*PHANTOM*").matches("  qa phantom daily "));
        assertTrue(new Glob("PED HEAD 0-1Y*").matches("Ped Head 0-1y w/o"));
        assertFalse(new Glob("PED HEAD 0-1Y*").matches("ADULT PED HEAD 0-1Y"));
        assertTrue(new Glob("*ADULT*").matches("adult"));
        assertTrue(new Glob("A*B").matches("A B"));
        assertFalse(new Glob("A*B").matches("AB"), "A and B are pieces of one word there");
        assertFalse(new Glob("A*B").matches("A"));
        assertFalse(new Glob("AB*B").matches("AB"));
        assertTrue(new Glob("*").matches(""));
        assertFalse(new Glob("X").matches(null));
        assertTrue(new Glob("kopf ÄÖÜ*").matches("KOPF äöü 1"));
    }

    @Test
    void aWordOfThePatternMatchesOnlyAWholeWordOfTheName() {
        Glob ped = new Glob("*PED*");
        assertTrue(ped.matches("PED HEAD"));
        assertTrue(ped.matches("HEAD-PED"));
        assertTrue(ped.matches("trauma_ped 2"));
        assertTrue(ped.matches("PED"));
        assertFalse(ped.matches("PEDAL SCAN"), "PED inside PEDAL");
        assertFalse(ped.matches("HEAD EXPEDITED"), "PED inside EXPEDITED");
        assertFalse(ped.matches("PEDS"), "PEDS is a word of its own, with a row of its own");
        assertFalse(ped.matches("PED2"), "digits belong to the word");
        assertTrue(new Glob("PED HEAD 0-1Y*").matches("PED HEAD 0-1Y V2"));
        assertTrue(new Glob("PED HEAD 0-1Y*").matches("PED HEAD 0-1Y"));
        assertFalse(new Glob("PED HEAD 0-1Y*").matches("PED HEAD 0-1YR"));
        assertTrue(new Glob("* C+").matches("PED ABD 5-10Y C+"), "a piece that starts with a separator starts at a boundary");
        assertTrue(new Glob("*W/O*").matches("CT HEAD W/O CONTRAST"));
        assertFalse(new Glob("*ADULT").matches("PEDIATRIC NONADULT"));
    }

    @Test
    void agreesWithTheRegexOnRandomPatternsAndValues() {
        Random r = new Random(5);
        String alphabet = "abAB*ä. ";
        for (int i = 0; i < 200_000; i++) {
            String pattern = random(r, alphabet, 6);
            String value = random(r, alphabet.replace("*", ""), 8);
            Glob g = new Glob(pattern);
            assertEquals(g.regexMatches(value), g.matches(value), "\"" + pattern + "\" on \"" + value + "\"");
        }
    }

    private static String random(Random r, String alphabet, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(max + 1); i > 0; i--) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return sb.toString();
    }
}
