package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A log written with local dates (25/10/2026 14:30) is rejected row by row, as it must be: the tool never guesses
 * which number is the day. The reason names the profile line that reads the form, and that line does read it.
 */
class LocalDateFormsTest {
    private static final Pattern NAMED = Pattern.compile("study_datetime\\.format = ([^;)]+)");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
            "25/10/2026 14:30    | dd/MM/yyyy HH:mm    | 2026-10-25T14:30",
            "10/25/2026 14:30    | MM/dd/yyyy HH:mm    | 2026-10-25T14:30",
            "25.10.2026 14:30:05 | dd.MM.yyyy HH:mm:ss | 2026-10-25T14:30:05",
            "25-10-2026          | dd-MM-yyyy          | 2026-10-25T00:00",
            "25/1/2026 9:05      | d/M/yyyy H:mm       | 2026-01-25T09:05",
            "13/1/2026 10:00     | d/M/yyyy HH:mm      | 2026-01-13T10:00",
            "2026/10/25 14:30    | yyyy/MM/dd HH:mm    | 2026-10-25T14:30",
    })
    void aLocalFormIsNamedAndTheNamedPatternReadsIt(String text, String pattern, String meant) {
        String hint = LocalDateForm.hint("study_datetime", text);
        assertEquals("it reads as " + pattern + ", which a mapping profile reads (study_datetime.format = " + pattern
                + "; docs/input-formats.md)", hint);
        assertEquals(LocalDateTime.parse(meant), CellText.dateTime(text, null, CellText.strictPattern(pattern)));
    }

    @Test
    void whenBothNumbersCouldBeTheMonthTheReasonSaysSoAndNamesBoth() {
        String hint = LocalDateForm.hint("study_datetime", "05/10/2026 14:30");
        assertTrue(hint.contains("(dd/MM/yyyy HH:mm or MM/dd/yyyy HH:mm)"), hint);
        assertTrue(hint.contains("study_datetime.format = dd/MM/yyyy HH:mm for day first"), hint);
    }

    @ParameterizedTest(name = "\"{0}\" gets no form")
    @CsvSource(delimiter = '|', value = {"2026-10-25T14:30", "31/13/2026 10:00", "yesterday", "25/10/26 14:30", "''"})
    void textOfNoLocalDateFormGetsNoAdvice(String text) {
        assertNull(LocalDateForm.hint("study_datetime", text));
    }

    @Test
    void aLogOfLocalDatesIsRejectedWithTheProfileLineInTheReason() {
        AuditResult r = new AuditFixture()
                .row("accession_number", "A1", "study_datetime", "25/10/2026 14:30")
                .row("accession_number", "A2", "study_datetime", "2026-10-26T09:00:00")
                .audit(dir);
        assertEquals(1, r.rows().audited());
        List<Rejection> rejected = r.rejected();
        assertEquals(1, rejected.size(), rejected.toString());
        Rejection x = rejected.get(0);
        assertEquals("study_datetime", x.column());
        assertEquals("25/10/2026 14:30", x.value());
        assertTrue(x.reason().startsWith("is not a date-time YYYY-MM-DDTHH:MM[:SS]; it reads as dd/MM/yyyy HH:mm"), x.reason());
        Matcher m = NAMED.matcher(x.reason());
        assertTrue(m.find(), x.reason());
        assertEquals(LocalDateTime.parse("2026-10-25T14:30"),
                CellText.dateTime(x.value(), null, CellText.strictPattern(m.group(1).trim())));
        assertTrue(r.rows().reconciles());
    }

    @Test
    void aBirthDateInALocalFormGetsTheAdviceWithoutItsPattern() {
        AuditResult r = new AuditFixture()
                .row("age_years", "", "birth_date", "23/04/2018")
                .audit(dir);
        Rejection x = r.rejected().get(0);
        assertEquals("birth_date", x.column());
        assertTrue(x.reason().contains("a local date form, which a mapping profile reads (birth_date.format"), x.reason());
        // Which number is above 12 tells something of the day of birth: no pattern is named.
        assertFalse(x.reason().contains("reads as"), x.reason());
        assertFalse(x.reason().contains("23"), x.reason());
    }
}
