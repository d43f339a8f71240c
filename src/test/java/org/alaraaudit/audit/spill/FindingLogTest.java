package org.alaraaudit.audit.spill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.alaraaudit.audit.AuditRun;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.model.TargetRegion;
import org.junit.jupiter.api.Test;

class FindingLogTest {
    private static Finding finding(Random r, int i) {
        boolean nulls = r.nextInt(4) == 0;
        List<SourceLine> lines = new ArrayList<>();
        for (int k = 0; k < r.nextInt(4); k++) lines.add(new SourceLine(k == 2 ? "other.xlsx" : "log.csv", r.nextInt(100_000)));
        Finding.Where where = new Finding.Where(nulls ? null : "Site " + r.nextInt(3), nulls ? null : "CT1",
                nulls ? null : "ACC" + r.nextInt(50), nulls ? null : LocalDateTime.of(2026, 10, 1 + r.nextInt(30), r.nextInt(24), 0, 0, r.nextInt(1000) * 1000),
                "p" + r.nextInt(9), nulls ? null : r.nextDouble() * 18, r.nextBoolean(), "PED HEAD", "PED HEAD 0-1Y",
                nulls ? null : TargetRegion.values()[r.nextInt(TargetRegion.values().length)]);
        return new Finding("id-" + i, "RULE_" + r.nextInt(5), Severity.values()[r.nextInt(Severity.values().length)],
                "study", where, new Finding.Measured("CTDIvol", nulls ? null : r.nextDouble() * 100, "mGy"),
                new Finding.Against(23.0, i == 7 ? "x".repeat(70_000) : "Kanal 2022"),
                "CTDIvol 31 mGy above the expected upper value ü", List.copyOf(lines), nulls ? null : "ACC1");
    }

    @Test
    void aSpilledLogReadsBackEveryFieldInReportOrder() {
        Random r = new Random(7);
        List<Finding> all = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) all.add(finding(r, i));
        FindingLog.Builder b = new FindingLog.Builder(AuditRun.REPORT_ORDER, 64);
        b.addAll(all.subList(0, 600));
        b.addAll(all.subList(600, 1_000));
        FindingLog log = b.build();
        assertTrue(log.spilled());
        List<Finding> expected = new ArrayList<>(all);
        expected.sort(AuditRun.REPORT_ORDER);
        assertEquals(expected, log.stream().toList(), "every field, long texts and nulls included, in report order");
        assertEquals(expected, log.stream().toList(), "a second reading gives the same");
        assertEquals(1_000, log.size());
    }

    /**
     * A finding whose ordering fields each take one of a few values or none, independently: ties on every field
     * but the last, and a missing value beside a present one, so each step of the order decides some pairs.
     */
    private static Finding orderedOnly(Random r) {
        String facility = r.nextInt(3) == 0 ? null : "Site " + r.nextInt(2);
        LocalDateTime time = r.nextInt(3) == 0 ? null : LocalDateTime.of(2026, 10, 1 + r.nextInt(2), 8, 0);
        String accession = r.nextInt(3) == 0 ? null : "ACC" + r.nextInt(2);
        Finding.Where where = new Finding.Where(facility, "CT1", accession, time, "p1", 9.0, true, "PED HEAD", "PED HEAD", null);
        return new Finding("id-" + r.nextInt(4), "RULE_" + r.nextInt(2), Severity.values()[r.nextInt(2)], "study", where,
                new Finding.Measured("CTDIvol", 1.0, "mGy"), new Finding.Against(1.0, "test"), "m", List.of(), null);
    }

    @Test
    void theReportOrderIsBySeverityRuleFacilityTimeAccessionAndIdWithMissingValuesFirst() {
        java.util.Comparator<Finding> spelledOut = java.util.Comparator
                .comparing(Finding::severity)
                .thenComparing(Finding::ruleId)
                .thenComparing(Finding::facility, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                .thenComparing(Finding::studyDatetime, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                .thenComparing(Finding::accessionNumber, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                .thenComparing(Finding::findingId);
        Random r = new Random(9);
        List<Finding> all = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) all.add(orderedOnly(r));
        for (int i = 0; i < all.size(); i++) {
            for (int j = i; j < Math.min(all.size(), i + 40); j++) {
                Finding a = all.get(i);
                Finding b = all.get(j);
                assertEquals(Integer.signum(spelledOut.compare(a, b)), Integer.signum(AuditRun.REPORT_ORDER.compare(a, b)), a + " / " + b);
                assertEquals(Integer.signum(spelledOut.compare(b, a)), Integer.signum(AuditRun.REPORT_ORDER.compare(b, a)), b + " / " + a);
            }
        }
        List<Finding> expected = new ArrayList<>(all);
        expected.sort(spelledOut);
        List<Finding> sorted = new ArrayList<>(all);
        sorted.sort(AuditRun.REPORT_ORDER);
        assertEquals(expected, sorted);
    }

    @Test
    void underTheLimitNothingGoesToDisk() {
        Random r = new Random(8);
        List<Finding> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) all.add(finding(r, i));
        FindingLog log = FindingLog.of(all, AuditRun.REPORT_ORDER);
        assertFalse(log.spilled());
        List<Finding> expected = new ArrayList<>(all);
        expected.sort(AuditRun.REPORT_ORDER);
        assertEquals(expected, log.stream().toList());
    }
}
