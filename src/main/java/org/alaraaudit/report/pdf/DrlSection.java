package org.alaraaudit.report.pdf;

import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.report.Cells;

/** The DRL comparison per facility, exam type and band, with how it was done and what it does not mean. */
final class DrlSection {
    private DrlSection() {}

    static void write(ReportContext ctx) {
        ctx.heading("Diagnostic reference levels");
        int min = ctx.result.tables().policy().getDrlMinSampleStudies();
        ctx.paragraph("Method.", "For each facility, exam type and age or weight band of the " + ctx.result.run().drlSet()
                + " DRL set, the median of the period's values is compared with the DRL: CTDIvol with one value per "
                + "diagnostic acquisition, DLP with one value per study (total over the region). The median is the "
                + "facility's typical value and the DRL is the 75th percentile of facility medians in the reference "
                + "survey (ICRP Publication 135, 2017). Groups with fewer than " + min + " studies (the minimum sample: local "
                + "policy, default; the site confirms or changes it) are reported as insufficient sample and not judged.");
        ctx.paragraph("Reading.", "DRLs apply to groups of patients, never to an individual patient, and a DRL is not a "
                + "dose limit nor a line between good and bad practice. A median above the DRL calls for a review of the "
                + "protocol and its use for that exam type and band; individual exams are judged only against the "
                + "notification values and the protocols' expected ranges. An expected range is the site's, which The Joint"
                + " Commission asks each site to set per protocol (PI.02.01.01 EP 6); where the catalog's range ends at the"
                + " band's DRL, as the shipped catalog's do, that number serves as the site's screening level for a single"
                + " exam, a prompt to check its technique and protocol, not a DRL judgement.");
        if (ctx.result.drlGroups().isEmpty()) {
            ctx.paragraph("No studies of this period fell in a DRL group.");
            return;
        }
        Sources sources = new Sources();
        ReportTable t = new ReportTable(ctx, new float[]{1.2f, 2.0f, 0.8f, 0.72f, 0.62f, 0.45f, 0.62f, 0.95f, 0.55f, 0.48f, 0.55f, 1.3f, 0.33f},
                "Facility", "Exam type", "Band", "Quantity", "Studies#", "n#", "Median#", "95 % CI#", "P75#", "DRL#", "Ratio#", "Status", "Src");
        t.emphasise("ABOVE DRL");
        for (DrlGroup g : ctx.result.drlGroups()) {
            t.row(g.facility(), g.examName(), g.band(), g.quantity(), Text.count(g.studies()), Text.count(g.n()),
                    Text.value(g.median(), null), interval(g), Text.value(g.p75(), null), Text.number(g.drl()),
                    Text.number(g.ratio()), status(g.status()),
                    sources.ref(g.source()));
        }
        t.finish("Studies: the group's studies, which the minimum sample counts; n: the values the median is of, one per"
                + " diagnostic acquisition for CTDIvol and one per study for DLP. Values in " + "mGy (CTDIvol) and mGy·cm (DLP); CTDIvol on the DRL row's phantom (16 cm for a "
                + "child's head, 32 cm for the body, assumed where the source does not state it: see the DRL set under Methodology)."
                + " Full precision in findings.json and the workbook. A median of 10 to 20 studies moves with the month's mix of"
                + " patients: a ratio a little above 1 is a prompt to look at the protocol, and the trend report gives each"
                + " month's median with its 95 % confidence interval, so a review can tell a lasting excess from one month's sample."
                + " 95 % CI: the median's confidence interval (distribution-free, between two order statistics; none below 6"
                + " values). Where its low end is above the DRL, the excess is more than this period's mix of patients would"
                + " give. The acquisitions of one study are not independent values, so for the CTDIvol of studies with several"
                + " the interval is somewhat narrow.",
                sources.notes(ctx));
        previous(ctx);
        protocols(ctx);
    }

    /** The median's 95 % interval, low-high; empty below 6 values. */
    private static String interval(DrlGroup g) {
        var ci = g.medianInterval();
        return ci == null ? "" : Text.number(ci.low()) + "\u2013" + Text.number(ci.high());
    }

    /** Protocol x station: use and doses of each pediatric protocol at each station, with its ratio to the DRL. */
    private static void protocols(ReportContext ctx) {
        var rows = PediatricProtocols.of(ctx.result);
        ctx.subheading("Doses per pediatric protocol and station");
        if (rows.isEmpty()) {
            ctx.paragraph("No pediatric standard protocol of the catalog was used in this period.");
            return;
        }
        ReportTable t = new ReportTable(ctx, new float[]{1.45f, 1.7f, 0.7f, 0.75f, 0.7f, 0.75f, 0.7f, 0.7f, 0.65f, 1.15f},
                "Protocol", "Facility / station", "Studies#", "CTDIvol median#", "CTDIvol P75#", "DLP median#", "DLP P75#",
                "SSDE median#", "Ratio to DRL#", "Studies above#");
        for (PediatricProtocols.Row r : rows) {
            var s = r.stats();
            t.row(r.protocol(), s.facility() + "\n" + s.stationName(), Text.count(s.studies()), Text.value(s.ctdivol().median(), null),
                    Text.value(s.ctdivol().p75(), null), Text.value(s.dlp().median(), null), Text.value(s.dlp().p75(), null),
                    Text.value(s.ssde().median(), null), Text.number(r.ratio()), Text.count(r.exceedances()));
        }
        t.finish(java.util.List.of("Protocols by region, then in age order. CTDIvol and SSDE in mGy per diagnostic acquisition, DLP in mGy·cm per "
                + "study. Ratio to DRL: CTDIvol median / CTDIvol DRL of the band covering the protocol's age range (blank where "
                + "the protocol straddles bands; a protocol for exams with contrast, C+, with the DRL with contrast). Studies above: studies"
                + " with a dose above the protocol's expected range or a series above a notification value (each study once)."));
    }

    /** The groups that also existed in the previous period: its median and ratio, and the change of the ratio. */
    private static void previous(ReportContext ctx) {
        var p = ctx.result.previousPeriod();
        if (p == null) return;
        ctx.subheading("Change from " + PeriodChange.describe(p));
        ReportTable t = new ReportTable(ctx, new float[]{1.4f, 1.5f, 0.85f, 0.8f, 0.9f, 0.9f, 0.75f, 0.8f, 0.65f, 0.7f, 1.5f},
                "Facility", "Exam type", "Band", "Quantity", "Studies, status", "Prev. studies, status", "Median#", "Prev. median#", "Ratio#",
                "Prev. ratio#", "Change of ratio");
        int missing = 0;
        for (DrlGroup g : ctx.result.drlGroups()) {
            DrlGroup q = p.group(g);
            if (q == null) {
                missing++;
                continue;
            }
            // Always n and status: a ratio from three studies is never presented as a change.
            String notCompared = DrlGroup.notCompared(g, q);
            t.row(g.facility(), g.examName(), g.band(), g.quantity(), nStatus(g), nStatus(q),
                    Text.value(g.median(), null), Text.value(q.median(), null), ratio(g.ratio()), ratio(q.ratio()),
                    notCompared != null ? notCompared : PeriodChange.ratio(g.ratio(), q.ratio()));
        }
        if (t.rows() == 0) {
            ctx.paragraph("None of this period's DRL groups was in the previous period.");
        } else {
            t.finish(missing == 0 ? java.util.List.of() : java.util.List.of(Text.count(missing)
                    + (missing == 1 ? " group has" : " groups have") + " no counterpart in the previous period."));
        }
    }

    /** The group's studies and its status in the DRL table's words ("at or below", "ABOVE DRL"): one wording a report. */
    private static String nStatus(DrlGroup g) {
        return g.studies() + ", " + DrlGroup.statusWords(g.status());
    }

    private static String ratio(Double r) {
        return Text.number(r);
    }

    static String unit(String quantity) {
        return quantity != null && quantity.toUpperCase(java.util.Locale.ROOT).startsWith("DLP") ? "mGy·cm" : "mGy";
    }

    private static String status(String s) { return DrlGroup.statusWords(s); }
}
