package org.alaraaudit.report.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.List;
import org.alaraaudit.audit.aggregate.ComplianceFigures;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.model.Severity;
import org.alaraaudit.model.Study;
import org.alaraaudit.report.FacilityHeadline;
import org.alaraaudit.scanlog.RowAccounting;

/** One page a committee reads first: the headline figures, findings by severity and what to act on. */
final class ExecutiveSummary {
    private ExecutiveSummary() {}

    /** Above this share of rejected rows the summary says so before its figures: their doses are in none of them. */
    static final double REJECTED_SHARE_SAID = 0.01;

    /**
     * "13 of 66 rows (20 %) were rejected ...": said first when a noticeable share of the input could not be
     * audited, since "no CRITICAL or MAJOR finding" then speaks for only part of the exams; null below 1 %.
     */
    static String notAudited(RowAccounting rows) {
        if (rows.read() == 0 || rows.rejected() < REJECTED_SHARE_SAID * rows.read()) return null;
        return Text.count(rows.rejected()) + " of " + Text.count(rows.read()) + " rows (" + Math.round(100.0 * rows.rejected() / rows.read())
                + " %) were rejected and not audited: their doses are in none of the figures or findings of this report."
                + " Data quality lists each with its reason; correct the export and audit again.";
    }

    static void write(ReportContext ctx) {
        ComplianceFigures f = ctx.result.figures();
        ctx.heading("Executive summary");
        String notAudited = notAudited(ctx.result.rows());
        if (notAudited != null) ctx.paragraph("Rows not audited.", notAudited);

        ComplianceFigures prev = PeriodChange.previous(ctx.result);
        PdfPTable tiles = new PdfPTable(4);
        tiles.setWidthPercentage(100);
        tiles.setSpacingAfter(10);
        tile(ctx, tiles, Text.count(f.studies()), "studies audited", Text.count(f.events()) + " irradiation events",
                prev == null ? null : change(Text.count(prev.studies()), PeriodChange.count(f.studies(), prev.studies())));
        tile(ctx, tiles, Text.count(f.pediatricStudies()), "pediatric studies",
                Text.count(f.pediatricCtStudies()) + " of them CT",
                prev == null ? null : change(Text.count(prev.pediatricStudies()),
                        PeriodChange.count(f.pediatricStudies(), prev.pediatricStudies())));
        tile(ctx, tiles, Text.percent(f.pediatricProtocolCompliance()), "pediatric protocol compliance",
                Text.count(f.pediatricCtStudies() - f.pediatricCtStudiesWithAdultProtocol()) + " of "
                        + Text.count(f.pediatricCtStudies()) + " pediatric CT studies without an adult protocol",
                prev == null ? null : change(Text.percent(prev.pediatricProtocolCompliance()),
                        PeriodChange.points(f.pediatricProtocolCompliance(), prev.pediatricProtocolCompliance())));
        long childrenRepeated = pediatricRepeats(ctx);
        tile(ctx, tiles, Text.percent(f.repeatRate()), "CT repeat rate",
                Text.count(f.ctStudiesRepeated()) + " of " + Text.count(f.ctStudies()) + " CT studies repeated, all ages; children "
                        + Text.count(childrenRepeated) + " of " + Text.count(f.pediatricCtStudies())
                        + (f.pediatricCtStudies() == 0 ? "" : " (" + Text.percent((double) childrenRepeated / f.pediatricCtStudies()) + ")"),
                prev == null ? null : change(Text.percent(prev.repeatRate()), PeriodChange.points(f.repeatRate(), prev.repeatRate())));
        ctx.add(tiles);
        if (prev != null) {
            var p = ctx.result.previousPeriod();
            ctx.note("Previous: the figure of " + PeriodChange.describe(p) + " from the history store, and the change since; "
                    + "shares change in percentage points (pts)."
                    + (p.ruleSetDigest() != null && !p.ruleSetDigest().equals(ctx.result.run().ruleSetDigest())
                    ? " The previous period was audited with another rule set (" + p.ruleSetDigest()
                    + "), which may explain part of the change." : ""));
        } else {
            ctx.note(org.alaraaudit.audit.PreviousPeriod.whyNone(ctx.result.run().period(), ctx.result.historyStoreRead()));
        }

        byFacility(ctx);

        ctx.subheading("Findings by severity");
        ReportTable sev = prev == null
                ? new ReportTable(ctx, new float[]{1.2f, 1, 1, 4}, "Severity", "Findings#", "Per 100 studies#", "Meaning")
                : new ReportTable(ctx, new float[]{1.1f, 0.8f, 0.9f, 0.8f, 0.8f, 0.9f, 3.2f}, "Severity", "Findings#",
                "Per 100 studies#", "Previous#", "Change#", "Change per 100#", "Meaning");
        long total = 0;
        for (Severity s : Severity.values()) {
            long n = f.findingsBySeverity().getOrDefault(s.name(), 0L);
            total += n;
            severityRow(sev, false, s.name(), n, f, prev, prev == null ? 0 : PeriodChange.severity(prev, s.name()), meaning(s));
        }
        severityRow(sev, true, "Total", total, f, prev, prev == null ? 0 : PeriodChange.findings(prev), "");
        sev.finish();

        ctx.subheading("Most worth acting on");
        int ranked = ActionPoints.ranked(ctx.result.findings(), ctx.result.drlGroups());
        // Four points where the page has room, fewer where it has not (a previous period's columns take some): the
        // scope note under them gives the row counts the summary's figures rest on, and must not go over a page alone.
        // Before an item is left out, the DRL item names one group instead of three.
        List<Paragraph> end = actionPoints(ctx, 4, ranked, false);
        for (int shown = 4; shown >= 2 && !fits(ctx, end); shown--) {
            end = actionPoints(ctx, shown, ranked, true);
            if (shown > 2 && !fits(ctx, end)) end = actionPoints(ctx, shown - 1, ranked, false);
        }
        end.forEach(ctx::add);
    }

    private static boolean fits(ReportContext ctx, List<Paragraph> elements) {
        float height = 0;
        for (Paragraph p : elements) height += ctx.height(p) + p.getSpacingBefore();
        // the last one's spacing after it falls below the page's foot, where it takes no room
        return height - elements.get(elements.size() - 1).getSpacingAfter() <= ctx.roomLeft();
    }

    /** The summary's end: the top {@code shown} points worth acting on, their note, the scope note. */
    private static List<Paragraph> actionPoints(ReportContext ctx, int shown, int ranked, boolean compact) {
        List<Paragraph> out = new java.util.ArrayList<>();
        var points = ActionPoints.top(ctx.result.findings(), ctx.result.drlGroups(), shown, ctx.rules);
        if (points.isEmpty()) {
            Paragraph none = ctx.type.paragraph(ctx.plain("No CRITICAL or MAJOR findings in this period."), ctx.type.body);
            none.setLeading(ReportContext.BODY_LEADING);
            none.setSpacingAfter(6);
            out.add(none);
        } else {
            int i = 1;
            for (ActionPoints.Point p : points) {
                // Hand-made numbering: an OpenPDF List draws its numbers in non-embedded Helvetica.
                Paragraph item = ctx.type.paragraph((i++) + ".  " + ActionPoints.describe(p, ctx.rules,
                        ctx.patientLevel() ? ProjectionSection.FOLLOW_UP_LIST : null, compact), ctx.type.body);
                item.setLeading(13);
                item.setIndentationLeft(14);
                item.setFirstLineIndent(-14);
                item.setSpacingAfter(5);
                out.add(item);
            }
            out.add(ctx.noteParagraph("One item per rule, its counts per facility in brackets; follow-ups with a time limit first, then a"
                    + " protocol with two or more children's studies above a notification or alert value, then by CRITICAL,"
                    + " then MAJOR findings. Follow-ups, the rule with the most CRITICAL findings and the DRL groups above the"
                    + " DRL (counted once each, each a protocol review) always take a place."
                    + (ranked > points.size() ? " " + Text.count(ranked - points.size()) + (ranked - points.size() == 1 ? " more rule has" : " more rules have")
                    + " CRITICAL or MAJOR findings this period." + otherCritical(ctx, points) : "")
                    + " The section CRITICAL and MAJOR findings counts every one; the workbook lists them all."));
        }

        RowAccounting r = ctx.result.rows();
        out.add(ctx.noteParagraph("Scope: the period's " + Text.count(ctx.result.figures().studies()) + " studies ("
                + Text.count(Math.max(0, r.audited() - ctx.result.rowsOutsidePeriod())) + " audited rows)"
                + (ctx.result.rowsOutsidePeriod() > 0 ? "; the input also held " + Text.count(ctx.result.rowsOutsidePeriod())
                + " rows of other dates: earlier ones as history only (repeats, cumulative dose), later ones unused" : "")
                + ". Over all input files " + Text.count(r.rejected()) + " rows were rejected, " + Text.count(r.duplicate())
                + " were duplicates and " + Text.count(r.excluded()) + " quality-control or phantom scans (see Data quality)."
                + drlSentence(ctx)));
        if (ctx.result.patientIdentifiersMissing()) out.add(ctx.leadParagraph("Not assessable.", PeriodChange.noPatientIdSentence(ctx.result)));
        return out;
    }

    /** The rules with CRITICAL findings that no item shows, by name and count: each is a potential dose incident. */
    private static String otherCritical(ReportContext ctx, List<ActionPoints.Point> shown) {
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (ActionPoints.Point p : shown) listed.add(p.ruleId());
        List<String> others = new java.util.ArrayList<>();
        ActionPoints.criticalByRule(ctx.result.findings()).forEach((rule, n) -> {
            if (!listed.contains(rule)) others.add(ctx.rules.title(rule) + " (" + Text.count(n) + ")");
        });
        return others.isEmpty() ? "" : " Also with CRITICAL findings: " + String.join(", ", others) + ".";
    }

    /**
     * The period's pediatric CT studies with a repeat finding, counted as the repeat rate counts studies (each once): the
     * rate over all ages mixes adults in, and this report is about children.
     */
    private static long pediatricRepeats(ReportContext ctx) {
        java.util.Set<String> studies = new java.util.HashSet<>();
        for (var finding : ctx.result.findings()) {
            if (finding.ruleId().equals(org.alaraaudit.rules.RuleIds.REPEAT_STUDY) && finding.pediatric()) {
                studies.add(Study.key(finding.facility(), finding.accessionNumber()));
            }
        }
        return studies.size();
    }

    /** The headline figures per facility: a network's sites differ, and the pooled tiles above hide it. */
    private static void byFacility(ReportContext ctx) {
        var sites = ctx.result.figures().facilities();
        if (sites.isEmpty()) return;
        ctx.subheading("By facility");
        ReportTable t = new ReportTable(ctx, new float[]{2.2f, 0.8f, 0.9f, 1.1f, 0.9f, 0.8f, 0.8f, 1.1f}, "Facility",
                "Studies#", "Pediatric#", "Pediatric protocol compliance#", "CT repeat rate#", "CRITICAL#", "MAJOR#",
                "DRL groups above / judged#");
        for (FacilityHeadline h : FacilityHeadline.of(ctx.result)) {
            var site = h.figures();
            t.row(Text.orDash(site.facility()), Text.count(site.studies()), Text.count(site.pediatricStudies()),
                    Text.percent(site.pediatricProtocolCompliance()), Text.percent(site.repeatRate()), Text.count(h.critical()),
                    Text.count(h.major()), Text.count(h.drlGroupsAbove()) + " / " + Text.count(h.drlGroupsJudged()));
        }
        t.finish();
    }

    private static String change(String previous, String change) {
        return "previous " + previous + (change.isEmpty() ? "" : " (" + change + ")");
    }

    private static void severityRow(ReportTable t, boolean bold, String label, long n, ComplianceFigures f,
                                    ComplianceFigures prev, long before, String meaning) {
        Double per100 = PeriodChange.per100(n, f.studies());
        String[] cells;
        if (prev == null) {
            cells = new String[]{label, Text.count(n), PeriodChange.per100Text(per100), meaning};
        } else {
            Double before100 = PeriodChange.per100(before, prev.studies());
            cells = new String[]{label, Text.count(n), PeriodChange.per100Text(per100), Text.count(before),
                    PeriodChange.count(n, before), PeriodChange.decimal(per100, before100), meaning};
        }
        if (bold) t.boldRow(cells);
        else t.row(cells);
    }

    private static String drlSentence(ReportContext ctx) {
        if (ctx.result.drlGroups().isEmpty()) return "";
        long above = ctx.result.drlGroups().stream().filter(DrlGroup::above).count();
        long judged = ctx.result.drlGroups().stream().filter(DrlGroup::judged).count();
        long groups = ctx.result.drlGroups().size();
        return " " + Text.count(judged) + " of " + Text.count(groups) + " DRL groups had enough studies to be judged; "
                + Text.count(above) + (above == 1 ? " has its" : " have their") + " median above the DRL.";
    }

    private static String meaning(Severity s) {
        return switch (s) {
            case CRITICAL -> "potential dose incident: investigate each";
            case MAJOR -> "practice to correct: review each";
            case MINOR -> "worth a look: reviewed by rule and protocol";
            case INFO -> "for information, e.g. catalog upkeep";
        };
    }

    private static void tile(ReportContext ctx, PdfPTable t, String figure, String label, String detail, String change) {
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.LEFT);
        c.setBorderWidthLeft(2.5f);
        c.setBorderColorLeft(ctx.template.accent());
        c.setPaddingLeft(8);
        c.setPaddingRight(6);
        c.setPaddingBottom(8);
        c.setVerticalAlignment(Element.ALIGN_TOP);
        Paragraph big = ctx.type.paragraph(figure, ctx.type.figure);
        c.addElement(big);
        Paragraph l = ctx.type.paragraph(label, ctx.type.bodyBold);
        c.addElement(l);
        Paragraph d = ctx.type.paragraph(detail, ctx.type.small);
        d.setLeading(9.5f);
        c.addElement(d);
        if (change != null) {
            Paragraph ch = ctx.type.paragraph(change, ctx.type.tableBold);
            ch.setLeading(10f);
            ch.setSpacingBefore(2);
            c.addElement(ch);
        }
        t.addCell(c);
    }
}
