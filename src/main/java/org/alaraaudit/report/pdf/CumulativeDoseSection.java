package org.alaraaudit.report.pdf;

import java.util.List;
import org.alaraaudit.model.Finding;
import org.alaraaudit.rules.RuleIds;

/**
 * Patients whose dose over the look-back window reached a threshold of the cumulative-dose table, by pseudonym,
 * with the epidemiology that motivates tracking it, cited as context and never turned into a personal risk.
 */
final class CumulativeDoseSection {
    private CumulativeDoseSection() {}

    static void write(ReportContext ctx) {
        ctx.heading("Cumulative dose");
        List<Finding> found = ctx.result.findings().stream().filter(f -> f.ruleId().equals(RuleIds.CUMULATIVE_DOSE)).toList();
        ctx.paragraph("Context.", "In the EPI-CT cohort (about 950,000 people who had CT before age 22 in nine European "
                + "countries), each 100 mGy of red-bone-marrow dose was associated with an excess relative risk of "
                + "hematological malignancy of 1.96 (95% CI 1.10-3.12) (Bosch de Basea Gomez et al., Nat Med 2023;29:3111-3119), "
                + "and each 100 mGy of brain dose with an excess relative risk of brain cancer of 1.27 (0.51-2.69) "
                + "(Hauptmann et al., Lancet Oncol 2023;24:45-53). These are population estimates: they are not used to "
                + "compute a risk for any child, and no published threshold of risk exists for cumulative dose. The levels "
                + "below are screening levels from the cumulative-dose table, each with the source and status its row gives "
                + "(Methodology, reference tables): a level reported in a publication is not a risk threshold either.");
        String window = ctx.result.windowBeforeInput();
        if (window != null) ctx.paragraph("Data of the window.", window);
        if (ctx.result.patientIdentifiersMissing()) {
            ctx.paragraph("Not assessable.", RuleIds.CUMULATIVE_DOSE + " is " + org.alaraaudit.audit.AuditResult.NO_PATIENT_ID + " ("
                    + PeriodChange.files(ctx.result) + ")" + (found.isEmpty() ? "." : "; the list below covers the other inputs only."));
        }
        if (found.isEmpty()) {
            if (!ctx.result.patientIdentifiersMissing()) ctx.paragraph("No patient reached a cumulative-dose threshold in this period.");
            return;
        }
        Sources sources = new Sources();
        int max = ctx.template.maxIncidents();
        ReportTable t = new ReportTable(ctx, new float[]{1.4f, 0.6f, 1.2f, 1.1f, 1.1f, 3.2f},
                "Patient (pseudonym)", "Age#", "Facility", "Cumulative#", "Threshold#", "Detail").identifiers(0);
        int n = 0;
        for (Finding f : found) {
            if (n++ >= max) break;
            // The age as every other table of the report cuts it: 13.98 y here and 13.9 in the findings list read as two children.
            t.row(Text.orDash(f.patientRef()), IncidentsSection.age(ctx, f), Text.orDash(f.facility()),
                    Measured.measured(f), Measured.reference(f) + " " + sources.ref(f.referenceSource()), f.message());
        }
        java.util.List<String> notes = new java.util.ArrayList<>();
        if (found.size() > max) notes.add(Text.count(found.size() - max) + " further patients are listed in the workbook and the findings file (CSV).");
        notes.addAll(sources.notes(ctx));
        t.finish(notes);
    }
}
