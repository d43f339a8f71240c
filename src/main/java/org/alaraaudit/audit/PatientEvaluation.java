package org.alaraaudit.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.alaraaudit.audit.aggregate.ProjectionTally;
import org.alaraaudit.audit.aggregate.ProjectionFigures;
import org.alaraaudit.audit.aggregate.PeriodEvents;
import org.alaraaudit.audit.aggregate.PeriodTally;
import org.alaraaudit.model.Study;
import org.alaraaudit.rules.RuleEngine;
import org.alaraaudit.scanlog.ScanRow;

/**
 * The evaluate stage, one patient at a time: the patient's rows become studies, their doses are assessed, the
 * period's aggregates take the studies, and the rules get them in batches of patients, one rule session per
 * batch (see RuleEngine.evaluatePatients), on a second thread while this one assembles the next
 * ({@link RuleBatches}).
 */
final class PatientEvaluation implements Consumer<List<ScanRow>> {
    private final StudyAssembler assembler;
    private final PatientDoses doses;
    private final DoseHistory history;
    private final PeriodTally tally;
    private final PeriodEvents.Collector events;
    private final ProjectionTally projection;
    private final RuleBatches rules;
    private final LocalDate periodEnd;
    private final double repeatWindowHours;
    private final AuditProgress progress;
    private final long rowsToAudit;

    private List<List<Study>> batchStudies = new ArrayList<>();
    private List<List<?>> batchFacts = new ArrayList<>();
    private int batchSize;
    private long patients;
    private long studies;
    private long rows;

    PatientEvaluation(StudyAssembler assembler, PatientDoses doses, DoseHistory history, PeriodTally tally,
                      PeriodEvents.Collector events, ProjectionTally projection, RuleBatches rules, LocalDate periodEnd,
                      double repeatWindowHours, AuditProgress progress, long rowsToAudit) {
        this.assembler = assembler;
        this.doses = doses;
        this.history = history;
        this.tally = tally;
        this.events = events;
        this.projection = projection;
        this.rules = rules;
        this.periodEnd = periodEnd;
        this.repeatWindowHours = repeatWindowHours;
        this.progress = progress;
        this.rowsToAudit = rowsToAudit;
    }

    @Override
    public void accept(List<ScanRow> patientRows) {
        List<Study> assembled = assembler.assemble(patientRows);
        PatientDoses.Assessment dose = doses.assess(assembled, periodEnd);
        List<Study> session;
        List<?> facts;
        if (patientRows.get(0).patientPerStudy()) {
            // A stand-in patient for one study of an export without identifiers: repeats and cumulative dose are
            // not assessable, and nothing about "this patient" may enter the history store.
            session = assembled;
            facts = List.of();
            aggregate(assembled);
        } else {
            session = withStoredStudies(assembled);
            facts = dose.facts();
            if (dose.pediatricCtInPeriod()) tally.addPediatricMarrowDose(dose.marrowMgy());
            aggregate(assembled);
            history.audited(assembled, doses::studyDoses);
        }
        batchStudies.add(session);
        batchFacts.add(facts);
        batchSize += facts.size() + patientRows.size() + session.size();
        if (batchSize >= RuleEngine.BATCH_FACTS) submit();
        patients++;
        studies += assembled.size();
        rows += patientRows.size();
        if ((patients & 0xFF) == 0) reportProgress();
    }

    /** Every patient is evaluated when this returns; a failure of the rules is thrown here. */
    void finish() {
        if (!batchStudies.isEmpty()) submit();
        rules.finish();
        reportProgress();
    }

    private void aggregate(List<Study> assembled) {
        assembled.forEach(tally::add);
        assembled.forEach(events::add);
        projection.addPatient(assembled);
    }

    private void submit() {
        rules.submit(batchStudies, batchFacts);
        // Handed over, not copied: each patient's lists are new and left alone once evaluated.
        batchStudies = new ArrayList<>();
        batchFacts = new ArrayList<>();
        batchSize = 0;
    }

    private void reportProgress() {
        progress.patientsAudited(patients, studies);
        progress.rowsAudited(rows, rowsToAudit);
    }

    /**
     * The patient's studies plus the stored CT studies of earlier runs that REPEAT_STUDY may pair a study of the
     * period with: those that started within the repeat window before one of them. They enter the rule session
     * only, outside the period, so they never get findings or count in the figures; the input wins over the
     * store for a study in both.
     */
    private List<Study> withStoredStudies(List<Study> assembled) {
        LocalDateTime first = null;
        LocalDateTime last = null;
        Set<String> inputKeys = new HashSet<>();
        for (Study s : assembled) {
            inputKeys.add(s.getKey());
            if (!s.isInPeriod() || !s.isCt()) continue;
            if (first == null || s.getStudyDatetime().isBefore(first)) first = s.getStudyDatetime();
            if (last == null || s.getStudyDatetime().isAfter(last)) last = s.getStudyDatetime();
        }
        if (first == null) return assembled;
        String patientRef = assembled.get(0).getPatientRef();
        List<EarlierStudy> stored = history.ctStudies(patientRef,
                first.minusSeconds(Math.round(repeatWindowHours * 3600)), last);
        if (stored.isEmpty()) return assembled;
        List<Study> all = new ArrayList<>(assembled);
        for (EarlierStudy e : stored) if (!inputKeys.contains(e.studyKey())) all.add(e.toStudy(patientRef));
        return all;
    }
}
