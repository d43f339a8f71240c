package org.alaraaudit.report.pdf;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.List;
import java.util.Map;
import org.alaraaudit.model.Severity;

/**
 * The pictures: where the findings are, how facility medians sit against the DRLs, the dose distributions per
 * pediatric protocol a physicist expects, and dose against patient size.
 */
final class ChartsSection {
    static final float WIDTH = 487;

    private ChartsSection() {}

    static void write(ReportContext ctx) {
        ctx.heading("Charts");

        ctx.subheading("Findings by rule and severity");
        Map<Severity, Map<String, Long>> bySeverity = FindingsByRuleChart.counts(ctx.result.findings(), ctx.rules);
        if (bySeverity.isEmpty()) ctx.paragraph("No findings in this period.");
        bySeverity.forEach((s, rules) -> {
            float h = FindingsByRuleChart.height(rules);
            ctx.keepRoom(h + 10);
            ctx.add(VectorChart.of(ctx, FindingsByRuleChart.build(s, rules), WIDTH, h));
        });
        ctx.note("Each severity has its own scale; the number at each bar is the count of findings.");

        DrlRatioChart drl = new DrlRatioChart(ctx.result.drlGroups());
        ctx.keepRoom(drl.isEmpty() ? 60 : drl.height() + 40);
        ctx.subheading("Facility median against the DRL, by exam type and band");
        if (drl.isEmpty()) {
            ctx.paragraph("No DRL group had enough studies to be compared with the DRL in this period.");
        } else {
            ctx.add(VectorChart.of(ctx, drl.build(), WIDTH, drl.height()));
            int min = ctx.result.tables().policy().getDrlMinSampleStudies();
            ctx.note("Ratio = facility median / DRL. A bar beyond 1.0 means the facility's typical dose for that exam type "
                    + "and band is above the reference level: a prompt for protocol review, not a judgement on any patient (ICRP 135)."
                    + " Drawn: the groups with at least " + min + " studies, the minimum sample a median is judged on; a facility"
                    + " with fewer has no bar."
                    + (drl.omitted() > 0 ? " Left out here: the " + drl.omitted() + (drl.omitted() == 1 ? " exam type and band" : " exam types and bands")
                            + " whose highest ratio at any facility is lowest; each one drawn shows every such facility's ratio, so a"
                            + " lower bar can stand beside a high one." : "")
                    + " The DRL table lists all groups.");
        }

        List<PediatricProtocols.Row> rows = PediatricProtocols.of(ctx.result);
        distribution(ctx, rows, ProtocolDoseChart.CTDIVOL, "per diagnostic acquisition",
                "Diamond: the CTDIvol DRL of the band covering the protocol's age range (" + ctx.result.run().drlSet() + " set), where one applies.");
        distribution(ctx, rows, ProtocolDoseChart.DLP, "per study",
                "Diamond: the DLP DRL of the band covering the protocol's age range, where one applies.");
        distribution(ctx, rows, ProtocolDoseChart.SSDE, "per diagnostic acquisition",
                "SSDE where the log gives it or the patient's size allows it (AAPM Report 204/220); no DRL is set for SSDE.");
        doseAgainstSize(ctx, rows);
    }

    private static void distribution(ReportContext ctx, List<PediatricProtocols.Row> rows, ProtocolDoseChart.Quantity q,
                                     String per, String drlNote) {
        List<ProtocolDoseChart> charts = ProtocolDoseChart.charts(rows, q);
        String title = q.name() + " per pediatric protocol and station";
        ctx.keepRoom(charts.isEmpty() ? 60 : Math.min(charts.get(0).height() + 40, 600));
        ctx.subheading(title);
        if (charts.isEmpty()) {
            ctx.paragraph("No pediatric standard protocol had at least " + ProtocolDoseChart.MIN_SAMPLE + " values of "
                    + q.name() + " in this period.");
            return;
        }
        for (int i = 0; i < charts.size(); i++) {
            ProtocolDoseChart chart = charts.get(i);
            // A reader who turns to the chart's next part meets a page of boxes: it carries its title there, and only
            // there (a part that follows on the same page continues under the title above it).
            if (i > 0 && ctx.keepRoom(chart.height() + 40)) ctx.subheading(title + " (continued)");
            ctx.add(VectorChart.of(ctx, chart.build(), WIDTH, chart.height()));
        }
        ctx.note("Box: 25th to 75th percentile of " + q.name() + " " + per + ", line at the median; "
                + ProtocolDoseChart.WHISKERS + "; n = number of values. Protocols by region, then in age order; pairs with "
                + "fewer than " + ProtocolDoseChart.MIN_SAMPLE + " values are in the protocol table only. " + drlNote);
    }

    private static void doseAgainstSize(ReportContext ctx, List<PediatricProtocols.Row> rows) {
        List<DoseSizeChart.Panel> panels = DoseSizeChart.panels(rows);
        String title = "CTDIvol against patient size per pediatric protocol";
        ctx.keepRoom(panels.isEmpty() ? 60 : 250);
        ctx.subheading(title);
        if (panels.isEmpty()) {
            ctx.paragraph("No pediatric protocol had " + DoseSizeChart.MIN_POINTS + " acquisitions with both a CTDIvol and the "
                    + "patient's weight or diameter in this period.");
            return;
        }
        PdfPTable grid = new PdfPTable(2);
        grid.setWidthPercentage(100);
        // The panels run over pages: each page after the first is titled as the box plots' parts are.
        PdfPCell continued = new PdfPCell(ctx.phrase(title + " (continued)", ctx.type.h2));
        continued.setColspan(2);
        continued.setBorder(Rectangle.NO_BORDER);
        continued.setPaddingBottom(6);
        grid.addCell(continued);
        grid.setHeaderRows(1);
        grid.setSkipFirstHeader(true);
        float w = WIDTH / 2 - 4;
        for (DoseSizeChart.Panel p : panels) {
            PdfPCell c = new PdfPCell(VectorChart.of(ctx, DoseSizeChart.build(p), w, 170), true);
            c.setBorder(Rectangle.NO_BORDER);
            c.setPadding(2);
            grid.addCell(c);
        }
        if (panels.size() % 2 == 1) {
            PdfPCell empty = new PdfPCell();
            empty.setBorder(Rectangle.NO_BORDER);
            grid.addCell(empty);
        }
        ctx.add(grid);
        ctx.note("One dot per child's diagnostic acquisition, all stations. Green lines: the protocol's expected CTDIvol range "
                + "(dashed: lower bound); red line: the DRL of its age band; where the two are equal, the red line hides the green. Size is"
                + " the water-equivalent diameter where most acquisitions record one, else the weight; n counts the acquisitions"
                + " with both a CTDIvol and that size, so it can be smaller than the box plots' n.");
    }
}
