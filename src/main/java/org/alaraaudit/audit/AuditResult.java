package org.alaraaudit.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.alaraaudit.rules.PolicyTables;
import org.alaraaudit.rules.RuleDescription;
import org.alaraaudit.scanlog.DataWarning;
import org.alaraaudit.scanlog.Rejection;
import org.alaraaudit.scanlog.RowAccounting;

/** Everything one audit run found; every report is a reader of this. */
public record AuditResult(
        RunInfo run,
        RowAccounting rows,
        long rowsOutsidePeriod,
        ComplianceFigures figures,
        List<DrlGroup> drlGroups,
        List<ProtocolStatistics> protocols,
        List<Finding> findings,
        List<Rejection> rejected,
        List<DataWarning> warnings,
        List<RuleDescription> rules,
        PolicyTables tables,
        /** The previous period's stored figures for month-over-month change; null without history or without that period. */
        PreviousPeriod previousPeriod,
        /** Inputs without a patient identifier: there each study is its own patient, so repeats and cumulative dose are not assessable. */
        List<String> filesWithoutPatientIdentifiers,
        /** The imported reviews of this run's findings and the earlier periods' findings still awaiting review; never null. */
        Reviews reviews,
        /** The period's irradiation events, one row each, and the scanners they came from; never null. */
        PeriodEvents events,
        /** The radiography and fluoroscopy figures (typical values, deviation index, retake rates); never null. */
        ProjectionFigures projection) {

    public AuditResult(RunInfo run, RowAccounting rows, long rowsOutsidePeriod, ComplianceFigures figures,
                       List<DrlGroup> drlGroups, List<ProtocolStatistics> protocols, List<Finding> findings,
                       List<Rejection> rejected, List<DataWarning> warnings, List<RuleDescription> rules,
                       PolicyTables tables, PreviousPeriod previousPeriod, List<String> filesWithoutPatientIdentifiers,
                       Reviews reviews, PeriodEvents events) {
        this(run, rows, rowsOutsidePeriod, figures, drlGroups, protocols, findings, rejected, warnings, rules, tables,
                previousPeriod, filesWithoutPatientIdentifiers, reviews, events, ProjectionFigures.NONE);
    }

    public AuditResult(RunInfo run, RowAccounting rows, long rowsOutsidePeriod, ComplianceFigures figures,
                       List<DrlGroup> drlGroups, List<ProtocolStatistics> protocols, List<Finding> findings,
                       List<Rejection> rejected, List<DataWarning> warnings, List<RuleDescription> rules,
                       PolicyTables tables, PreviousPeriod previousPeriod, List<String> filesWithoutPatientIdentifiers,
                       Reviews reviews) {
        this(run, rows, rowsOutsidePeriod, figures, drlGroups, protocols, findings, rejected, warnings, rules, tables,
                previousPeriod, filesWithoutPatientIdentifiers, reviews, PeriodEvents.NONE);
    }

    public AuditResult(RunInfo run, RowAccounting rows, long rowsOutsidePeriod, ComplianceFigures figures,
                       List<DrlGroup> drlGroups, List<ProtocolStatistics> protocols, List<Finding> findings,
                       List<Rejection> rejected, List<DataWarning> warnings, List<RuleDescription> rules,
                       PolicyTables tables, PreviousPeriod previousPeriod, List<String> filesWithoutPatientIdentifiers) {
        this(run, rows, rowsOutsidePeriod, figures, drlGroups, protocols, findings, rejected, warnings, rules, tables,
                previousPeriod, filesWithoutPatientIdentifiers, Reviews.NONE);
    }

    public AuditResult(RunInfo run, RowAccounting rows, long rowsOutsidePeriod, ComplianceFigures figures,
                       List<DrlGroup> drlGroups, List<ProtocolStatistics> protocols, List<Finding> findings,
                       List<Rejection> rejected, List<DataWarning> warnings, List<RuleDescription> rules,
                       PolicyTables tables, PreviousPeriod previousPeriod) {
        this(run, rows, rowsOutsidePeriod, figures, drlGroups, protocols, findings, rejected, warnings, rules, tables,
                previousPeriod, List.of());
    }

    /** Said once in every report when some input had no patient identifier (scan-log format, OpenREM exports). */
    public static final String NO_PATIENT_ID = org.alaraaudit.scanlog.ScanLogInput.NO_PATIENT_ID;

    public boolean patientIdentifiersMissing() { return !filesWithoutPatientIdentifiers.isEmpty(); }

    /** A finding's review as a safety officer filled it in on the workbook and {@code review import} stored it. */
    public record Review(org.alaraaudit.model.ReviewStatus status, String justification, String reviewer, LocalDate reviewedOn) {
        /** OPEN, or no review at all: the finding still awaits one. */
        public boolean open() { return status == null || status == org.alaraaudit.model.ReviewStatus.OPEN; }
    }

    /** A CRITICAL or MAJOR finding of an earlier recorded period with no review yet, or one marked OPEN. */
    public record OpenFinding(String findingId, String ruleId, Severity severity, String facility, String accessionNumber,
                              LocalDateTime studyDatetime, String message, LocalDate periodFrom, LocalDate periodTo,
                              Review review) {}

    /**
     * Reviews from the history store: {@code byFindingId} for this run's findings that have one (a finding
     * without an entry has not been reviewed), and the earlier periods' CRITICAL/MAJOR findings still open.
     */
    public record Reviews(Map<String, Review> byFindingId, List<OpenFinding> openFromEarlierPeriods) {
        public static final Reviews NONE = new Reviews(Map.of(), List.of());

        /** The review of this finding, or null when it has none. */
        public Review of(Finding f) { return byFindingId.get(f.findingId()); }

        /** How many of these findings of at least {@code severity} still await a review (none, or OPEN). */
        public long stillOpen(List<Finding> findings, Severity severity) {
            return findings.stream().filter(f -> f.severity().atLeast(severity))
                    .filter(f -> of(f) == null || of(f).open()).count();
        }
    }

    /** Where an audit run finds the reviews: the history store implements it beside {@link DoseHistory}. */
    public interface ReviewSource {
        Reviews reviews(List<Finding> findings, AuditPeriod period, Set<String> facilities);
    }
}
