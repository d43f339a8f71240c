package org.alaraaudit.audit.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.DoseHistory;
import org.alaraaudit.audit.PatientDoses;
import org.alaraaudit.audit.StudyAssembler;
import org.alaraaudit.audit.spill.SpillIn;
import org.alaraaudit.audit.spill.SpillOut;
import org.alaraaudit.model.IrradiationEvent;
import org.alaraaudit.model.Study;
import org.alaraaudit.rules.DoseEstimates;
import org.alaraaudit.rules.Policy;
import org.alaraaudit.rules.RuleSet;
import org.alaraaudit.scanlog.DataWarning;
import org.alaraaudit.scanlog.Pseudonymiser;
import org.alaraaudit.scanlog.RowValidator;
import org.alaraaudit.scanlog.ScanLogInput;
import org.alaraaudit.scanlog.ScanLogOptions;
import org.alaraaudit.scanlog.ScanRow;
import org.junit.jupiter.api.Test;

/**
 * The period's tallies of parts of the patients, each part fed in its own order, merged and given exact quantiles
 * from all the values, against one tally fed every patient in pseudonym order: as a Spark run against one machine.
 */
public class PeriodTallyPartsTest {
    private static final RuleSet RULES = AuditFixture.DEFAULT_RULES;

    /** The values of every part's samples by id; quantiles computed by sorting them, as a test can afford. */
    private static final class SortedValues implements DoseSample.Elsewhere {
        final Map<String, List<Double>> values = new HashMap<>();

        @Override
        public void add(String sample, double value) { values.computeIfAbsent(sample, k -> new ArrayList<>()).add(value); }

        @Override
        public double[] quantiles(String sample) {
            double[] v = values.get(sample).stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(v);
            return DoseSample.reported(v.length, k -> v[(int) k]);
        }
    }

    @Test
    void threePartsOfTheSampleMonthsInReverseOrderMergeIntoTheSameAggregatesAsOneTally() throws Exception {
        PeriodTally whole = assertPartsMergeIntoOneTally(Path.of("sample-data"), 3);
        assertFalse(whole.drlGroups().isEmpty(), "the sample month has DRL groups to compare");
    }

    /** A site's radiography DRL rows judge typical values; the judged groups keep their input lines across parts. */
    @Test
    void typicalValuesJudgedAgainstASitesDrlRowsMergeIntoTheSameFactsAsOneTally(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path copy = org.alaraaudit.AuditFixture.copyDefaultRules(dir.resolve("rules"));
        java.nio.file.Files.writeString(copy.resolve("tables").resolve(org.alaraaudit.rules.ProjectionReferenceLevels.FILE),
                org.alaraaudit.rules.ProjectionDrlTest.TABLE);
        RuleSet withRows = RuleSet.load(copy);
        Policy policy = withRows.tables().policy();
        ProjectionTally judged = new ProjectionTally(policy, withRows.tables().projectionLevels());
        assertPartsMergeIntoOneTally(withRows, Path.of("sample-data"), 3);
        // The sample months have chest PA radiographs of 5-10 year olds, which the table's first row judges.
        AuditPeriod october = AuditPeriod.month(YearMonth.of(2026, 10));
        StudyAssembler assembler = new StudyAssembler(withRows.tables(), policy.getDrlSet(), policy.getPediatricAgeYears(), october);
        for (List<ScanRow> rows : patientsOf(Path.of("sample-data"), policy).values()) judged.addPatient(assembler.assemble(rows));
        assertTrue(judged.periodFacts().stream().anyMatch(t -> t.getLevel() != null && !t.getLines().isEmpty()),
                "some typical value is judged against a row, with its lines: " + judged.periodFacts());
    }

    /** The spelling of a pediatric protocol use is the first patient's by pseudonym, however the patients come. */
    @Test
    void aProtocolSpelledThreeWaysKeepsTheFirstPatientsSpellingHoweverThePatientsArePartedAndMerged(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path log = new AuditFixture()
                .row("patient_id", "P1", "accession_number", "A1", "protocol_name", "SINUS LOW")
                .row("patient_id", "P2", "accession_number", "A2", "protocol_name", " sinus  low ")
                .row("patient_id", "P3", "accession_number", "A3", "protocol_name", "Sinus Low")
                .write(dir, "scan-log.csv");
        for (int parts = 1; parts <= 3; parts++) {
            PeriodTally whole = assertPartsMergeIntoOneTally(log, parts);
            assertEquals(1, whole.periodFacts().stream().filter(f -> f instanceof org.alaraaudit.model.ProtocolUse).count(),
                    "one catalog gap for three spellings");
        }
    }

    /** The input's first and last study days come through the parts, the last one after the period (October). */
    @Test
    void theInputsStudyDaysBeforeInAndAfterThePeriodMergeAsOneTallyHasThem(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path log = new AuditFixture()
                .row("patient_id", "P1", "accession_number", "A1", "study_datetime", "2026-09-03T10:00:00")
                .row("patient_id", "P2", "accession_number", "A2", "study_datetime", "2026-10-10T10:00:00")
                .row("patient_id", "P3", "accession_number", "A3", "study_datetime", "2026-11-01T10:00:00")
                .row("patient_id", "P4", "accession_number", "A4", "study_datetime", "2026-10-20T10:00:00")
                .write(dir, "scan-log.csv");
        for (int parts = 1; parts <= 3; parts++) {
            PeriodTally whole = assertPartsMergeIntoOneTally(log, parts);
            assertEquals(java.time.LocalDate.of(2026, 9, 3), whole.firstStudyDay());
            assertEquals(java.time.LocalDate.of(2026, 11, 1), whole.lastStudyDay());
            assertEquals(java.time.LocalDate.of(2026, 10, 20), whole.last(), "the period's own last day");
        }
    }

    /** Returns the one tally, frozen. */
    private static PeriodTally assertPartsMergeIntoOneTally(Path input, int parts) throws Exception {
        return assertPartsMergeIntoOneTally(RULES, input, parts);
    }

    /** Returns the one tally, frozen; {@code rules} decide the DRL rows and the rest. */
    private static PeriodTally assertPartsMergeIntoOneTally(RuleSet RULES, Path input, int parts) throws Exception {
        Policy policy = RULES.tables().policy();
        RULES.tables().referenceLevels().set(policy.getDrlSet());
        DoseEstimates estimates = new DoseEstimates(RULES.tables(), policy);
        Function<IrradiationEvent, Double> ssde = estimates::ssdeMgy;
        AuditPeriod period = AuditPeriod.month(YearMonth.of(2026, 10));
        StudyAssembler assembler = new StudyAssembler(RULES.tables(), policy.getDrlSet(), policy.getPediatricAgeYears(), period);
        PatientDoses doses = new PatientDoses(estimates, RULES.tables().cumulativeDose(), policy.getCumulativeWindowDays(), DoseHistory.NONE);

        PeriodTally whole = new PeriodTally(policy.getDrlMinSampleStudies(), ssde);
        ProjectionTally wholeProjection = new ProjectionTally(policy, RULES.tables().projectionLevels());
        PeriodEvents.Collector wholeScanners = PeriodEvents.Collector.scannersOnly();
        SortedValues values = new SortedValues();
        List<PeriodTally> tallies = new ArrayList<>();
        List<ProjectionTally> projections = new ArrayList<>();
        List<PeriodEvents.Collector> scanners = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            tallies.add(new PeriodTally(policy.getDrlMinSampleStudies(), ssde, values));
            projections.add(new ProjectionTally(policy, RULES.tables().projectionLevels(), values));
            scanners.add(PeriodEvents.Collector.scannersOnly());
        }

        List<List<Study>> patients = new ArrayList<>();
        for (List<ScanRow> rows : patientsOf(input, policy).values()) patients.add(assembler.assemble(rows));
        for (List<Study> studies : patients) {
            add(whole, wholeProjection, wholeScanners, studies, doses, period);
        }
        // Dealt round the parts, each part fed from the last pseudonym back to the first.
        for (int p = patients.size() - 1; p >= 0; p--) {
            int part = p % parts;
            add(tallies.get(part), projections.get(part), scanners.get(part), patients.get(p), doses, period);
        }
        PeriodTally merged = new PeriodTally(policy.getDrlMinSampleStudies(), ssde, values);
        ProjectionTally mergedProjection = new ProjectionTally(policy, RULES.tables().projectionLevels(), values);
        PeriodEvents.Collector mergedScanners = PeriodEvents.Collector.scannersOnly();
        // Merged from the last part back to the first, so no part's first patient comes first by accident.
        for (int i = parts - 1; i >= 0; i--) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (SpillOut out = new SpillOut(bytes, 0)) {
                tallies.get(i).write(out, RULES.tables().referenceLevels());
                projections.get(i).write(out);
                scanners.get(i).write(out);
            }
            try (SpillIn in = new SpillIn(new ByteArrayInputStream(bytes.toByteArray()))) {
                merged.merge(in, RULES.tables().referenceLevels());
                mergedProjection.merge(in);
                mergedScanners.merge(in);
            }
        }
        whole.finish();
        merged.finish();

        assertEquals(whole.drlGroups(), merged.drlGroups(), "DRL groups: medians, 75th percentiles, counts, lines, status");
        assertEquals(String.valueOf(whole.periodFacts()), String.valueOf(merged.periodFacts()), "the period rules' facts");
        assertEquals(described(whole.protocols()), described(merged.protocols()), "protocol statistics");
        FindingCounts none = new FindingCounts();
        assertEquals(whole.figures(none, 365, 1.0, "test"), merged.figures(none, 365, 1.0, "test"), "compliance figures");
        assertEquals(whole.rowsOutsidePeriod(), merged.rowsOutsidePeriod());
        assertEquals(whole.first(), merged.first());
        assertEquals(whole.last(), merged.last());
        assertEquals(whole.firstStudyDay(), merged.firstStudyDay(), "the input's first study day, in the period or not");
        assertEquals(whole.lastStudyDay(), merged.lastStudyDay());
        assertEquals(wholeProjection.figures(), mergedProjection.figures(), "radiography and fluoroscopy figures");
        assertEquals(typicalDaps(wholeProjection), typicalDaps(mergedProjection),
                "typical values with their DRL rows and lines, for DAP_DRL_MEDIAN_EXCEEDED");
        assertEquals(wholeScanners.build().scanners(), mergedScanners.build().scanners(), "scanners");
        return whole;
    }

    /** What the DRL rule reads of each typical value. */
    private static List<String> typicalDaps(ProjectionTally t) {
        List<String> out = new ArrayList<>();
        for (org.alaraaudit.model.TypicalDap d : t.periodFacts()) {
            out.add(String.join("|", d.getFacility(), d.getKind(), d.getExam(), d.getBand(), String.valueOf(d.getValues()),
                    String.valueOf(d.getStudies()), String.valueOf(d.getMedian()), String.valueOf(d.getStatus()),
                    d.getLevel() == null ? "-" : d.getLevel().label(), String.valueOf(d.getLines())));
        }
        return out;
    }

    @Test
    void aSampleWhoseValuesAreElsewhereTakesTheSameQuantilesAsOneThatKeepsThem() {
        SortedValues values = new SortedValues();
        DoseSample kept = new DoseSample();
        DoseSample elsewhere = new DoseSample("s", values);
        for (double v : new double[] {3.1, 0.7, 12.25, 0.7, 5.0, 9.9}) {
            kept.add(v);
            elsewhere.add(v);
        }
        assertEquals(6, elsewhere.size());
        Double median = kept.median();
        Double p75 = kept.p75();
        kept.freeze();
        elsewhere.freeze();
        assertEquals(median, elsewhere.median(), "an even count: the mean of the two middle values");
        assertEquals(p75, elsewhere.p75());
        assertEquals(kept.quantile(0.05), elsewhere.quantile(0.05));
        assertTrue(Arrays.equals(new long[] {0, 1, 2, 3, 4, 5}, DoseSample.neededRanks(6)), "six values: every rank is read");
        // The median's 95 % interval of 100 values lies between the 40th and 61st (ranks 39 and 60 from 0).
        assertTrue(Arrays.equals(new long[] {0, 1, 4, 5, 24, 25, 39, 49, 50, 60, 74, 75, 94, 95, 99}, DoseSample.neededRanks(100)),
                "a hundred values: the two either side of each quantile and the median's interval "
                        + Arrays.toString(DoseSample.neededRanks(100)));
        assertTrue(Arrays.equals(kept.medianInterval(), elsewhere.medianInterval()), "the interval kept elsewhere is the one kept here");
    }

    private static void add(PeriodTally tally, ProjectionTally projection, PeriodEvents.Collector scanners, List<Study> studies,
                            PatientDoses doses, AuditPeriod period) {
        PatientDoses.Assessment dose = doses.assess(studies, period.to());
        if (dose.pediatricCtInPeriod()) tally.addPediatricMarrowDose(dose.marrowMgy());
        studies.forEach(tally::add);
        studies.forEach(scanners::add);
        projection.addPatient(studies);
    }

    /** The protocol statistics as the reports read them: counts, quartiles and whiskers, completeness, size points. */
    public static List<String> described(List<ProtocolStatistics> protocols) {
        List<String> out = new ArrayList<>();
        for (ProtocolStatistics p : protocols) {
            StringBuilder s = new StringBuilder(p.facility() + "|" + p.stationName() + "|" + p.standardProtocol() + "|" + p.studies()
                    + "|" + p.pediatricStudies() + "|" + p.acquisitions());
            for (ProtocolStatistics.Completeness c : ProtocolStatistics.Completeness.values()) s.append('|').append(p.missing(c));
            for (DoseSample d : List.of(p.ctdivol(), p.dlp(), p.ssde())) {
                s.append('|').append(d.size());
                for (double q : new double[] {0, 0.05, 0.25, 0.5, 0.75, 0.95, 1}) s.append(',').append(d.quantile(q));
            }
            out.add(s.append('|').append(p.sizePoints()).toString());
        }
        return out;
    }

    /** Each patient's rows in input order, by pseudonym: as the single-machine audit hands them to the tallies. */
    private static Map<String, List<ScanRow>> patientsOf(Path logs, Policy policy) {
        List<DataWarning> warnings = new ArrayList<>();
        RowValidator validator = new RowValidator(new Pseudonymiser(AuditFixture.SECRET),
                LocalDateTime.ofInstant(AuditFixture.RUN_TIME, ZoneOffset.UTC), policy.getUnusualCtdivolMgy(), warnings::add);
        ScanLogInput input = new ScanLogInput(List.of(logs), validator, RULES.tables().exclusions(), warnings,
                ScanLogOptions.DEFAULTS);
        List<ScanRow> rows = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        input.read((row, ordinal) -> {
            rows.add(row);
            ordinals.add(ordinal);
        }, n -> { });
        Map<String, List<ScanRow>> byPatient = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!input.isDuplicate(ordinals.get(i))) byPatient.computeIfAbsent(rows.get(i).patientRef(), k -> new ArrayList<>()).add(rows.get(i));
        }
        return byPatient;
    }
}
