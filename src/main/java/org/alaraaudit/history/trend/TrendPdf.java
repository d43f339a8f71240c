package org.alaraaudit.history.trend;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.alaraaudit.model.Severity;
import org.alaraaudit.report.ReportFile;
import org.alaraaudit.report.pdf.ScriptFonts;
import org.jfree.chart.JFreeChart;

/**
 * The trend report as PDF, landscape: the per-month table, a chart of each series, the medians against the
 * DRL, the flagged steps, and the stored runs the numbers come from. Fonts are the audit report's
 * ({@link ScriptFonts}), embedded; charts are drawn as vectors.
 */
public final class TrendPdf {
    private static final Color PRIMARY = new Color(0x1F, 0x3A, 0x5F);
    private static final Color MUTED = new Color(0x66, 0x66, 0x66);

    /** A station, protocol or facility may be named in any script: the audit report's fonts and fallbacks. */
    private final ScriptFonts scripts = new ScriptFonts();
    private final BaseFont regular = scripts.regular;
    private final BaseFont bold = scripts.bold;
    private final Font title = new Font(bold, 20, Font.NORMAL, PRIMARY);
    private final Font h1 = new Font(bold, 13, Font.NORMAL, PRIMARY);
    private final Font body = new Font(regular, 9, Font.NORMAL, Color.DARK_GRAY);
    private final Font small = new Font(regular, 7.5f, Font.NORMAL, MUTED);
    private final Font head = new Font(bold, 7.5f, Font.NORMAL, Color.WHITE);
    private final Font cell = new Font(regular, 7.5f, Font.NORMAL, Color.DARK_GRAY);
    private final Font flagged = new Font(bold, 7.5f, Font.NORMAL, new Color(0x9E, 0x1B, 0x1B));

    /** Highest medians over the DRL listed on the first page; the rest are in the full table. */
    private static final int ABOVE_SHOWN = 6;

    private TrendPdf() {}

    public static void write(Trend t, Instant generatedAt, Path target) throws IOException {
        TrendPdf pdf = new TrendPdf();
        ReportFile.write(target, out -> {
            Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
            try {
                PdfWriter writer = PdfWriter.getInstance(doc, out);
                // Archived beside the audit reports, so kept to the same archival profile (PDF/A-1b).
                writer.setPDFXConformance(PdfWriter.PDFA1B);
                doc.addTitle("Dose trend " + t.from() + " to " + t.to());
                doc.addSubject("Pediatric CT dose trend by " + t.by().label() + ", " + t.from() + " to " + t.to());
                doc.addKeywords("ALARA, pediatric CT, diagnostic reference levels, trend");
                doc.addAuthor("alara-audit");
                doc.addCreator("alara-audit");
                doc.open();
                writer.setOutputIntents("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1",
                        ICC_Profile.getInstance(ColorSpace.CS_sRGB));
                writer.createXmpMetadata();
                pdf.body(doc, writer, t, generatedAt);
                doc.close();
            } catch (DocumentException e) {
                throw new IOException("the trend PDF could not be written: " + e.getMessage(), e);
            }
        });
    }

    /** Minutes are what a reader needs of the time a report was made. */
    static String stamp(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).format(at.atZone(ZoneOffset.UTC));
    }

    private String seriesName(Trend t) {
        return switch (t.by()) {
            case STATION -> "Station";
            case PROTOCOL -> "Protocol";
            case FACILITY -> "Facility";
            case ALL -> "Series";
        };
    }

    private void body(Document doc, PdfWriter writer, Trend t, Instant generatedAt) throws DocumentException {
        doc.add(new Paragraph("Dose trend " + t.from() + " to " + t.to(), title));
        doc.add(new Paragraph("By " + (t.by() == Grouping.ALL ? "facility" : t.by().label()) + ": each " + (t.by() == Grouping.ALL
                ? "facility" : t.by().label()) + " is its own series and its doses are compared with the DRL on their own, never "
                + "pooled with another facility's. " + t.runs().size() + " recorded audit run" + (t.runs().size() == 1 ? "" : "s")
                + ", generated " + stamp(generatedAt) + ".", body));

        section(doc, "Steps to look at");
        String threshold = StepRule.percentText(t.stepRule().fraction());
        doc.add(new Paragraph(String.format(Locale.ROOT, "A station's protocol whose median CTDIvol moved by more than %s from one "
                + "month to the next, both months with at least %d studies (local setting, default 20 %%: no published step size "
                + "exists). A protocol edit or a software update is the usual reason.", threshold, t.stepRule().minStudies()), small));
        if (t.steps().isEmpty()) {
            doc.add(new Paragraph("No protocol median moved by more than " + threshold + ".", body));
        } else {
            doc.add(stepTable(t));
        }
        List<DoseMedian> above = aboveDrl(t);
        section(doc, "Above the DRL in " + t.to());
        if (above.isEmpty()) {
            doc.add(new Paragraph("No median with a sufficient sample is above its DRL in " + t.to() + ".", body));
        } else {
            doc.add(aboveTable(t, above.subList(0, Math.min(ABOVE_SHOWN, above.size()))));
            if (above.size() > ABOVE_SHOWN) {
                doc.add(new Paragraph("The " + ABOVE_SHOWN + " highest of " + above.size() + "; every median is in the table "
                        + "\"Medians against the DRL, every series\".", small));
            }
        }

        section(doc, "Per month");
        doc.add(new Paragraph(MonthFindings.DEFINITION + (t.by() == Grouping.STATION || t.by() == Grouping.PROTOCOL
                ? " " + MonthFindings.NOT_ONE_STUDY : "") + " Pediatric protocol compliance: share of pediatric CT studies without "
                + "an adult protocol; repeat rate: share of CT studies repeated (as the audit report).", small));
        doc.add(monthTable(t));

        doc.newPage();
        for (TrendCharts.Multiples m : TrendCharts.all(t)) multiples(doc, writer, m, caption(m, t));

        doc.newPage();
        section(doc, "Medians against the DRL, every series");
        doc.add(new Paragraph("Median per month of CTDIvol (one value per diagnostic acquisition) and DLP (one per study), values "
                + "on the DRL's phantom only. Months below the minimum sample of " + t.stepRule().minStudies()
                + " studies are in grey italics with a *: their median is shown but not a judgement. Red: a median above its "
                + "DRL on a sufficient sample.", small));
        doc.add(medianTable(t));

        section(doc, "Recorded audit runs these months come from");
        doc.add(runTable(t.runs()));
    }

    private static String caption(TrendCharts.Multiples m, Trend t) {
        String hollow = "A hollow point stands on fewer than " + t.stepRule().minStudies() + " studies: shown, not a judgement.";
        if (m.title().startsWith("Median")) {
            return "One chart per " + (t.by() == Grouping.ALL ? "facility" : t.by().label()) + ": each line is an exam type, age or size "
                    + "band and quantity (at most " + TrendCharts.MAX_LINES + ", those with most studies), its monthly median divided "
                    + "by its DRL; the dashed red line at 1 is the DRL. Each chart's axis is scaled to its own values. " + hollow;
        }
        return "One chart per " + (t.by() == Grouping.ALL ? "facility" : t.by().label()) + "; each chart's axis is scaled to its own "
                + "values, so compare the numbers on the axis, not the slopes. " + hollow;
    }

    /** The months' last medians over the DRL, with a sufficient sample: the first thing a department head asks. */
    private static List<DoseMedian> aboveDrl(Trend t) {
        return t.medians().stream().filter(d -> d.month().equals(t.to()) && d.sufficient() && d.ratio() != null && d.ratio() > 1)
                .sorted(java.util.Comparator.comparing(DoseMedian::ratio).reversed()).toList();
    }

    private PdfPTable aboveTable(Trend t, List<DoseMedian> above) {
        PdfPTable table = table(new String[]{seriesName(t), "Exam type", "Band", "Quantity", "Median", "DRL", "Median / DRL", "Studies"},
                new float[]{16, 12, 10, 6, 8, 8, 6, 5});
        for (DoseMedian d : above) {
            add(table, flagged, d.group(), d.examType(), d.band(), d.quantity(), number(d.median()) + " " + d.unit(),
                    d.drl() == null ? "" : number(d.drl()) + " " + d.unit(), String.format(Locale.ROOT, "%.2f", d.ratio()),
                    String.valueOf(d.studies()));
        }
        return table;
    }

    private void section(Document doc, String name) throws DocumentException {
        Paragraph p = new Paragraph(name, h1);
        p.setSpacingBefore(8);
        p.setSpacingAfter(3);
        doc.add(p);
    }

    private PdfPTable monthTable(Trend t) {
        String[] cols = {seriesName(t), "Month", "Studies", "Pediatric studies", "CT studies", "Pediatric CT studies",
                "Pediatric protocol compliance", "Repeat rate", "CRITICAL per 100 studies", "MAJOR per 100 studies",
                "MINOR per 100 studies", "INFO per 100 studies"};
        PdfPTable table = table(cols, new float[]{16, 6, 5, 5, 5, 5, 7, 6, 6, 6, 6, 6});
        for (MonthFigures m : t.months()) {
            MonthFindings f = t.findingsOf(m.group(), m.month());
            add(table, m.group(), m.month().toString(), String.valueOf(m.studies()), String.valueOf(m.pediatricStudies()),
                    String.valueOf(m.ctStudies()), String.valueOf(m.pediatricCtStudies()), percent(m.pediatricProtocolCompliance()),
                    percent(m.repeatRate()), per100(f, Severity.CRITICAL), per100(f, Severity.MAJOR), per100(f, Severity.MINOR),
                    per100(f, Severity.INFO));
        }
        // Counts add up across series (each study is in one); dose medians never do and are not totalled.
        for (YearMonth month : t.monthList()) {
            MonthFindings f = t.findingsOf(Trend.ALL_FACILITIES, month);
            MonthFigures m = t.total(month);
            add(table, bold(), Trend.ALL_FACILITIES, month.toString(), String.valueOf(m.studies()), String.valueOf(m.pediatricStudies()),
                    String.valueOf(m.ctStudies()), String.valueOf(m.pediatricCtStudies()), percent(m.pediatricProtocolCompliance()),
                    percent(m.repeatRate()), per100(f, Severity.CRITICAL), per100(f, Severity.MAJOR), per100(f, Severity.MINOR),
                    per100(f, Severity.INFO));
        }
        return table;
    }

    private Font bold() { return new Font(bold, 7.5f, Font.NORMAL, Color.DARK_GRAY); }

    /** One decimal, as the audit report prints its findings per 100 studies. */
    static String per100(MonthFindings f, Severity s) {
        Double v = f == null ? null : f.per100(s);
        return v == null ? "" : String.format(Locale.ROOT, "%.1f", v);
    }

    /** One row per series, exam type, band and quantity, the months as columns: median, its ratio to the DRL, studies. */
    private PdfPTable medianTable(Trend t) {
        List<YearMonth> months = t.monthList();
        List<String> headers = new java.util.ArrayList<>(List.of(seriesName(t), "Exam type", "Band", "Quantity", "DRL"));
        for (YearMonth m : months) headers.add(m + ": median (/ DRL), studies");
        float[] widths = new float[headers.size()];
        float[] fixed = {14, 11, 7, 5, 7};
        for (int i = 0; i < widths.length; i++) widths[i] = i < fixed.length ? fixed[i] : 10;
        PdfPTable table = table(headers.toArray(String[]::new), widths);
        Map<String, Map<YearMonth, DoseMedian>> rows = new LinkedHashMap<>();
        for (DoseMedian d : t.medians()) {
            rows.computeIfAbsent(d.group() + "\u001f" + d.drlSet() + "\u001f" + d.series(), k -> new LinkedHashMap<>()).put(d.month(), d);
        }
        Font thin = new Font(regular, 7.5f, Font.ITALIC, MUTED);
        for (Map<YearMonth, DoseMedian> row : rows.values()) {
            DoseMedian any = row.values().iterator().next();
            add(table, cell, any.group(), any.examType(), any.band(), any.quantity(),
                    any.drl() == null ? "" : number(any.drl()) + " " + any.unit());
            for (YearMonth m : months) {
                DoseMedian d = row.get(m);
                if (d == null) {
                    add(table, cell, "");
                    continue;
                }
                Double ratio = d.ratio();
                Font f = !d.sufficient() ? thin : ratio != null && ratio > 1 ? flagged : cell;
                add(table, f, number(d.median()) + (ratio == null ? "" : String.format(Locale.ROOT, " (%.2f)", ratio)) + ", "
                        + d.studies() + (d.sufficient() ? "" : " *"));
            }
        }
        return table;
    }

    private PdfPTable stepTable(Trend t) {
        PdfPTable table = table(new String[]{"Facility", "Station", "Protocol", "From", "To", "Median CTDIvol before (mGy)",
                "Median CTDIvol after (mGy)", "Change", "Studies before", "Studies after"}, new float[]{12, 8, 14, 5, 5, 7, 7, 6, 6, 6});
        for (MedianStep s : t.steps()) {
            add(table, s.facility(), s.station(), s.protocol(), s.before().toString(), s.after().toString(), number(s.medianBefore()),
                    number(s.medianAfter()), t.stepRule().changeText(s.change()), String.valueOf(s.studiesBefore()),
                    String.valueOf(s.studiesAfter()));
        }
        return table;
    }

    private PdfPTable runTable(List<StoredRun> runs) {
        PdfPTable table = table(new String[]{"Period", "Facilities", "Studies", "Generated", "Tool version", "Rule set"},
                new float[]{12, 24, 5, 10, 6, 20});
        for (StoredRun r : runs) {
            add(table, r.from() + " to " + r.to(), r.facilities(), String.valueOf(r.studies()), stamp(r.generatedAt()),
                    r.toolVersion(), r.ruleSetDigest());
        }
        return table;
    }

    /** The title and caption are the grid's repeated header row, so a title never stands alone at a page's foot. */
    private void multiples(Document doc, PdfWriter writer, TrendCharts.Multiples m, String caption) throws DocumentException {
        int columns = 3;
        PdfPTable grid = new PdfPTable(columns);
        grid.setWidthPercentage(100);
        grid.setSpacingBefore(8);
        grid.getDefaultCell().setBorder(0);
        grid.setKeepTogether(true);
        PdfPCell head = new PdfPCell();
        head.setColspan(columns);
        head.setBorder(0);
        head.setPadding(2);
        head.addElement(new Paragraph(m.title(), h1));
        head.addElement(new Paragraph(caption + (m.without().isEmpty() ? "" : " No value in these months: "
                + String.join(", ", m.without()) + "."), small));
        grid.addCell(head);
        grid.setHeaderRows(1);
        for (TrendCharts.Panel p : m.panels()) {
            PdfPCell c = new PdfPCell();
            c.setBorder(0);
            c.setPadding(3);
            c.addElement(scripts.paragraph(p.title(), new Font(bold, 8f, Font.NORMAL, Color.DARK_GRAY)));
            c.setRunDirection(ScriptFonts.runDirection(p.title()));
            c.addElement(vector(writer, p.chart(), 250, 165));
            if (p.note() != null) c.addElement(new Paragraph(p.note(), small));
            grid.addCell(c);
        }
        if (m.panels().isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("Nothing to chart in these months.", body));
            none.setColspan(columns);
            none.setBorder(0);
            grid.addCell(none);
        }
        grid.completeRow();
        doc.add(grid);
    }

    private static Image vector(PdfWriter writer, JFreeChart chart, float width, float height) {
        PdfTemplate tpl = writer.getDirectContent().createTemplate(width, height);
        Graphics2D g2 = tpl.createGraphicsShapes(width, height);
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        try {
            Image img = Image.getInstance(tpl);
            img.scaleToFit(width, height);
            return img;
        } catch (BadElementException e) {
            throw new IllegalStateException("chart: " + e.getMessage(), e);
        }
    }

    private PdfPTable table(String[] headers, float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(4);
        for (String h : headers) {
            PdfPCell c = new PdfPCell(new Phrase(h, head));
            c.setBackgroundColor(PRIMARY);
            c.setPadding(3);
            table.addCell(c);
        }
        return table;
    }

    private void add(PdfPTable table, String... values) { add(table, cell, values); }

    private void add(PdfPTable table, Font f, String... values) {
        for (String v : values) {
            PdfPCell c = new PdfPCell(scripts.phrase(v == null ? "" : v, f));
            c.setRunDirection(ScriptFonts.runDirection(v == null ? "" : v));
            c.setPadding(2.5f);
            c.setBorderColor(new Color(0xC8, 0xCC, 0xD2));
            c.setHorizontalAlignment(Element.ALIGN_LEFT);
            table.addCell(c);
        }
    }

    static String percent(Double share) { return share == null ? "" : String.format(Locale.ROOT, "%.1f %%", 100 * share); }

    static String number(Double v) {
        if (v == null) return "";
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

}
