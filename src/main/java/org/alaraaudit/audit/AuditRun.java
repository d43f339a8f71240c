package org.alaraaudit.audit;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.alaraaudit.audit.aggregate.ProjectionTally;
import org.alaraaudit.audit.aggregate.ProjectionFigures;
import org.alaraaudit.audit.aggregate.ComplianceFigures;
import org.alaraaudit.audit.aggregate.FindingCounts;
import org.alaraaudit.audit.aggregate.PeriodEvents;
import org.alaraaudit.audit.aggregate.PeriodTally;
import org.alaraaudit.audit.spill.FindingLog;
import org.alaraaudit.audit.spill.PatientPartitions;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.IrradiationEvent;
import org.alaraaudit.rules.Policy;
import org.alaraaudit.rules.RuleEngine;
import org.alaraaudit.rules.RuleSet;
import org.alaraaudit.scanlog.DataWarning;
import org.alaraaudit.scanlog.Pseudonymiser;
import org.alaraaudit.scanlog.RowValidator;
import org.alaraaudit.scanlog.ScanLogInput;

/**
 * One audit, as a pipeline: read and validate the inputs, group the rows by patient, evaluate each patient
 * (studies, doses, aggregates, rules), then the period's own rules, and gather the result.
 */
public final class AuditRun {
    /**
     * Findings in the order every report lists them: most severe first, then by rule, place (a missing one first)
     * and time, then by id. Written out rather than chained: the findings of a large audit are sorted as they
     * spill, and the chain of a dozen small comparators was half of that.
     */
    public static final Comparator<Finding> REPORT_ORDER = AuditRun::inReportOrder;

    private static int inReportOrder(Finding a, Finding b) {
        int c = a.severity().compareTo(b.severity());
        if (c == 0) c = a.ruleId().compareTo(b.ruleId());
        if (c == 0) c = nullsFirst(a.facility(), b.facility());
        if (c == 0) c = nullsFirst(a.studyDatetime(), b.studyDatetime());
        if (c == 0) c = nullsFirst(a.accessionNumber(), b.accessionNumber());
        if (c == 0) c = a.findingId().compareTo(b.findingId());
        return c;
    }

    private static <T extends Comparable<? super T>> int nullsFirst(T a, T b) {
        if (a == null) return b == null ? 0 : -1;
        return b == null ? 1 : a.compareTo(b);
    }

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
        ScanLogInput input = input(request, policy, warnings);
        RuleEngine engine = new RuleEngine(ruleSet, policy);
        Function<IrradiationEvent, Double> estimatedSsde = engine.estimates()::ssdeMgy;
        PeriodTally tally = new PeriodTally(policy.getDrlMinSampleStudies(), estimatedSsde);
        PeriodEvents.Collector events = request.eventRows() ? new PeriodEvents.Collector(estimatedSsde)
                : PeriodEvents.Collector.scannersOnly();
        FindingCounts counts = new FindingCounts();
        // One limit sets what each stage holds before it spills to disk: rows by patient, duplicate keys (12 bytes
        // each against a row's few hundred) and findings (a fifth as many; see HeapBudget).
        int limit = request.inMemoryRowLimit();
        ProjectionTally projection = new ProjectionTally(policy, ruleSet.tables().projectionLevels());
        FindingLog.Builder findings = new FindingLog.Builder(REPORT_ORDER, Math.max(1, limit / 5)).counting(counts::add);
        try (PatientPartitions patients = new PatientPartitions(limit); RuleBatches rules = new RuleBatches(engine, findings)) {
            long expected = AuditProgress.estimateRows(input.files());
            progress.started(expected);
            patients.expect(expected);
            try (RowGrouping grouping = new RowGrouping(patients)) {
                input.read(grouping, progress::rowsRead, (int) Math.min(Integer.MAX_VALUE, 4L * limit));
                grouping.finish();
            }
            PatientEvaluation evaluation = new PatientEvaluation(
                    new StudyAssembler(ruleSet.tables(), policy.getDrlSet(), policy.getPediatricAgeYears(), request.period(), warnings::add,
                            input.incompleteStudies()),
                    new PatientDoses(engine.estimates(), ruleSet.tables().cumulativeDose(), policy.getCumulativeWindowDays(), history),
                    history, tally, events, projection, rules, request.period().to(), policy.getRepeatWindowHours(), progress,
                    input.accounting().audited());
            patients.forEachPatient(input::isDuplicate, evaluation);
            evaluation.finish();
        } finally {
            tally.finish();
        }
        List<Object> periodFacts = new ArrayList<>(tally.periodFacts());
        periodFacts.addAll(projection.periodFacts());
        AuditPeriod period = request.period().orCovering(tally.first(), tally.last());
        findings.addAll(engine.evaluatePeriod(periodFacts, period.from(), period.to()));
        // The studies' warnings came patient by patient, in no file order: every report lists them by file and line.
        warnings.sort(java.util.Comparator.comparing(DataWarning::file).thenComparingLong(DataWarning::line));
        return result(request, policy, input, warnings, tally, counts, findings.build(), events.build(), projection);
    }

    private ScanLogInput input(AuditRequest request, Policy policy, List<DataWarning> warnings) {
        LocalDateTime now = LocalDateTime.ofInstant(request.runTime(), request.zone());
        RowValidator validator = new RowValidator(new Pseudonymiser(request.secret()), now, policy.getUnusualCtdivolMgy(), warnings::add);
        return new ScanLogInput(request.inputs(), validator, ruleSet.tables().exclusions(), warnings, request.scanLogOptions());
    }

    private AuditResult result(AuditRequest request, Policy policy, ScanLogInput input, List<DataWarning> warnings,
                               PeriodTally tally, FindingCounts counts, FindingLog found, PeriodEvents events,
                               ProjectionTally projection) {
        AuditPeriod shown = request.period().orCovering(tally.first(), tally.last());
        ComplianceFigures figures = tally.figures(counts, policy.getCumulativeWindowDays(),
                policy.getPhantomFactor32To16(), policy.sourceOf("phantom_factor_32_to_16"));
        AuditResult.Builder result = AuditResult.builder()
                .run(new RunInfo(toolVersion, ruleSet.digest(), ruleSet.location(), input.inputFiles(), shown,
                        !request.period().isWholeInput(), policy.getPediatricAgeYears(), policy.getDrlSet(), request.runTime(),
                        request.institution()))
                .rows(input.accounting()).rowsOutsidePeriod(tally.rowsOutsidePeriod())
                .inputDays(AuditPeriod.covering(tally.firstStudyDay(), tally.lastStudyDay())).figures(figures)
                .drlGroups(tally.drlGroups()).protocols(tally.protocols()).findings(found).rejected(input.rejections())
                .warnings(warnings).rules(ruleSet.rules()).tables(ruleSet.tables())
                .filesWithoutPatientIdentifiers(input.filesWithoutPatientIdentifiers()).events(events)
                .projection(projection.figures());
        result.historyStoreRead(history != DoseHistory.NONE);
        if (!shown.isWholeInput()) result.previousPeriod(history.previousPeriod(shown, figures.studiesByFacility().keySet()));
        if (history instanceof AuditResult.ReviewSource source) {
            result.reviews(source.reviews(found, shown, figures.studiesByFacility().keySet()));
        }
        return result.build();
    }
}
