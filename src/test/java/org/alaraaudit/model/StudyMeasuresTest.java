package org.alaraaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.StudyAssembler;
import org.alaraaudit.rules.Policy;
import org.alaraaudit.rules.RuleSet;
import org.alaraaudit.scanlog.Pseudonymiser;
import org.alaraaudit.scanlog.RowValidator;
import org.alaraaudit.scanlog.ScanLogInput;
import org.alaraaudit.scanlog.ScanLogOptions;
import org.alaraaudit.scanlog.ScanRow;
import org.junit.jupiter.api.Test;

/**
 * What a study works out for the rules, on every study of the sample months: the per-study maxima the rules filter
 * on before looking region by region (repeat-scans' multiphase rule, dose-notification's accumulated CTDIvol) equal
 * the region-by-region measures they stand for, and the expected-range checks told without grouping a study's
 * events are those grouping them finds.
 */
public class StudyMeasuresTest {

    @Test
    void theMostAcquisitionsAndTheMostAccumulatedCtdivolOverOneRegionAreTheLargestRegionByRegionMeasures() {
        List<Study> studies = sampleStudies();
        int multiphase = 0;
        int accumulated = 0;
        for (Study s : studies) {
            long most = 0;
            double mostCtdivol = 0;
            for (TargetRegion r : TargetRegion.values()) {
                most = Math.max(most, s.diagnosticEventsOver(r));
                Double sum = s.accumulatedCtdivolOver(r);
                if (sum != null) mostCtdivol = Math.max(mostCtdivol, sum);
            }
            assertEquals(most, s.getMostDiagnosticEventsOverOneRegion(), s.getKey());
            assertEquals(mostCtdivol, s.getMostAccumulatedCtdivol(), 0.0, s.getKey());
            if (most >= 2) multiphase++;
            if (s.getEvents().size() >= 2 && mostCtdivol > 0) accumulated++;
        }
        assertTrue(multiphase > 10, "the sample months have multiphase studies: " + multiphase);
        assertTrue(accumulated > 100, "and studies of several CT events: " + accumulated);
    }

    @Test
    void theExpectedRangeChecksOfEveryStudyAreThoseFoundProtocolByProtocol() {
        int withChecks = 0;
        int ct = 0;
        for (Study s : sampleStudies()) {
            assertEquals(ExpectedRangeCheck.byProtocol(s), s.getExpectedRangeChecks(), s.getKey());
            if (s.isCt()) ct++;
            if (!s.getExpectedRangeChecks().isEmpty()) withChecks++;
        }
        assertTrue(withChecks > 20 && withChecks < ct, withChecks + " of " + ct + " CT studies have checks: some, not all");
    }

    private static List<Study> sampleStudies() {
        RuleSet rules = AuditFixture.DEFAULT_RULES;
        Policy policy = rules.tables().policy();
        rules.tables().referenceLevels().set(policy.getDrlSet());
        RowValidator validator = new RowValidator(new Pseudonymiser(AuditFixture.SECRET),
                LocalDateTime.ofInstant(AuditFixture.RUN_TIME, ZoneOffset.UTC), policy.getUnusualCtdivolMgy(), w -> { });
        ScanLogInput input = new ScanLogInput(List.of(Path.of("sample-data")), validator, rules.tables().exclusions(),
                new ArrayList<>(), ScanLogOptions.DEFAULTS);
        Map<String, List<ScanRow>> byPatient = new TreeMap<>();
        input.read((row, ordinal) -> byPatient.computeIfAbsent(row.patientRef(), k -> new ArrayList<>()).add(row), n -> { });
        StudyAssembler assembler = new StudyAssembler(rules.tables(), policy.getDrlSet(), policy.getPediatricAgeYears(),
                AuditPeriod.month(YearMonth.of(2026, 10)));
        List<Study> studies = new ArrayList<>();
        for (List<ScanRow> rows : byPatient.values()) studies.addAll(assembler.assemble(rows));
        return studies;
    }
}
