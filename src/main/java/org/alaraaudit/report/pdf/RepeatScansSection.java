package org.alaraaudit.report.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alaraaudit.audit.aggregate.ComplianceFigures;
import org.alaraaudit.model.Finding;
import org.alaraaudit.rules.RuleIds;

/** Repeat CT within the repeat window, by pseudonym: so a department can see who was scanned twice, never the MRN. */
final class RepeatScansSection {
    private RepeatScansSection() {}

    static void write(ReportContext ctx) {
        ctx.heading("Repeat scans");
        ComplianceFigures f = ctx.result.figures();
        double window = ctx.result.tables().policy().getRepeatWindowHours();
        int max = ctx.template.maxIncidents();
        // One pass: the repeats are counted in full but only the listed ones are kept.
        List<Finding> repeats = new ArrayList<>();
        long total = 0;
        Map<String, Long> byFacility = new TreeMap<>();
        for (Finding x : ctx.result.findings()) {
            if (!x.ruleId().equals(RuleIds.REPEAT_STUDY)) continue;
            total++;
            byFacility.merge(x.facility() == null ? "-" : x.facility(), 1L, Long::sum);
            if (repeats.size() < max) repeats.add(x);
        }
        ctx.paragraph(Text.count(f.ctStudiesRepeated()) + " of " + Text.count(f.ctStudies()) + " CT studies ("
                + Text.percent(f.repeatRate()) + ") followed another CT of an overlapping region of the same patient within "
                + Text.value(window, "hours") + ". Repeats of pediatric patients are MAJOR, of adults MINOR.");
        if (ctx.result.patientIdentifiersMissing()) {
            ctx.paragraph("Not assessable.", RuleIds.REPEAT_STUDY + " is " + org.alaraaudit.audit.AuditResult.NO_PATIENT_ID + " ("
                    + PeriodChange.files(ctx.result) + "): repeats there are not counted above"
                    + (repeats.isEmpty() ? "." : "; the list below covers the other inputs only."));
        }
        if (repeats.isEmpty()) return;
        ReportTable fac = new ReportTable(ctx, new float[]{3, 1}, "Facility", "Repeat studies#").width(40);
        byFacility.forEach((k, v) -> fac.row(k, Text.count(v)));
        fac.finish();

        ReportTable t = new ReportTable(ctx, new float[]{1.3f, 0.7f, 0.95f, 0.95f, 0.95f, 1.5f, 2.0f, 2.65f},
                "Patient (pseudonym)", "Severity", "Accession", "Date", "Earlier study", "Facility / station", "Protocol", "Detail").identifiers(0, 2, 4).verbatim(6);
        for (Finding r : repeats) {
            t.row(Text.orDash(r.patientRef()), r.severity().name(), Text.orDash(r.accessionNumber()),
                    Text.dateTime(r.studyDatetime()), Text.orDash(r.relatedAccessionNumber()), Measured.place(r),
                    Measured.protocol(r), r.message());
        }
        t.finish(total > repeats.size()
                ? java.util.List.of(Text.count(total - repeats.size()) + " further repeat studies are listed in the workbook and the findings file (CSV).")
                : java.util.List.of());
    }
}
