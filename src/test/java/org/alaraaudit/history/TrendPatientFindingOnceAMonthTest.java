package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.history.trend.Grouping;
import org.alaraaudit.history.trend.MonthFindings;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run over several months stored beside the monthly runs: a patient's cumulative dose is flagged under another id
 * (the id holds the end of the run's window), and must still count once a month in the trend, as the month's own
 * audit counted it.
 */
class TrendPatientFindingOnceAMonthTest {
    private static final Path SAMPLE = Path.of("sample-data");
    private static final YearMonth AUGUST = YearMonth.of(2026, 8);
    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final AuditPeriod QUARTER = new AuditPeriod(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 10, 31));

    @TempDir
    Path dir;

    private static Path log(YearMonth m) { return SAMPLE.resolve("scan-log-" + m + ".csv"); }

    private static Map<String, Map<org.alaraaudit.model.Severity, Long>> findings(Trend t) {
        Map<String, Map<org.alaraaudit.model.Severity, Long>> out = new TreeMap<>();
        for (MonthFindings f : t.findings()) out.put(f.month() + " " + f.group(), f.findings());
        return out;
    }

    private static long cumulativeIn(AuditResult r, YearMonth m) {
        return r.findings().stream().filter(f -> "CUMULATIVE_DOSE".equals(f.ruleId()))
                .filter(f -> YearMonth.from(f.studyDatetime()).equals(m)).count();
    }

    private static long ofSeverityOnNoStudy(AuditResult r, org.alaraaudit.model.Severity s) {
        return r.findings().stream().filter(f -> f.severity() == s && f.studyDatetime() == null).count();
    }

    private static Map<org.alaraaudit.model.Severity, Long> month(Trend t, YearMonth m) {
        return t.findings().stream().filter(f -> f.month().equals(m) && f.group().equals(Trend.ALL_FACILITIES))
                .findFirst().orElseThrow().findings();
    }

    @Test
    void aQuarterStoredBesideItsThreeMonthlyRunsLeavesEveryMonthsFindingsAsItsOwnAuditCountedThem() {
        StoreRuns store = new StoreRuns("jdbc:h2:file:" + dir.resolve("months-and-quarter").resolve("history"));
        for (YearMonth m : List.of(AUGUST, SEPTEMBER, OCTOBER)) store.audit(AuditPeriod.month(m), log(m));
        Map<Grouping, Map<String, Map<org.alaraaudit.model.Severity, Long>>> before = new java.util.EnumMap<>(Grouping.class);
        for (Grouping by : Grouping.values()) before.put(by, findings(store.trend(by)));
        AuditResult quarter = store.audit(QUARTER, log(AUGUST), log(SEPTEMBER), log(OCTOBER));

        // The case at issue: September's patient flagged by the quarter under another id than September's run gave it.
        List<Finding> septemberByQuarter = quarter.findings().stream().filter(f -> "CUMULATIVE_DOSE".equals(f.ruleId())
                && YearMonth.from(f.studyDatetime()).equals(SEPTEMBER)).toList();
        assertTrue(!septemberByQuarter.isEmpty(), "the quarter flags a patient whose latest study is in September");
        for (Finding f : septemberByQuarter) {
            assertEquals(1, store.count("SELECT COUNT(*) FROM run_finding f JOIN audit_run r ON r.id = f.run_id WHERE f.rule_id = 'CUMULATIVE_DOSE'"
                    + " AND f.accession_number = '" + f.accessionNumber() + "' AND f.finding_id <> '" + f.findingId() + "'"
                    + " AND r.period_to = DATE '2026-09-30'"), "September's run flagged the same study under its own id");
        }
        for (Grouping by : Grouping.values()) assertEquals(before.get(by), findings(store.trend(by)), by.name());
    }

    @Test
    void aQuartersPatientFindingCountsInAMonthNoMonthlyRunCoversAndInNoMonthOneDoes() {
        StoreRuns months = new StoreRuns("jdbc:h2:file:" + dir.resolve("months").resolve("history"));
        months.audit(AuditPeriod.month(AUGUST), log(AUGUST));
        months.audit(AuditPeriod.month(SEPTEMBER), log(SEPTEMBER));
        AuditResult october = months.audit(AuditPeriod.month(OCTOBER), log(OCTOBER));
        Trend monthly = months.trend(Grouping.ALL);

        // October audited only as part of the quarter: its patients are the quarter's, counted in October.
        StoreRuns partly = new StoreRuns("jdbc:h2:file:" + dir.resolve("partly").resolve("history"));
        partly.audit(AuditPeriod.month(AUGUST), log(AUGUST));
        partly.audit(AuditPeriod.month(SEPTEMBER), log(SEPTEMBER));
        AuditResult quarter = partly.audit(QUARTER, log(AUGUST), log(SEPTEMBER), log(OCTOBER));
        Trend t = partly.trend(Grouping.ALL);

        long octoberPatients = cumulativeIn(quarter, OCTOBER);
        assertTrue(octoberPatients > 0, "the quarter flags patients whose latest study is in October");
        assertEquals(cumulativeIn(october, OCTOBER), octoberPatients, "the same patients as October's own run");
        org.alaraaudit.model.Severity major = org.alaraaudit.model.Severity.MAJOR;
        // Just inside: October's MAJOR findings are October's own run's but its DRL groups (a quarter's groups are no month's).
        assertEquals(month(monthly, OCTOBER).get(major) - ofSeverityOnNoStudy(october, major), month(t, OCTOBER).get(major));
        // Just outside: September, audited on its own, keeps its own run's patients and not the quarter's.
        assertTrue(cumulativeIn(quarter, SEPTEMBER) > 0);
        assertEquals(month(monthly, SEPTEMBER), month(t, SEPTEMBER));
        assertEquals(month(monthly, AUGUST), month(t, AUGUST));
    }
}
