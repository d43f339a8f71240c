package org.alaraaudit.report.pdf;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alaraaudit.model.CatalogEntry;
import org.alaraaudit.model.NotificationValue;
import org.alaraaudit.model.ReferenceLevel;
import org.alaraaudit.report.Cells;
import org.alaraaudit.rules.Policy;
import org.alaraaudit.rules.RuleDescription;
import org.alaraaudit.rules.ThresholdChange;
import org.alaraaudit.rules.ThresholdChanges;

/**
 * Each rule that ran, what it checks, where its threshold comes from and its citation, then the reference tables
 * themselves: a reviewer can trace every number in the report to a published source or a local decision.
 */
final class MethodologySection {
    private MethodologySection() {}

    static void write(ReportContext ctx) {
        ctx.heading("Methodology");
        ctx.paragraph("The audit ran " + ruleSetName(ctx.result.run().ruleSetLocation()) + " (digest "
                + ctx.result.run().ruleSetDigest() + "). Rules and thresholds are kept as data beside the rules, each with "
                + "its source and status; a changed threshold changes the digest.");
        ReferenceStatusTable.write(ctx);
        rules(ctx);
        settings(ctx);
        thresholdWorkbook(ctx);
        siteValues(ctx);
        notificationValues(ctx);
        drlSet(ctx);
        catalog(ctx);
    }

    private static void rules(ReportContext ctx) {
        ctx.subheading("Rules");
        Map<String, List<RuleDescription>> byId = new LinkedHashMap<>();
        for (RuleDescription r : ctx.result.rules()) byId.computeIfAbsent(r.ruleId(), k -> new java.util.ArrayList<>()).add(r);
        Sources sources = new Sources();
        Policy inForce = ctx.result.tables().policy().withPediatricAge(ctx.result.run().pediatricAgeYears())
                .withDrlSet(ctx.result.run().drlSet());
        ReportTable t = new ReportTable(ctx, new float[]{1.9f, 0.85f, 3.2f, 2.1f, 0.45f},
                "Rule", "Severity", "What it checks", "Threshold", "Src");
        byId.forEach((id, list) -> {
            Set<String> severities = new LinkedHashSet<>();
            Set<String> checks = new LinkedHashSet<>();
            Set<String> refs = new LinkedHashSet<>();
            for (RuleDescription r : list) {
                severities.add(r.severity());
                if (r.description() != null) checks.add(r.description());
                refs.add(sources.ref(r.source()));
            }
            t.row(ctx.rules.title(id) + " (per " + list.get(0).scope() + ")", String.join(", ", severities),
                    String.join("\n", checks), list.get(0).threshold(inForce), String.join(" ", refs));
        });
        t.finish(sources.notes(ctx));
    }

    /** The built-in rules by that name; a site's own folder is named by its digest alone, never by a path. */
    static String ruleSetName(String location) {
        return location != null && location.startsWith("built-in") ? "the " + location : "the site's own rule set";
    }

    private static void settings(ReportContext ctx) {
        ctx.subheading("Settings");
        Sources sources = new Sources();
        // The key as settings.csv spells it (what a physicist edits), and each value's status as the tables' values have theirs.
        ReportTable t = new ReportTable(ctx, new float[]{2.2f, 1.1f, 3.6f, 1.4f}, "Setting", "Value#", "Source", "Status").verbatim(0);
        for (Policy.Setting s : ctx.result.tables().policy().settings().values()) {
            String value = s.key().equals("pediatric_age_years") ? Cells.number(ctx.result.run().pediatricAgeYears())
                    : s.key().equals("drl_set") ? ctx.result.run().drlSet() : s.value();
            t.row(s.key(), value + (s.unit() == null || s.unit().isBlank() ? "" : " " + s.unit()), s.source(), s.statusWording());
        }
        t.finish(sources.notes(ctx));
    }

    /**
     * Numbers a site changed in its tables while the row kept the built-in source and status: the audit reads them as
     * local policy (every finding and table cites the site for them); here the reviewer sees each beside the built-in
     * number and the citation it was kept under.
     */
    private static void siteValues(ReportContext ctx) {
        List<org.alaraaudit.rules.SiteValueChange> changed = ctx.result.tables().siteValueChanges();
        if (changed.isEmpty()) return;
        ctx.subheading("Values the site changed under a published source");
        ctx.paragraph(changed.size() + " value" + (changed.size() == 1 ? " of the rule set's tables differs" : "s of the rule set's tables differ")
                + " from this version's built-in row whose source and status " + (changed.size() == 1 ? "it keeps" : "they keep")
                + ". The audit took each as local policy, not as the cited publication's value: the findings and tables of this"
                + " report cite the site for it, until the site gives the row a source and status of its own or confirms it"
                + " against the publication (rules validate lists them).");
        ReportTable t = new ReportTable(ctx, new float[]{2.2f, 0.6f, 1.5f, 0.9f, 0.9f, 3.4f},
                "Table", "Line#", "Column", "Site value#", "Built-in#", "The row kept (status: source)").verbatim(2);
        for (org.alaraaudit.rules.SiteValueChange c : changed) {
            t.row(TableTitles.of(ctx, c.file()), Long.toString(c.line()), c.column(), Text.orDash(c.siteValue()),
                    Text.orDash(c.builtInValue()), org.alaraaudit.model.ReferenceStatus.parse(c.status())
                            .map(org.alaraaudit.model.ReferenceStatus::wording).orElse(Text.orDash(c.status())) + ": " + c.source());
        }
        t.finish();
    }

    /**
     * The values taken from the rule set's thresholds workbook instead of the CSV row the tables below cite: an
     * accreditation reviewer sees the sheet row, the CSV value it replaced and the value the audit used.
     */
    private static void thresholdWorkbook(ReportContext ctx) {
        ThresholdChanges t = ctx.result.tables().thresholds();
        if (!t.present()) return;
        String file = "the thresholds workbook";
        List<ThresholdChange> applied = t.applied();
        long ignored = t.conflicts().size() - applied.size();
        String notUsed = ignored == 0 ? "" : " " + ignored + " value" + (ignored == 1 ? " of the workbook was" : "s of the workbook were")
                + " not used, because the threshold tables were changed after the workbook was written (rules validate lists "
                + (ignored == 1 ? "it" : "them") + ").";
        if (applied.isEmpty()) {
            ctx.note("The rule set's thresholds workbook (a decision table over the threshold tables) sets no"
                    + " value of its own: every threshold in this section comes from its table row." + notUsed);
            return;
        }
        ctx.subheading("Thresholds set in the decision table");
        ctx.paragraph(applied.size() + " threshold" + (applied.size() == 1 ? " comes" : "s come") + " from " + file
                + ", a decision table laid over the threshold tables, instead of from the table row; the tables of this section"
                + " show the value used." + notUsed);
        ReportTable tb = new ReportTable(ctx, new float[]{0.7f, 3.2f, 1.5f, 0.9f, 2.6f},
                "Sheet row#", "Threshold", "Table value", "Used#", "Reason for the change");
        for (ThresholdChange c : applied) {
            tb.row(Long.toString(c.sheetRow()), c.subject() + ": " + c.column(),
                    (c.csvValue() == null ? "blank" : c.csvValue()) + " (" + TableTitles.of(ctx, c.csvFile()) + ", line " + c.csvLine() + ")",
                    c.workbookValue(), c.reason() == null ? "none given" : c.reason());
        }
        tb.finish();
    }

    private static void notificationValues(ReportContext ctx) {
        List<NotificationValue> values = ctx.result.tables().notificationValues().values();
        if (values.isEmpty()) return;
        ctx.subheading("CTDIvol notification values");
        Sources sources = new Sources();
        ReportTable t = new ReportTable(ctx, new float[]{2.2f, 2, 1, 0.8f, 0.9f, 0.5f},
                "Category", "Regions", "Age", "Phantom", "CTDIvol#", "Src");
        for (NotificationValue v : values) {
            t.row(v.category(), v.targetRegions().isEmpty() ? "any" : join(v.targetRegions()), v.ageYears().label("y"),
                    v.phantomCm() == null ? "any" : v.phantomCm() + " cm", Text.value(v.ctdivolMgy(), "mGy"), sources.ref(v.source()));
        }
        t.finish(sources.notes(ctx));
    }

    private static void drlSet(ReportContext ctx) {
        String set = ctx.result.run().drlSet();
        List<ReferenceLevel> levels;
        try {
            levels = ctx.result.tables().referenceLevels().set(set);
        } catch (RuntimeException e) {
            return;
        }
        ctx.subheading("Diagnostic reference levels: set " + set);
        Sources sources = new Sources();
        ReportTable t = new ReportTable(ctx, new float[]{1.8f, 1.3f, 1.1f, 0.8f, 0.9f, 0.9f, 0.5f},
                "Exam type", "Band", "Contrast", "Phantom", "CTDIvol (mGy)#", "DLP (mGy·cm)#", "Src");
        for (ReferenceLevel l : levels) {
            t.row(l.examType(), l.band(), Text.orDash(l.contrast()), l.phantomCm() + " cm", Text.number(l.ctdivolMgy()),
                    Text.number(l.dlpMgycm()), sources.ref(l.source()));
        }
        t.finish("Phantom: the CTDIvol phantom of the row, 16 cm for a child's head; for the body rows 32 cm is assumed where the"
                + " source read does not state it (the table's notes say which), from the magnitude of the values.", sources.notes(ctx));
    }

    private static void catalog(ReportContext ctx) {
        List<CatalogEntry> entries = ctx.result.tables().catalog().entries();
        ctx.subheading("Protocol catalog");
        ctx.paragraph("Device protocol names are mapped to standard protocols by the first matching row (" + entries.size()
                + " rows); the expected dose index range is the one The Joint Commission asks for per protocol.");
        Sources sources = new Sources();
        ReportTable t = new ReportTable(ctx, new float[]{1.5f, 1.7f, 0.9f, 1.3f, 0.8f, 1, 1.1f, 0.45f},
                "Pattern", "Standard protocol", "Population", "Region", "Age", "CTDIvol range#", "DLP range#", "Src");
        for (CatalogEntry e : entries) {
            t.row(e.pattern().toString() + (e.stationName() == null ? "" : " @" + e.stationName())
                            + (e.contrast() == null ? "" : " (" + e.contrast().label() + ")"), Text.orDash(e.standardName()),
                    e.population().name(), e.targetRegion() == null ? "-" : e.targetRegion().codeMeaning(), e.ageYears().label("y"),
                    range(e.expectedCtdivolMinMgy(), e.expectedCtdivolMaxMgy()), range(e.expectedDlpMinMgycm(), e.expectedDlpMaxMgycm()),
                    sources.ref(e.source()));
        }
        t.finish("Ranges in mGy (CTDIvol) and mGy·cm (DLP); blank = none set.", sources.notes(ctx));
    }

    private static String range(Double min, Double max) { return Text.range(min, max); }

    private static String join(Set<?> s) {
        StringBuilder sb = new StringBuilder();
        for (Object o : s) {
            sb.append(sb.length() == 0 ? "" : ", ").append(o instanceof org.alaraaudit.model.TargetRegion r ? r.codeMeaning() : o);
        }
        return sb.toString();
    }
}
