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
                : run.inputs().size() + (run.inputs().size() == 1 ? " file, " : " files, ") + "their SHA-256 under Input files: "
                + String.join(", ", run.inputs().stream().limit(4).map(f -> f.file() + " " + f.sha256().substring(0, 12)).toList())
                + (run.inputs().size() > 4 ? ", ..." : ""));
        what.row("Findings reviewed", CoverPage.reviewCompletion(ctx.result));
        what.finish();
        if (noneReviewed(ctx)) {
            // Nothing reviewed: the statement signed is what was done, so it never reads as the sign-off of reviews.
            ctx.paragraph("We have read this report. Its CRITICAL and MAJOR findings are not yet reviewed (above); we present it"
                    + " to the radiation safety committee with that noted, and name under Comments or in the actions agreed who"
                    + " reviews them, and by when.");
        } else {
            // What is signed is the review of the report; how far each finding was reviewed is the line above, not a claim.
            ctx.paragraph("We have reviewed this report and the actions proposed for its CRITICAL and MAJOR findings, whose own"
                    + " review status is given above, and present it to the radiation safety committee. Findings still without a"
                    + " review are named under Comments or in the actions agreed.");
        }
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
        // Four lines where the page has room, down to two: a signed page ends on itself, never with a line left over
        // on a blank page of its own (a longer report's sign-off table leaves less room).
        int lines = (int) Math.max(2, Math.min(4, Math.floor((ctx.roomLeft() - 4) / LINE_HEIGHT)));
        for (int i = 0; i < lines; i++) actions.addCell(blank(true));
        ctx.add(actions);
    }

    /**
     * When not one of the period's CRITICAL and MAJOR findings has been reviewed, the page says so before anyone signs,
     * and how reviews are recorded: a "0%" in the table above is easily read past, and a signature under it would look
     * like the sign-off of reviewed findings. The lines stay: the report is still signed as read. True when it said so.
     */
    private static boolean noneReviewed(ReportContext ctx) {
        org.alaraaudit.model.Severity major = org.alaraaudit.model.Severity.MAJOR;
        long due = ctx.result.findings().stream().filter(f -> f.severity().atLeast(major)).count();
        if (due == 0 || ctx.result.reviews().stillOpen(ctx.result.findings(), major) < due) return false;
        String workbook = "audit-" + ctx.result.run().period().label() + ".xlsx";
        // Set as written, not through ctx.paragraph: the workbook's column names must keep their underscores.
        com.lowagie.text.Paragraph p = new com.lowagie.text.Paragraph(13, "", ctx.type.body);
        p.setSpacingBefore(6);
        p.setSpacingAfter(6);
        p.add(ctx.phrase("No CRITICAL or MAJOR finding of this period has been reviewed yet. ", ctx.type.bodyBold));
        // Broken at spaces only: the file name and the command are typed as read, and "audit-" over "2026-10.xlsx" is not.
        p.add(ReportTable.atSpaces(ctx.phrase("Its " + Text.count(due) + " CRITICAL and MAJOR findings are all still open:"
                + " a signature below records that this report was read, not that its findings were reviewed. To record the"
                + " reviews, fill in review_status, justification, reviewer and reviewed_on of each finding on the Findings"
                + " sheet of the workbook " + workbook + ", run alara-audit review import " + workbook + ", then audit the"
                + " period again with the history store the reviews went into: this page then counts the reviews.", ctx.type.body)));
        ctx.add(p);
        return true;
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

    /** The height of a line to write on, in points. */
    private static final float LINE_HEIGHT = 32;

    private static PdfPCell blank(boolean ruled) {
        PdfPCell c = new PdfPCell();
        c.setBorder(ruled ? Rectangle.BOTTOM : Rectangle.NO_BORDER);
        c.setBorderColor(Typography.INK);
        c.setBorderWidth(0.6f);
        c.setMinimumHeight(LINE_HEIGHT);
        return c;
    }
}
