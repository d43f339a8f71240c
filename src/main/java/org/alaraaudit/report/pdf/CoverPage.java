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
import javax.imageio.ImageIO;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.RunInfo;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.alaraaudit.rules.Messages;
import org.alaraaudit.rules.ReferenceTables;
import org.alaraaudit.report.Cells;
import org.alaraaudit.scanlog.InputFile;

/**
 * Who, what period, and exactly which inputs and rules: enough for a reviewer to reproduce the report; and what a
 * reviewer asks first: which scanners, how far the findings were reviewed, and how sound the reference values are.
 */
final class CoverPage {
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Messages.LOCALE);

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
        Paragraph inst = ctx.type.paragraph(institution(ctx), ctx.type.subtitle);
        inst.setSpacingAfter(10);
        ctx.add(inst);
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
        period.setSpacingAfter(18);
        ctx.add(period);

        PdfPTable facts = new PdfPTable(new float[]{1.3f, 4});
        facts.setWidthPercentage(100);
        // first, where a reviewer looks: a report of an empty period is not an audit of it
        fact(ctx, facts, "Generated", GENERATED.format(run.generatedAt().atOffset(ZoneOffset.UTC)));
        fact(ctx, facts, "Tool version", "alara-audit " + run.toolVersion());
        fact(ctx, facts, "Rule set", Text.orDash(run.ruleSetLocation()));
        fact(ctx, facts, "Rule set digest", run.ruleSetDigest(), ctx.type.table);
        fact(ctx, facts, "DRL set", drlSetLabel(ctx));
        fact(ctx, facts, "Pediatric limit", "age at the study below " + Cells.number(run.pediatricAgeYears()) + " years");
        fact(ctx, facts, "Report template", ctx.template.name());
        fact(ctx, facts, "Review completion", reviewCompletion(ctx.result));
        fact(ctx, facts, "Sign-off", ctx.includes(ReportSection.SIGN_OFF)
                ? "radiation safety officer and reviewing medical physicist, on the page \"Review and sign-off\"; "
                + "their signatures record that the report was read; each finding's review is recorded apart (review completion above)"
                : "this report has no sign-off page: it is not signed off");
        ctx.add(facts);

        scanners(ctx);
        references(ctx);

        ctx.subheading("Input files");
        // How each file was read belongs with its digest: the same bytes read with another mapping profile are other doses.
        ReportTable inputs = new ReportTable(ctx, new float[]{1.3f, 3.0f, 1.5f}, "File", "SHA-256", "Read as");
        for (InputFile f : run.inputs()) inputs.row(f.file(), f.sha256(), f.readAs() == null ? "" : f.readAs());
        for (InputFile p : run.profileFiles()) inputs.row(p.file(), p.sha256(), "the mapping profile");
        inputs.finish();
    }

    /**
     * Never blank: the name given with --institution, else the run's, else the template's; without any, the
     * facilities found in the data, so a reviewer always learns whose practice this is.
     */
    static String institution(ReportContext ctx) {
        if (!ctx.institution.isBlank()) return ctx.institution;
        var facilities = ctx.result.figures().studiesByFacility().keySet();
        if (!facilities.isEmpty()) return String.join("; ", facilities);
        return "Institution not given (--institution)";
    }

    /**
     * A share as a whole per cent that never rounds some to none or most to all: 1 of 300 reviewed is "<1%", not the
     * "0%" that reads as nothing reviewed, and 299 of 300 is ">99%", not a complete "100%".
     */
    static String share(long part, long whole) {
        long pct = Math.round(100.0 * part / whole);
        if (pct == 0 && part > 0) return "<1%";
        if (pct == 100 && part < whole) return ">99%";
        return pct + "%";
    }

    /** Of the period's CRITICAL and MAJOR findings, how many carry a review status, and which. */
    static String reviewCompletion(AuditResult result) {
        long due = 0;
        Map<String, Long> byStatus = new TreeMap<>();
        for (Finding f : result.findings()) {
            if (!f.severity().atLeast(Severity.MAJOR)) continue;
            due++;
            AuditResult.Review r = result.reviews().of(f);
            if (r != null && r.status() != null) byStatus.merge(r.status().name(), 1L, Long::sum);
        }
        if (due == 0) return "no CRITICAL or MAJOR finding in the period: nothing to review";
        long reviewed = byStatus.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder sb = new StringBuilder(reviewed + " of " + due + " CRITICAL/MAJOR findings of the period have a review status ("
                + share(reviewed, due) + ")");
        if (!byStatus.isEmpty()) {
            sb.append(": ");
            sb.append(String.join(", ", byStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList()));
        }
        int earlier = result.reviews().openFromEarlierPeriods().size();
        if (earlier > 0) sb.append("; ").append(earlier).append(" from earlier periods still await review");
        return sb.toString();
    }

    /** The scanners found in the data: where each stands, what it is, and how many of the period's studies it made. */
    private static void scanners(ReportContext ctx) {
        var scanners = ctx.result.events().scanners();
        if (scanners.isEmpty()) return;
        ctx.subheading("Scanners in the data");
        ReportTable t = new ReportTable(ctx, new float[]{1.6f, 1.1f, 1.3f, 1.5f, 0.7f},
                "Facility", "Station", "Manufacturer", "Model", "Studies#");
        for (var s : scanners) {
            t.row(Text.orDash(s.facility()), Text.orDash(s.stationName()), Text.orDash(s.manufacturer()),
                    Text.orDash(s.model()), Long.toString(s.studies()));
        }
        t.finish();
    }

    /**
     * The reference tables this run judged by, each with its status in a reviewer's words; of the DRL tables only
     * those of the set in use.
     */
    private static void references(ReportContext ctx) {
        var refs = ctx.result.tables() == null ? null : ctx.result.tables().references();
        if (refs == null || refs.tables().isEmpty()) return;
        Set<String> inUse = drlSourcesInUse(ctx);
        ctx.subheading("Reference sets and their status");
        ReportTable t = new ReportTable(ctx, new float[]{2.6f, 3.4f}, "Reference set", "Status");
        for (ReferenceTables.Table table : refs.tables()) {
            boolean drl = table.file().startsWith("drl-");
            if (drl && table.sources().stream().noneMatch(inUse::contains)) continue;
            t.row(table.title(), ReferenceStatusTable.status(table));
        }
        t.finish();
    }

    private static Set<String> drlSourcesInUse(ReportContext ctx) {
        Set<String> out = new HashSet<>();
        try {
            for (var l : ctx.result.tables().referenceLevels().set(ctx.result.run().drlSet())) out.add(l.source());
        } catch (RuntimeException e) {
            // a set the tables do not know: no DRL table is listed
        }
        return out;
    }

    /** The set's name and the sources of its rows (pediatric and adult tables), so "US" on its own is not the only clue. */
    private static String drlSetLabel(ReportContext ctx) {
        String set = ctx.result.run().drlSet();
        try {
            var levels = ctx.result.tables().referenceLevels().set(set);
            Set<String> sources = new java.util.LinkedHashSet<>();
            for (var l : levels) sources.add(l.source());
            if (!sources.isEmpty()) return set + " - " + String.join("; ", sources);
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
