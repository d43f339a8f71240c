package org.alaraaudit.report.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alaraaudit.model.ReferenceStatus;
import org.alaraaudit.rules.ReferenceTables;

/**
 * Where each reference table's values come from and how far they were verified, said once for the whole report in
 * a reviewer's words: read in the publication, from a secondary source, a local policy, unverified, or confirmed by the
 * site's physicist on a date. No value is presented as stronger than its status.
 */
final class ReferenceStatusTable {
    /** More distinct citations than this are not numbered here. */
    private static final int MAX_LISTED = 4;

    private ReferenceStatusTable() {}

    static void write(ReportContext ctx) {
        ReferenceTables refs = ctx.result.tables().references();
        if (refs.tables().isEmpty()) return;
        ctx.subheading("Reference values and their status");
        ctx.paragraph("Every threshold and coefficient the audit used comes from one of the tables below. Each value carries a"
                + " status: read in the publication itself; from a secondary source (read in a transcription of the publication"
                + " or in a paper quoting it, not in the publication itself; not contradicted anywhere); local policy (a choice, with its reasoning: this tool's default,"
                + " which the site confirms or changes, or the site's own, as the source says); or unverified (the source of the number itself was not"
                + " found; such a value is never the sole basis of a CRITICAL finding). Where the site's physicist has"
                + " confirmed a table against its publications, the confirmation is shown instead.");
        Sources sources = new Sources();
        ReportTable t = new ReportTable(ctx, new float[]{2.2f, 0.6f, 2.6f, 1.2f}, "Reference table", "Values#", "Status", "Sources");
        boolean anyTranscribed = false;
        for (ReferenceTables.Table table : refs.tables()) {
            List<String> refsOfTable = new ArrayList<>();
            // A table citing a source per row (the catalog, the settings) would fill the column with numbers: its
            // rows are cited where the table itself is shown, or in the workbook's Rules sheet.
            if (table.sources().size() > MAX_LISTED) refsOfTable.add("one per row (" + table.sources().size() + ")");
            else for (String s : table.sources()) refsOfTable.add(sources.ref(s));
            anyTranscribed |= table.counts().containsKey(ReferenceStatus.SECONDARY) && table.confirmedCount() < table.values().size();
            t.row(table.title(), Integer.toString(table.values().size()), status(table), String.join(" ", refsOfTable));
        }
        List<String> notes = new ArrayList<>();
        if (anyTranscribed) {
            notes.add("Values from a secondary source were read in a transcription of the publication or in a paper quoting it,"
                    + " not in the publication itself; they should be confirmed against the publication before regulatory use.");
        }
        notes.addAll(sources.notes(ctx));
        t.finish(notes);
    }

    /** The table's status in words: the site's confirmation where given, else the count per default status. */
    static String status(ReferenceTables.Table table) {
        // A table shipped with its header only (no value with a source was found) says so rather than nothing.
        if (table.values().isEmpty()) return "no values: the site adds its own, each with its source";
        StringBuilder sb = new StringBuilder();
        long confirmed = table.confirmedCount();
        if (confirmed > 0) {
            sb.append(confirmed == table.values().size() ? "all " : confirmed + " of " + table.values().size() + " ")
                    .append("confirmed by ").append(String.join("; ", table.confirmations()));
            if (confirmed == table.values().size()) return sb.toString();
            sb.append("; the others: ");
        }
        Map<ReferenceStatus, Integer> counts = unconfirmedCounts(table);
        int n = 0;
        for (ReferenceStatus s : ReferenceStatus.values()) {
            Integer c = counts.get(s);
            if (c == null) continue;
            if (n++ > 0) sb.append("; ");
            sb.append(s.wording()).append(counts.size() == 1 && confirmed == 0 ? "" : " (" + c + ")");
        }
        if (!table.hasStatusColumn()) sb.append(" (the table records no status)");
        return sb.toString();
    }

    private static Map<ReferenceStatus, Integer> unconfirmedCounts(ReferenceTables.Table table) {
        Map<ReferenceStatus, Integer> out = new java.util.EnumMap<>(ReferenceStatus.class);
        for (ReferenceTables.Value v : table.values()) if (!v.confirmed()) out.merge(v.status(), 1, Integer::sum);
        return out;
    }
}
