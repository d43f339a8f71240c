package org.alaraaudit.report.pdf;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.alaraaudit.audit.RunInfo;
import org.alaraaudit.report.Cells;
import org.alaraaudit.scanlog.InputFile;

/** Who, what period, and exactly which inputs and rules: enough for a reviewer to reproduce the report. */
final class CoverPage {
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    private CoverPage() {}

    static void write(ReportContext ctx) {
        RunInfo run = ctx.result.run();
        Image logo = logo(ctx);
        if (logo != null) {
            logo.scaleToFit(170, 64);
            ctx.add(logo);
        }
        Paragraph spacer = new Paragraph(" ", ctx.type.body); // an unstyled Paragraph would bring in non-embedded Helvetica
        spacer.setSpacingBefore(logo == null ? 120 : 60);
        ctx.add(spacer);
        if (!ctx.institution.isEmpty()) {
            Paragraph inst = ctx.type.paragraph(ctx.institution, ctx.type.subtitle);
            inst.setSpacingAfter(10);
            ctx.add(inst);
        }
        Paragraph title = ctx.type.paragraph(ctx.template.title(), ctx.type.title);
        title.setLeading(28);
        ctx.add(title);
        if (!ctx.template.subtitle().isEmpty()) {
            Paragraph sub = ctx.type.paragraph(ctx.template.subtitle(), ctx.type.subtitle);
            sub.setSpacingBefore(6);
            ctx.add(sub);
        }
        Paragraph period = ctx.type.paragraph("Audit period: " + Text.period(run.period()), ctx.type.h2);
        period.setSpacingBefore(18);
        period.setSpacingAfter(30);
        ctx.add(period);

        PdfPTable facts = new PdfPTable(new float[]{1.3f, 4});
        facts.setWidthPercentage(100);
        fact(ctx, facts, "Generated", GENERATED.format(run.generatedAt().atOffset(ZoneOffset.UTC)));
        fact(ctx, facts, "Tool version", "alara-audit " + run.toolVersion());
        fact(ctx, facts, "Rule set", Text.orDash(run.ruleSetLocation()));
        fact(ctx, facts, "Rule set digest", run.ruleSetDigest(), ctx.type.table);
        fact(ctx, facts, "DRL set", drlSetLabel(ctx));
        fact(ctx, facts, "Pediatric limit", "age at the study below " + Cells.number(run.pediatricAgeYears()) + " years");
        fact(ctx, facts, "Report template", ctx.template.name());
        ctx.add(facts);

        ctx.subheading("Input files");
        ReportTable inputs = new ReportTable(ctx, new float[]{1.4f, 3.2f}, "File", "SHA-256");
        for (InputFile f : run.inputs()) inputs.row(f.file(), f.sha256());
        inputs.finish();
    }

    /** The set's name and the source of its first row, so "US" on its own is not the only clue. */
    private static String drlSetLabel(ReportContext ctx) {
        String set = ctx.result.run().drlSet();
        try {
            var levels = ctx.result.tables().referenceLevels().set(set);
            if (!levels.isEmpty()) return set + " - " + levels.get(0).source();
        } catch (RuntimeException e) {
            // a set the tables do not know is still named, just without its source
        }
        return set;
    }

    private static void fact(ReportContext ctx, PdfPTable t, String label, String value) {
        fact(ctx, t, label, value, ctx.type.body);
    }

    private static void fact(ReportContext ctx, PdfPTable t, String label, String value, com.lowagie.text.Font font) {
        PdfPCell l = new PdfPCell(ctx.phrase(label, ctx.type.figureLabel));
        PdfPCell v = new PdfPCell(ctx.phrase(value, font));
        v.setRunDirection(Typography.runDirection(value == null ? "" : value));
        for (PdfPCell c : new PdfPCell[]{l, v}) {
            c.setBorder(Rectangle.TOP);
            c.setBorderColor(Typography.RULE);
            c.setBorderWidth(0.4f);
            c.setPaddingTop(4);
            c.setPaddingBottom(6);
            c.setVerticalAlignment(Element.ALIGN_TOP);
            t.addCell(c);
        }
    }

    /**
     * The logo redrawn on white: PDF/A-1 forbids transparency, and a PNG logo usually has an alpha channel.
     */
    private static Image logo(ReportContext ctx) {
        byte[] bytes = ctx.template.logo();
        if (bytes == null) return null;
        try {
            BufferedImage src = ImageIO.read(new ByteArrayInputStream(bytes));
            if (src == null) throw new TemplateException(ctx.template.name(), ReportTemplate.LOGO, "the logo is not a PNG or JPEG image");
            BufferedImage flat = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = flat.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, src.getWidth(), src.getHeight());
            g.drawImage(src, 0, 0, null);
            g.dispose();
            return Image.getInstance(flat, null);
        } catch (IOException | BadElementException e) {
            throw new TemplateException(ctx.template.name(), ReportTemplate.LOGO, "the logo cannot be read: " + e.getMessage());
        }
    }
}
