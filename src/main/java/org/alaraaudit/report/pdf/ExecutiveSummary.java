package org.alaraaudit.report.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import org.alaraaudit.audit.ComplianceFigures;
import org.alaraaudit.audit.DrlGroup;
import org.alaraaudit.model.Severity;
import org.alaraaudit.scanlog.RowAccounting;

/** One page a committee reads first: the headline figures, findings by severity and what to act on. */
final class ExecutiveSummary {
    private ExecutiveSummary() {}

    static void write(ReportContext ctx) {
        ComplianceFigures f = ctx.result.figures();
        ctx.heading("Executive summary");

        PdfPTable tiles = new PdfPTable(4);
        tiles.setWidthPercentage(100);
        tiles.setSpacingAfter(10);
        tile(ctx, tiles, Text.count(f.studies()), "studies audited", Text.count(f.events()) + " irradiation events");
        tile(ctx, tiles, Text.count(f.pediatricStudies()), "pediatric studies",
                Text.count(f.pediatricCtStudies()) + " of them CT");
        tile(ctx, tiles, Text.percent(f.pediatricProtocolCompliance()), "pediatric protocol compliance",
                Text.count(f.pediatricCtStudies() - f.pediatricCtStudiesWithAdultProtocol()) + " of "
                        + Text.count(f.pediatricCtStudies()) + " pediatric CT studies without an adult protocol");
        tile(ctx, tiles, Text.percent(f.repeatRate()), "CT repeat rate",
                Text.count(f.ctStudiesRepeated()) + " of " + Text.count(f.ctStudies()) + " CT studies repeated");
        ctx.add(tiles);

        ctx.subheading("Findings by severity");
        ReportTable sev = new ReportTable(ctx, new float[]{1.2f, 1, 4}, "Severity", "Findings#", "Meaning");
        long total = 0;
        for (Severity s : Severity.values()) {
            long n = f.findingsBySeverity().getOrDefault(s.name(), 0L);
            total += n;
            sev.row(s.name(), Text.count(n), meaning(s));
        }
        sev.boldRow("Total", Text.count(total), "");
        sev.finish();

        ctx.subheading("Most worth acting on");
        var points = ActionPoints.top(ctx.result.findings(), 3);
        if (points.isEmpty()) {
            ctx.paragraph("No CRITICAL or MAJOR findings in this period.");
        } else {
            int i = 1;
            for (ActionPoints.Point p : points) {
                // Hand-made numbering: an OpenPDF List draws its numbers in non-embedded Helvetica.
                Paragraph item = new Paragraph(13, ctx.type.clean((i++) + ".  " + ActionPoints.describe(p)), ctx.type.body);
                item.setIndentationLeft(14);
                item.setFirstLineIndent(-14);
                item.setSpacingAfter(5);
                ctx.add(item);
            }
            ctx.note("Ranked by the number of CRITICAL, then MAJOR findings per rule and facility.");
        }

        ctx.subheading("Scope of the audit");
        RowAccounting r = ctx.result.rows();
        ctx.paragraph(Text.count(r.read()) + " rows were read: " + Text.count(r.audited()) + " audited, "
                + Text.count(r.rejected()) + " rejected, " + Text.count(r.duplicate()) + " duplicates and "
                + Text.count(r.excluded()) + " excluded as quality-control or phantom scans"
                + (ctx.result.rowsOutsidePeriod() > 0 ? "; " + Text.count(ctx.result.rowsOutsidePeriod())
                + " audited rows lie before the period and serve only as history (repeat and cumulative dose)." : ".")
                + drlSentence(ctx));
        ctx.note("Month-over-month change needs the previous period in the history store; it is shown in the trend report.");
    }

    private static String drlSentence(ReportContext ctx) {
        if (ctx.result.drlGroups().isEmpty()) return "";
        long above = ctx.result.drlGroups().stream().filter(g -> "ABOVE".equals(g.status())).count();
        long judged = ctx.result.drlGroups().stream().filter(g -> g.ratio() != null && !"INSUFFICIENT_SAMPLE".equals(g.status())).count();
        long groups = ctx.result.drlGroups().size();
        return " Of " + Text.count(groups) + " DRL groups, " + Text.count(judged) + " had enough studies to be judged and "
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

    private static void tile(ReportContext ctx, PdfPTable t, String figure, String label, String detail) {
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.LEFT);
        c.setBorderWidthLeft(2.5f);
        c.setBorderColorLeft(ctx.template.accent());
        c.setPaddingLeft(8);
        c.setPaddingRight(6);
        c.setPaddingBottom(8);
        c.setVerticalAlignment(Element.ALIGN_TOP);
        Paragraph big = new Paragraph(ctx.type.clean(figure), ctx.type.figure);
        c.addElement(big);
        Paragraph l = new Paragraph(ctx.type.clean(label), ctx.type.bodyBold);
        c.addElement(l);
        Paragraph d = new Paragraph(ctx.type.clean(detail), ctx.type.small);
        d.setLeading(9.5f);
        c.addElement(d);
        t.addCell(c);
    }
}
