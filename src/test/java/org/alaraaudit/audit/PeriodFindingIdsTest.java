package org.alaraaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.model.Finding;
import org.junit.jupiter.api.Test;

/**
 * A finding on the period's figures (a facility's DRL group, a station's use of a protocol) is found again each
 * month for the same group: each month's is its own finding, with its own id and its own review, while a re-run of
 * a month gives the same ids. A study's findings keep ids of their own study.
 */
class PeriodFindingIdsTest {
    private static final List<Path> MONTHS = List.of(Path.of("sample-data"));
    private static final Set<String> ON_THE_PERIOD = Set.of("DRL_MEDIAN_EXCEEDED", "UNMAPPED_PROTOCOL", "PEDIATRIC_BODY_32CM_PHANTOM");

    private static List<Finding> month(int m) {
        AuditResult r = new AuditFixture().period(AuditPeriod.month(YearMonth.of(2026, m))).auditFiles(MONTHS);
        return r.findings().stream().toList();
    }

    private static Set<String> ids(List<Finding> findings, boolean onThePeriod) {
        return findings.stream().filter(f -> ON_THE_PERIOD.contains(f.ruleId()) == onThePeriod).map(Finding::findingId)
                .collect(Collectors.toSet());
    }

    @Test
    void eachMonthsFindingOnAGroupHasItsOwnIdAndARerunTheSame() {
        List<Finding> september = month(9);
        List<Finding> october = month(10);
        Set<String> sep = ids(september, true);
        Set<String> oct = ids(october, true);
        assertTrue(sep.size() >= 10 && oct.size() >= 10, sep.size() + " and " + oct.size() + " findings on the periods");
        Set<String> shared = new HashSet<>(sep);
        shared.retainAll(oct);
        assertEquals(Set.of(), shared, "no October finding on a group takes a September id");
        // the same group found in both months: different ids
        assertTrue(september.stream().filter(f -> f.ruleId().equals("DRL_MEDIAN_EXCEEDED")).map(Finding::facility)
                .anyMatch(october.stream().filter(f -> f.ruleId().equals("DRL_MEDIAN_EXCEEDED")).map(Finding::facility).toList()::contains));
        assertEquals(oct, ids(month(10), true), "a re-run of October gives October's ids");
        assertEquals(ids(october, false), ids(month(10), false));
        assertFalse(ids(october, false).isEmpty());
    }
}
