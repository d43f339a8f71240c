package org.alaraaudit.report.pdf;

import org.jfree.chart.JFreeChart;

/** The three pictures: where the findings are, how facility medians sit against the DRLs, and dose spread per protocol. */
final class ChartsSection {
    static final float WIDTH = 487;

    private ChartsSection() {}

    static void write(ReportContext ctx) {
        ctx.heading("Charts");

        ctx.subheading("Findings by rule and severity");
        JFreeChart byRule = FindingsByRuleChart.build(ctx.result.findings());
        if (byRule == null) ctx.paragraph("No findings in this period.");
        else ctx.add(VectorChart.of(ctx, byRule, WIDTH, FindingsByRuleChart.height(ctx.result.findings())));

        DrlRatioChart drl = new DrlRatioChart(ctx.result.drlGroups());
        ctx.keepRoom(drl.isEmpty() ? 60 : drl.height() + 40);
        ctx.subheading("Facility median against the DRL, by exam type and band");
        if (drl.isEmpty()) {
            ctx.paragraph("No DRL group had enough studies to be compared with the DRL in this period.");
        } else {
            ctx.add(VectorChart.of(ctx, drl.build(), WIDTH, drl.height()));
            ctx.note("Ratio = facility median / DRL. A bar beyond 1.0 means the facility's typical dose for that exam type "
                    + "and band is above the reference level: a prompt for protocol review, not a judgement on any patient (ICRP 135)."
                    + (drl.omitted() > 0 ? " The " + drl.omitted() + " groups with the lowest ratios are left out here; the DRL table lists all." : ""));
        }

        ProtocolDoseChart dose = new ProtocolDoseChart(ctx.result);
        ctx.keepRoom(dose.isEmpty() ? 60 : dose.height() + 40);
        ctx.subheading("CTDIvol per pediatric standard protocol against its DRL");
        if (dose.isEmpty()) {
            ctx.paragraph("No pediatric standard protocol had at least " + ProtocolDoseChart.MIN_SAMPLE
                    + " acquisitions with a CTDIvol in this period.");
        } else {
            ctx.add(VectorChart.of(ctx, dose.build(), WIDTH, dose.height()));
            ctx.note("Box: 25th to 75th percentile of CTDIvol per diagnostic acquisition, line at the median, whiskers to the "
                    + "lowest and highest value. Diamond: the CTDIvol DRL of the band covering the protocol's age range ("
                    + ctx.result.run().drlSet() + " set), where one applies."
                    + (dose.omitted() > 0 ? " " + dose.omitted() + " less-used protocol/station pairs are left out; the workbook lists all." : ""));
        }
    }
}
