package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rejected row whose date is the faulty cell, of a study of the period that STUDY_INCOMPLETE names, is one of the
 * period's rejected rows wherever they are listed, not one whose period is unknown.
 */
class RejectedRowOfAnIncompleteStudyTest {
    @TempDir
    Path dir;

    private static String summary(AuditResult r) {
        StringWriter out = new StringWriter();
        Summary.print(new PrintWriter(out), r, List.of());
        return out.toString();
    }

    @Test
    void aRowWhoseDateIsTheFaultIsOfThePeriodWhenItsStudyIs() {
        AuditResult r = new AuditFixture().period(AuditPeriod.month(YearMonth.of(2026, 10)))
                .row("accession_number", "ACC1")
                .row("accession_number", "ACC1", "study_datetime", "2026-10-40T10:00:00")
                // Another study's only row, its date the fault: no study of the period names it.
                .row("patient_id", "MRN9", "accession_number", "ACC9", "study_datetime", "2026-10-41T10:00:00")
                .audit(dir);
        assertEquals(2, r.rejected().size());
        assertEquals(List.of("ACC1"), r.rejectedInPeriod().stream().map(x -> x.accessionNumber()).toList());
        List<String> lines = summary(r).lines().toList();
        int at = lines.indexOf("Rejected rows: 2, 1 of them in studies of the period (listed first), 1 without a readable study date;"
                + " all in rejected.csv:");
        assertTrue(at >= 0, lines.toString());
        assertTrue(lines.get(at + 1).startsWith("  scan-log.csv line 3: study_datetime") && lines.get(at + 1).endsWith("(study ACC1)"),
                lines.get(at + 1));
        assertTrue(lines.get(at + 2).startsWith("  scan-log.csv line 4:") && !lines.get(at + 2).contains("(study"), lines.get(at + 2));
    }

    @Test
    void oneStudyOneEventAndOneRejectedRowAreSaidInTheSingular() {
        AuditResult r = new AuditFixture().period(AuditPeriod.month(YearMonth.of(2026, 10)))
                .row("accession_number", "ACC1")
                .row("accession_number", "ACC1", "kvp", "300")
                .audit(dir);
        String text = summary(r);
        assertTrue(text.contains("Studies: 1 (1 pediatric), 1 event; CT 1 (1 pediatric)"), text);
        assertTrue(text.contains("Rejected rows: 1, in a study of the period; in rejected.csv:"), text);
    }
}
