package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.history.trend.DoseMedian;
import org.alaraaudit.history.trend.Grouping;
import org.alaraaudit.history.trend.StepRule;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.history.trend.TrendQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store kept before dose values carried their group's contrast: September's values have none, October's say
 * "with contrast" or "without contrast" where their DRL row is for exams of one contrast. The trend keeps each DRL row one series across both
 * months, named as the audit names it.
 */
class TrendContrastLabelTest {
    @TempDir
    Path dir;

    @Test
    void monthsStoredWithoutTheContrastLabelStayInTheSeriesOfTheLaterMonthsThatHaveIt() {
        StoreRuns store = new StoreRuns("jdbc:h2:file:" + dir.resolve("store").resolve("history"));
        store.audit(AuditPeriod.month(YearMonth.of(2026, 9)), Path.of("sample-data", "scan-log-2026-09.csv"));
        store.audit(AuditPeriod.month(YearMonth.of(2026, 10)), Path.of("sample-data", "scan-log-2026-10.csv"));
        assertTrue(store.count("SELECT COUNT(*) FROM dose_value WHERE contrast_label = 'with contrast'") > 0);
        assertTrue(store.count("SELECT COUNT(*) FROM dose_value WHERE contrast_label = 'without contrast'") > 0,
                "a value judged against a DRL row for exams without contrast keeps that too");
        // As a store kept before either label: September's values have none.
        store.execute("UPDATE dose_value SET contrast_label = NULL WHERE accession_number IN (SELECT accession_number FROM study"
                + " WHERE study_month = '2026-09')");

        Trend t = new TrendQuery(store.store).load(null, null, Grouping.FACILITY, new StepRule(0.2, "test", 10));
        for (String label : List.of(" with contrast", " without contrast")) {
            List<DoseMedian> named = t.medians().stream().filter(d -> d.examType().endsWith(label)).toList();
            assertTrue(named.stream().anyMatch(d -> d.month().equals(YearMonth.of(2026, 9))), "September's values keep the label" + label);
            for (DoseMedian d : named) {
                String plain = d.examType().substring(0, d.examType().length() - label.length());
                assertFalse(t.medians().stream().anyMatch(x -> x.group().equals(d.group()) && x.bandLine() == d.bandLine()
                        && x.quantity().equals(d.quantity()) && x.examType().equals(plain)), "no second series without it: " + d);
            }
        }
        assertTrue(t.medians().stream().anyMatch(d -> d.examType().equals("CT CHEST without contrast")), "named as the audit's DRL table names it");
        assertEquals(t.medians().size(), t.medians().stream().map(d -> d.group() + d.examType() + d.band() + d.quantity() + d.month())
                .distinct().count(), "one median per series and month");
    }
}
