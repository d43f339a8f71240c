package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The digit-by-digit date-time reader gives what the ISO parser gives, or leaves the text to it. */
class PlainDateTimeTest {
    private static LocalDateTime iso(String v) {
        try {
            return LocalDateTime.parse(v.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void agreesWithTheIsoParserWhereverItAnswers() {
        Random r = new Random(9);
        String chars = "0123456789-: T";
        String[] seeds = {"2026-10-31T23:59:59", "2026-02-29T10:00", "2024-02-29 07:05:00", "2026-13-01T00:00", "2026-10-01T24:00",
                "2026-10-01T10:60", "0000-01-01T00:00", "2026-1-01T10:00:0"};
        for (String s : seeds) check(s);
        for (int i = 0; i < 200_000; i++) {
            char[] v = seeds[r.nextInt(seeds.length)].toCharArray();
            for (int k = r.nextInt(3); k > 0; k--) v[r.nextInt(v.length)] = chars.charAt(r.nextInt(chars.length()));
            check(new String(v));
        }
        assertNull(RowValidator.plainDateTime("2026-10-31T10:00:00.5"), "fractions are the ISO parser's");
        assertEquals(LocalDateTime.of(2026, 10, 31, 10, 0), RowValidator.plainDateTime("2026-10-31 10:00"));
    }

    private static void check(String v) {
        LocalDateTime quick = RowValidator.plainDateTime(v);
        if (quick != null) assertEquals(iso(v), quick, v);
    }
}
