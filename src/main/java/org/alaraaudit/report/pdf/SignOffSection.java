package org.alaraaudit.report.pdf;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/** The lines the radiation safety officer and the reviewing physicist sign before the report goes to committee. */
final class SignOffSection {
    private SignOffSection() {}

    static void write(ReportContext ctx) {
        ctx.heading("Review and sign-off");
        // A signed page travels on its own (scanned, filed): it names the audit it signs and what was left unreviewed.
        var run = ctx.result.run();
        ReportTable what = new ReportTable(ctx, new float[]{1.3f, 4f}, "This sign-off is for", "").width(100);
        what.row("Period", run.period().from() + " to " + run.period().to());
        what.row("Rule set digest", run.ruleSetDigest());
        what.row("Input files", run.inputs().isEmpty() ? "none recorded (rows read from a table store, not from files)"
                : run.inputs().size() + (run.inputs().size() == 1 ? " file, " : " files, ") + "digests on the cover: "
                + String.join(", ", run.inputs().stream().limit(4).map(f -> f.file() + " " + f.sha256().substring(0, 12)).toList())
                + (run.inputs().size() > 4 ? ", ..." : ""));
        what.row("Findings reviewed", CoverPage.reviewCompletion(ctx.result));
        what.finish();
        // What is signed is the review of the report; how far each finding was reviewed is the line above, not a claim.
        ctx.paragraph("We have reviewed this report and the actions proposed for its CRITICAL and MAJOR findings, whose own"
                + " review status is given above, and present it to the radiation safety committee. Findings still without a"
                + " review are named under Comments or in the actions agreed.");
        for (String role : new String[]{"Radiation safety officer", "Reviewing medical physicist"}) {
            ctx.subheading(role);
            PdfPTable t = new PdfPTable(new float[]{1, 3.2f, 0.3f, 1, 1.8f});
            t.setWidthPercentage(100);
            t.setSpacingBefore(6);
            t.setSpacingAfter(18);
            line(ctx, t, "Name", "Date");
            line(ctx, t, "Signature", "Comments");
            ctx.add(t);
        }
        ctx.subheading("Radiation safety committee");
        PdfPTable t = new PdfPTable(new float[]{1, 3.2f, 0.3f, 1, 1.8f});
        t.setWidthPercentage(100);
        t.setSpacingBefore(6);
        line(ctx, t, "Minutes ref.", "Meeting date");
        ctx.add(t);
        ctx.subheading("Actions agreed (what, who, by when)");
        PdfPTable actions = new PdfPTable(new float[]{1});
        actions.setWidthPercentage(100);
        for (int i = 0; i < 4; i++) actions.addCell(blank(true));
        ctx.add(actions);
    }

    private static void line(ReportContext ctx, PdfPTable t, String left, String right) {
        label(ctx, t, left);
        t.addCell(blank(true));
        t.addCell(blank(false));
        label(ctx, t, right);
        t.addCell(blank(true));
    }

    private static void label(ReportContext ctx, PdfPTable t, String text) {
        PdfPCell c = new PdfPCell(ctx.phrase(text, ctx.type.figureLabel));
        c.setBorder(Rectangle.NO_BORDER);
        c.setPaddingTop(22);
        t.addCell(c);
    }

    private static PdfPCell blank(boolean ruled) {
        PdfPCell c = new PdfPCell();
        c.setBorder(ruled ? Rectangle.BOTTOM : Rectangle.NO_BORDER);
        c.setBorderColor(Typography.INK);
        c.setBorderWidth(0.6f);
        c.setMinimumHeight(32);
        return c;
    }
}
