package org.alaraaudit.audit;

import java.util.List;
import org.alaraaudit.model.Finding;
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
        List<String> filesWithoutPatientIdentifiers) {

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
}
