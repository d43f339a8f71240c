package org.alaraaudit.audit;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.alaraaudit.dosimetry.SsdeEstimate;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Study;
import org.alaraaudit.rules.Policy;
import org.alaraaudit.rules.RuleEngine;
import org.alaraaudit.rules.RuleSet;
import org.alaraaudit.scanlog.DataWarning;
import org.alaraaudit.scanlog.Pseudonymiser;
import org.alaraaudit.scanlog.RowValidator;
import org.alaraaudit.scanlog.ScanLogInput;

/** One audit: read and validate the inputs, group by patient, run the rules, and gather the result. */
public final class AuditRun {
    /** Findings in the order every report lists them: most severe first, then by rule, place and time. */
    public static final Comparator<Finding> REPORT_ORDER = Comparator
            .comparing(Finding::severity)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::facility, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::studyDatetime, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::accessionNumber, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::findingId);

    private final RuleSet ruleSet;
    private final String toolVersion;
    private final DoseHistory history;

    public AuditRun(RuleSet ruleSet, String toolVersion) { this(ruleSet, toolVersion, DoseHistory.NONE); }

    /** With the store of earlier runs that CUMULATIVE_DOSE and REPEAT_STUDY look back into, and that keeps this run. */
    public AuditRun(RuleSet ruleSet, String toolVersion, DoseHistory history) {
        this.ruleSet = ruleSet;
        this.toolVersion = toolVersion;
        this.history = history;
    }

    public AuditResult run(AuditRequest request, AuditProgress progress) {
        Policy policy = ruleSet.tables().policy().withPediatricAge(request.pediatricAgeYears()).withDrlSet(request.drlSet());
        ruleSet.tables().referenceLevels().set(policy.getDrlSet());
        List<DataWarning> warnings = new ArrayList<>();
        LocalDateTime now = LocalDateTime.ofInstant(request.runTime(), request.zone());
        RowValidator validator = new RowValidator(new Pseudonymiser(request.secret()), now, policy.getUnusualCtdivolMgy(), warnings::add);
        ScanLogInput input = new ScanLogInput(request.inputs(), validator, ruleSet.tables().exclusions(), warnings,
                request.scanLogOptions());

        StudyAssembler assembler = new StudyAssembler(ruleSet.tables(), policy.getDrlSet(), policy.getPediatricAgeYears(), request.period());
        RuleEngine engine = new RuleEngine(ruleSet, policy);
        PeriodTally tally = new PeriodTally(policy.getDrlMinSampleStudies(), e -> {
            SsdeEstimate ssde = engine.estimates().ssde(e);
            return ssde == null ? null : ssde.mgy();
        });
        PeriodEvents.Collector periodEvents = new PeriodEvents.Collector(e -> {
            SsdeEstimate ssde = engine.estimates().ssde(e);
            return ssde == null ? null : ssde.mgy();
        });
        PatientDoses doses = new PatientDoses(engine.estimates(), ruleSet.tables().cumulativeDose(),
                policy.getCumulativeWindowDays(), history);
        // One limit sets what each stage holds before it spills to disk: rows by patient, duplicate keys (12 bytes
        // each against a row's few hundred) and findings (each about five rows' weight).
        int limit = request.inMemoryRowLimit();
        FindingCounts findingCounts = new FindingCounts();
        ProjectionTally projection = new ProjectionTally(policy);
        FindingLog.Builder findings = new FindingLog.Builder(REPORT_ORDER, Math.max(1, limit / 5)).counting(findingCounts::add);
        try (PatientPartitions patients = new PatientPartitions(limit); RuleBatches rules = new RuleBatches(engine, findings)) {
            progress.started(AuditProgress.estimateRows(input.files()));
            try (RowGrouping grouping = new RowGrouping(patients)) {
                input.read(grouping, progress::rowsRead, (int) Math.min(Integer.MAX_VALUE, 4L * limit));
                grouping.finish();
            }
            long toAudit = input.accounting().audited();
            long[] counts = new long[3];
            // Patients are evaluated in batches, one rule session per batch (see RuleEngine.evaluatePatients), on
            // a second thread while this one assembles the next (RuleBatches).
            List<List<Study>> batchStudies = new ArrayList<>();
            List<List<?>> batchFacts = new ArrayList<>();
            int[] batchSize = new int[1];
            patients.forEachPatient(input::isDuplicate, rows -> {
                List<Study> studies = assembler.assemble(rows);
                PatientDoses.Assessment dose = doses.assess(studies, request.period().to());
                List<Study> session;
                List<?> facts;
                if (rows.get(0).patientPerStudy()) {
                    // A stand-in patient for one study of an export without identifiers: repeats and cumulative
                    // dose are not assessable, and nothing about "this patient" may enter the history store.
                    session = studies;
                    facts = List.of();
                    studies.forEach(tally::add);
                    studies.forEach(periodEvents::add);
                    projection.addPatient(studies);
                } else {
                    session = withStoredStudies(studies, policy.getRepeatWindowHours());
                    facts = dose.facts();
                    if (dose.pediatricCtInPeriod()) tally.addPediatricMarrowDose(dose.marrowMgy());
                    studies.forEach(tally::add);
                    studies.forEach(periodEvents::add);
                    projection.addPatient(studies);
                    history.audited(studies, doses::studyDoses);
                }
                batchStudies.add(session);
                batchFacts.add(facts);
                batchSize[0] += facts.size() + rows.size() + session.size();
                if (batchSize[0] >= RuleEngine.BATCH_FACTS) {
                    rules.submit(batchStudies, batchFacts);
                    batchStudies.clear();
                    batchFacts.clear();
                    batchSize[0] = 0;
                }
                counts[0]++;
                counts[1] += studies.size();
                counts[2] += rows.size();
                if ((counts[0] & 0xFF) == 0) {
                    progress.patientsAudited(counts[0], counts[1]);
                    progress.rowsAudited(counts[2], toAudit);
                }
            });
            if (!batchStudies.isEmpty()) rules.submit(batchStudies, batchFacts);
            rules.finish();
            progress.patientsAudited(counts[0], counts[1]);
            progress.rowsAudited(counts[2], toAudit);
        } finally {
            tally.finish();
        }
        findings.addAll(engine.evaluatePeriod(tally.periodFacts()));
        FindingLog found = findings.build();

        AuditPeriod shown = request.period().isWholeInput() ? AuditPeriod.covering(tally.first(), tally.last()) : request.period();
        RunInfo run = new RunInfo(toolVersion, ruleSet.digest(), ruleSet.location(), input.inputFiles(), shown,
                !request.period().isWholeInput(), policy.getPediatricAgeYears(), policy.getDrlSet(), request.runTime(),
                request.institution());
        ComplianceFigures figures = tally.figures(findingCounts, policy.getCumulativeWindowDays(),
                policy.getPhantomFactor32To16(), policy.sourceOf("phantom_factor_32_to_16"));
        PreviousPeriod previous = shown.isWholeInput() ? null : history.previousPeriod(shown, figures.studiesByFacility().keySet());
        AuditResult.Reviews reviews = history instanceof AuditResult.ReviewSource source
                ? source.reviews(found, shown, figures.studiesByFacility().keySet()) : AuditResult.Reviews.NONE;
        return new AuditResult(run, input.accounting(), tally.rowsOutsidePeriod(), figures, tally.drlGroups(),
                tally.protocols(), found, input.rejections(), warnings, ruleSet.rules(), ruleSet.tables(),
                previous, input.filesWithoutPatientIdentifiers(), reviews, periodEvents.build(), projection.figures());
    }

    /**
     * The patient's studies plus the stored CT studies of earlier runs that REPEAT_STUDY may pair a study of the
     * period with: those that started within the repeat window before one of them. They enter the rule session
     * only, outside the period, so they never get findings or count in the figures; the input wins over the
     * store for a study in both.
     */
    private List<Study> withStoredStudies(List<Study> studies, double repeatWindowHours) {
        LocalDateTime first = null;
        LocalDateTime last = null;
        Set<String> inputKeys = new HashSet<>();
        for (Study s : studies) {
            inputKeys.add(s.getKey());
            if (!s.isInPeriod() || !s.isCt()) continue;
            if (first == null || s.getStudyDatetime().isBefore(first)) first = s.getStudyDatetime();
            if (last == null || s.getStudyDatetime().isAfter(last)) last = s.getStudyDatetime();
        }
        if (first == null) return studies;
        String patientRef = studies.get(0).getPatientRef();
        List<EarlierStudy> stored = history.ctStudies(patientRef,
                first.minusSeconds(Math.round(repeatWindowHours * 3600)), last);
        if (stored.isEmpty()) return studies;
        List<Study> all = new ArrayList<>(studies);
        for (EarlierStudy e : stored) if (!inputKeys.contains(e.studyKey())) all.add(e.toStudy(patientRef));
        return all;
    }
}
