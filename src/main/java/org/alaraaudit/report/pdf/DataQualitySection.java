package org.alaraaudit.report.pdf;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alaraaudit.audit.aggregate.ProtocolStatistics;
import org.alaraaudit.model.Finding;
import org.alaraaudit.rules.RuleIds;
import org.alaraaudit.scanlog.DataWarning;
import org.alaraaudit.scanlog.Rejection;
import org.alaraaudit.scanlog.RowAccounting;

/** Where every input row went, why rows were rejected, and which protocol names the catalog does not know. */
final class DataQualitySection {
    private static final int EXAMPLE_LINES = 3;

    private DataQualitySection() {}

    static void write(ReportContext ctx) {
        ctx.heading("Data quality");
        RowAccounting r = ctx.result.rows();
        long history = ctx.result.rowsOutsidePeriod();
        long periodRows = Math.max(0, r.audited() - history);
        ctx.subheading("The period's studies");
        ReportTable period = new ReportTable(ctx, new float[]{3, 1}, "Rows", "Count#").width(70);
        period.boldRow("Audited rows of the period's studies", Text.count(periodRows));
        period.row("Studies", Text.count(ctx.result.figures().studies()));
        period.row("Irradiation events", Text.count(ctx.result.figures().events()));
        period.finish();
        completeness(ctx);

        ctx.subheading("All input files");
        ctx.paragraph("Rows of studies outside the period are read, validated and counted, but raise no finding: earlier "
                + "studies serve as history for repeats and cumulative dose, later ones are not used. Every row read "
                + "ends as exactly one of audited, rejected, duplicate or excluded"
                + (r.reconciles() ? "; the counts reconcile." : ". THE COUNTS DO NOT RECONCILE: the report must not be relied on.")
                + " Rejected, duplicate and excluded rows are counted over all files, as a rejected row's date cannot be trusted.");
        ReportTable rows = new ReportTable(ctx, new float[]{3, 1}, "Rows", "Count#").width(70);
        rows.boldRow("Read", Text.count(r.read()));
        rows.row("Audited, of the period's studies", Text.count(periodRows));
        rows.row("Audited, outside the period (earlier: history; later: not used)", Text.count(history));
        rows.row("Rejected", Text.count(r.rejected()));
        rows.row("Duplicate (same row exported twice)", Text.count(r.duplicate()));
        rows.row("Excluded (quality control, phantom)", Text.count(r.excluded()));
        rows.row("Data warnings (audited all the same: unusual values, reused accession numbers)", Text.count(ctx.result.warnings().size()));
        rows.finish();

        if (ctx.result.patientIdentifiersMissing()) {
            ctx.subheading("Patient identifiers");
            ctx.paragraph(PeriodChange.noPatientIdSentence(ctx.result));
        }

        ctx.subheading("Rejected rows by reason");
        if (ctx.result.rejected().isEmpty()) {
            ctx.paragraph("No row was rejected.");
        } else {
            Map<String, Group> byReason = new TreeMap<>();
            for (Rejection x : ctx.result.rejected()) {
                byReason.computeIfAbsent((x.column() == null ? "" : x.column() + ": ") + x.reason(), k -> new Group()).add(x.file(), x.line());
            }
            reasons(ctx, byReason, "Rejected#");
            ofThePeriod(ctx);
        }
        if (!ctx.result.warnings().isEmpty()) {
            ctx.subheading("Data warnings by reason");
            Map<String, Group> byReason = new TreeMap<>();
            for (DataWarning x : ctx.result.warnings()) {
                byReason.computeIfAbsent((x.column() == null ? "" : x.column() + ": ") + x.reason(), k -> new Group()).add(x.file(), x.line());
            }
            reasons(ctx, byReason, "Rows#");
        }

        ctx.subheading("Unmapped protocols");
        List<Finding> unmapped = ctx.result.findings().stream().filter(f -> f.ruleId().equals(RuleIds.UNMAPPED_PROTOCOL)).toList();
        if (unmapped.isEmpty()) {
            ctx.paragraph("Every protocol name used on a pediatric CT matched a row of the protocol catalog.");
        } else {
            ctx.paragraph("Pediatric CT studies with these protocol names were audited without an expected range or "
                    + "population; adding the names to the protocol catalog brings them under the protocol rules.");
            ReportTable t = new ReportTable(ctx, new float[]{1.5f, 1.2f, 2.5f, 1}, "Facility", "Station", "Protocol name", "Pediatric studies#").verbatim(2);
            for (Finding f : unmapped) {
                t.row(Text.orDash(f.facility()), Text.orDash(f.stationName()), Text.orDash(f.protocolName()),
                        f.measuredValue() == null ? "" : Text.count(Math.round(f.measuredValue())));
            }
            t.finish();
        }
    }

    /** More rows of the period than this are left to rejected.csv. */
    private static final int PERIOD_ROWS_LISTED = 25;

    /**
     * The rejected rows of the period's studies, by study: each such study was audited without the row, so its dose
     * (or the study itself, when every row of it was rejected) is missing from the findings and the figures. Without
     * this, a typo in the one diagnostic series of a study leaves the study looking like a low-dose scout.
     */
    private static void ofThePeriod(ReportContext ctx) {
        List<Rejection> rows = ctx.result.rejectedInPeriod();
        // A row without a readable date whose study a STUDY_INCOMPLETE finding names is of the period, not unknown.
        java.util.Set<Rejection> listed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        listed.addAll(rows);
        long undated = ctx.result.rejected().stream().filter(x -> x.studyDay() == null && !listed.contains(x)).count();
        String unknown = undated == 0 ? "" : " " + Text.count(undated) + (undated == 1 ? " rejected row has" : " rejected rows have")
                + " no readable study date (empty, impossible or withheld), so whether it is of the period is not known:"
                + " rejected.csv lists it with its facility and accession.";
        if (rows.isEmpty()) {
            ctx.note((undated == 0 ? "None of the rejected rows is of a study in the period." : "None of the rejected rows is, by its date,"
                    + " of a study in the period.") + unknown);
            return;
        }
        ctx.paragraph(Text.count(rows.size()) + (rows.size() == 1 ? " rejected row is" : " rejected rows are") + " of studies in the"
                + " period. Each such study was audited without the row, so its DLP total and accumulated doses are understated:"
                + " the findings list it as \u201c" + ctx.rules.title(org.alaraaudit.rules.RuleIds.STUDY_INCOMPLETE) + "\u201d"
                + " when the row names it (by facility and accession, or by facility, patient and study start), and its DLP"
                + " enters no median (a study whose every row was rejected is missing altogether). Correct the rows"
                + " in the export and audit the period again.");
        ReportTable t = new ReportTable(ctx, new float[]{1.3f, 1.2f, 1.3f, 2.0f, 2.3f}, "Facility", "Accession", "Study date",
                "File, line", "Reason").verbatim(1, 4);
        for (Rejection x : rows.subList(0, Math.min(PERIOD_ROWS_LISTED, rows.size()))) {
            t.row(Text.orDash(x.facility()), Text.orDash(x.accessionNumber()), Text.orDash(x.studyDatetime()),
                    x.file() + ", " + x.line(), (x.column() == null ? "" : x.column() + ": ") + x.reason());
        }
        List<String> notes = new java.util.ArrayList<>();
        if (rows.size() > PERIOD_ROWS_LISTED) {
            notes.add(Text.count(rows.size() - PERIOD_ROWS_LISTED) + " more are in rejected.csv, which gives each row's facility,"
                    + " accession and study date.");
        }
        if (undated > 0) notes.add(unknown.strip());
        t.finish(notes);
    }

    /** How complete the columns the dose work rests on are, over the period's CT diagnostic acquisitions. */
    private static void completeness(ReportContext ctx) {
        long total = 0;
        long[] missing = new long[ProtocolStatistics.Completeness.values().length];
        for (ProtocolStatistics p : ctx.result.protocols()) {
            total += p.acquisitions();
            for (ProtocolStatistics.Completeness c : ProtocolStatistics.Completeness.values()) missing[c.ordinal()] += p.missing(c);
        }
        ctx.subheading("Completeness of the period's CT acquisitions");
        if (total == 0) {
            ctx.paragraph("No CT diagnostic acquisition in this period.");
            return;
        }
        ReportTable t = new ReportTable(ctx, new float[]{3.2f, 1.4f, 1, 1}, "Column", "What it is needed for", "Missing#", "% missing#");
        for (ProtocolStatistics.Completeness c : ProtocolStatistics.Completeness.values()) {
            long m = missing[c.ordinal()];
            t.row(switch (c) {
                case WEIGHT -> "Patient weight";
                case HEIGHT -> "Patient height";
                case SIZE -> "Patient size (water-equivalent or effective diameter)";
                case REGION -> "Target region (after inference from the protocol)";
            }, switch (c) {
                case WEIGHT -> "weight bands, size charts";
                case HEIGHT -> "body size estimates";
                case SIZE -> "SSDE";
                case REGION -> "notification values, DRL groups";
            }, Text.count(m), Text.number(100.0 * m / total) + "%");
        }
        t.finish(List.of("Of " + Text.count(total) + " diagnostic CT acquisitions in the period. The CTDI phantom is not listed: "
                + "where it is blank it is taken from the region (16 cm head, 32 cm body)."));
    }

    private static void reasons(ReportContext ctx, Map<String, Group> byReason, String countHeader) {
        // Verbatim: a reason names its column as the file's header does (dlp_mgycm), which is what the reader searches for.
        ReportTable t = new ReportTable(ctx, new float[]{3.2f, 0.8f, 2.2f}, "Reason", countHeader, "First lines").verbatim(0, 2);
        byReason.forEach((reason, g) -> t.row(reason, Text.count(g.count), String.join("\n", g.examples)));
        t.finish();
    }

    private static final class Group {
        long count;
        final java.util.List<String> examples = new java.util.ArrayList<>();

        void add(String file, long line) {
            count++;
            if (examples.size() < EXAMPLE_LINES) examples.add(file + ":" + line);
        }
    }

}
