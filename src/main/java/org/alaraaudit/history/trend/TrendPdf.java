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
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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

    private TrendPdf() {}

    public static void write(Trend t, Instant generatedAt, Path target) throws IOException {
        TrendPdf pdf = new TrendPdf();
        ReportFile.write(target, out -> {
            Document doc = new Document(PageSize.A4.rotate(), 40, 40, 40, 40);
            try {
                PdfWriter writer = PdfWriter.getInstance(doc, out);
                doc.addTitle("Dose trend " + t.from() + " to " + t.to());
                doc.addCreator("alara-audit");
                doc.open();
                pdf.body(doc, writer, t, generatedAt);
                doc.close();
            } catch (DocumentException e) {
                throw new IOException("the trend PDF could not be written: " + e.getMessage(), e);
            }
        });
    }

    private void body(Document doc, PdfWriter writer, Trend t, Instant generatedAt) throws DocumentException {
        doc.add(new Paragraph("Dose trend " + t.from() + " to " + t.to(), title));
        doc.add(new Paragraph((t.by() == Grouping.ALL ? "All sites together" : "By " + t.by().label())
                + ". From the history store " + t.store() + ", generated " + generatedAt + ".", body));
        doc.add(new Paragraph("Studies, compliance and repeat rate count the studies audited in each month, as the audit's "
                + "compliance figures define them (pediatric protocol compliance: share of pediatric CT studies without "
                + "PEDIATRIC_ADULT_PROTOCOL; repeat rate: share of CT studies with REPEAT_STUDY). Findings per 100 studies "
                + "count study-level findings (event, study and study-pair rules) in the month of their study; findings over "
                + "a period or a patient (DRL_MEDIAN_EXCEEDED, UNMAPPED_PROTOCOL, CUMULATIVE_DOSE) depend on how long the "
                + "audited period was and are in each run's own report.", small));

        section(doc, "Per month");
        doc.add(monthTable(t));
        charts(doc, writer, TrendCharts.monthly(t));

        doc.newPage();
        section(doc, "Median dose against the DRL, pediatric exam types");
        doc.add(new Paragraph("Median per month of CTDIvol (one value per diagnostic acquisition) and DLP (one per study), values "
                + "on the DRL's phantom only. Months below the minimum sample of " + t.stepRule().minStudies()
                + " studies are marked; their median is shown but not a judgement.", small));
        doc.add(medianTable(t));
        charts(doc, writer, TrendCharts.medians(t));

        doc.newPage();
        section(doc, "Protocol medians that stepped from one month to the next");
        doc.add(new Paragraph(String.format(Locale.ROOT, "Flagged: a station's protocol whose median CTDIvol moved by more than %.0f %% from one "
                + "month to the next, both months with at least %d studies. Threshold: setting %s = %s (%s).",
                100 * t.stepRule().fraction(), t.stepRule().minStudies(), StepRule.SETTING, trim(t.stepRule().fraction()),
                t.stepRule().source()), small));
        doc.add(t.steps().isEmpty() ? new Paragraph("No protocol median stepped by more than the threshold.", body) : stepTable(t));

        section(doc, "Stored runs these months come from");
        doc.add(runTable(t.runs()));
    }

    private void section(Document doc, String name) throws DocumentException {
        Paragraph p = new Paragraph(name, h1);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private PdfPTable monthTable(Trend t) {
        String[] cols = {"Month", "Series", "Studies", "Pediatric", "CT", "Pediatric CT", "Ped. protocol compliance", "Repeat rate",
                "CRITICAL /100", "MAJOR /100", "MINOR /100", "INFO /100"};
        PdfPTable table = table(cols, new float[]{6, 16, 5, 5, 5, 5, 7, 6, 6, 6, 6, 6});
        for (MonthFigures m : t.months()) {
            add(table, m.month().toString(), m.group(), String.valueOf(m.studies()), String.valueOf(m.pediatricStudies()),
                    String.valueOf(m.ctStudies()), String.valueOf(m.pediatricCtStudies()), percent(m.pediatricProtocolCompliance()),
                    percent(m.repeatRate()), number(m.findingsPer100(Severity.CRITICAL)), number(m.findingsPer100(Severity.MAJOR)),
                    number(m.findingsPer100(Severity.MINOR)), number(m.findingsPer100(Severity.INFO)));
        }
        return table;
    }

    private PdfPTable medianTable(Trend t) {
        PdfPTable table = table(new String[]{"Month", "Series", "DRL set", "Exam type", "Band", "Quantity", "n", "Studies", "Median",
                "DRL", "Median / DRL", "Sample"}, new float[]{6, 12, 5, 10, 8, 6, 4, 5, 6, 6, 6, 8});
        for (DoseMedian d : t.medians()) {
            Double ratio = d.ratio();
            boolean above = d.sufficient() && ratio != null && ratio > 1;
            Font f = above ? flagged : cell;
            add(table, f, d.month().toString(), d.group(), d.drlSet(), d.examType(), d.band(), d.quantity(), String.valueOf(d.n()),
                    String.valueOf(d.studies()), number(d.median()) + " " + d.unit(), d.drl() == null ? "" : number(d.drl()),
                    ratio == null ? "" : String.format(Locale.ROOT, "%.2f", ratio), d.sufficient() ? "sufficient" : "below minimum");
        }
        return table;
    }

    private PdfPTable stepTable(Trend t) {
        PdfPTable table = table(new String[]{"Facility", "Station", "Protocol", "From", "To", "Median before (mGy)",
                "Median after (mGy)", "Change", "Studies before", "Studies after"}, new float[]{12, 8, 14, 5, 5, 7, 7, 6, 6, 6});
        for (MedianStep s : t.steps()) {
            add(table, s.facility(), s.station(), s.protocol(), s.before().toString(), s.after().toString(), number(s.medianBefore()),
                    number(s.medianAfter()), String.format(Locale.ROOT, "%+.0f %%", 100 * s.change()), String.valueOf(s.studiesBefore()),
                    String.valueOf(s.studiesAfter()));
        }
        return table;
    }

    private PdfPTable runTable(List<StoredRun> runs) {
        PdfPTable table = table(new String[]{"Period", "Facilities", "Studies", "Generated", "Tool", "Rule set", "Inputs"},
                new float[]{10, 16, 5, 10, 5, 14, 16});
        for (StoredRun r : runs) {
            add(table, r.from() + " to " + r.to(), r.facilities(), String.valueOf(r.studies()), r.generatedAt().toString(),
                    r.toolVersion(), r.ruleSetDigest(), r.inputs());
        }
        return table;
    }

    private void charts(Document doc, PdfWriter writer, Map<String, JFreeChart> charts) throws DocumentException {
        PdfPTable grid = new PdfPTable(2);
        grid.setWidthPercentage(100);
        grid.setSpacingBefore(8);
        for (Map.Entry<String, JFreeChart> e : charts.entrySet()) {
            PdfPCell c = new PdfPCell();
            c.setBorder(0);
            c.setPadding(4);
            c.addElement(scripts.paragraph(e.getKey(), new Font(bold, 8.5f, Font.NORMAL, Color.DARK_GRAY)));
            c.setRunDirection(ScriptFonts.runDirection(e.getKey()));
            c.addElement(vector(writer, e.getValue(), 360, 190));
            grid.addCell(c);
        }
        if (charts.size() % 2 == 1) {
            PdfPCell empty = new PdfPCell();
            empty.setBorder(0);
            grid.addCell(empty);
        }
        if (!charts.isEmpty()) doc.add(grid);
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

    private static String trim(double d) { return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d); }
}
