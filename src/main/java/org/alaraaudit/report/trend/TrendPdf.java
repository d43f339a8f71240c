package org.alaraaudit.report.trend;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alaraaudit.history.trend.DoseMedian;
import org.alaraaudit.history.trend.Grouping;
import org.alaraaudit.model.ConfidenceInterval;
import org.alaraaudit.history.trend.MedianStep;
import org.alaraaudit.history.trend.MonthFigures;
import org.alaraaudit.history.trend.MonthFindings;
import org.alaraaudit.history.trend.StoredRun;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.model.Severity;
import org.alaraaudit.report.Palette;
import org.alaraaudit.report.ReportFile;
import org.alaraaudit.report.pdf.Typography;
import org.alaraaudit.report.pdf.VectorChart;

/**
 * The trend report as PDF, landscape: the per-month table, a chart of each series, the medians against the
 * DRL, the flagged steps, the radiography and fluoroscopy figures when the store has them ({@link XrayTrendSection}),
 * and the stored runs the numbers come from. Type, colours and charts are the audit
 * report's ({@link Typography}, {@link Palette}, {@link org.alaraaudit.report.pdf.ChartStyle}): fonts embedded,
 * a station, protocol or facility printed in any script, charts drawn as vectors.
 */
public final class TrendPdf {
    private static final Color PRIMARY = Palette.awt(Palette.PRIMARY);

    final Typography type = new Typography(PRIMARY);
    final Font flagged = new Font(type.bold, type.table.getSize(), Font.NORMAL, Palette.awt(Palette.FLAGGED));
    /** A median on too small a sample: shown, not a judgement. */
    final Font thin = new Font(type.italic, type.table.getSize(), Font.NORMAL, Typography.MUTED);
    private final Font panelTitle = new Font(type.bold, 8f, Font.NORMAL, Typography.INK);

    /** Highest medians over the DRL listed on the first page; the rest are in the full table. */
    private static final int ABOVE_SHOWN = 6;

    private TrendPdf() {}

    public static void write(Trend t, Instant generatedAt, Path target) throws IOException {
        write(t, List.of(), generatedAt, target);
    }

    /** {@code drlSources}: the DRLs the months' audits judged against, with their status ({@link DrlCitations}). */
    public static void write(Trend t, List<String> drlSources, Instant generatedAt, Path target) throws IOException {
        TrendPdf pdf = new TrendPdf();
        pdf.drlSources = drlSources;
        ReportFile.write(target, out -> {
            // Top and bottom margins leave room for the running header and footer (PageDecoration).
            Document doc = new Document(PageSize.A4.rotate(), 36, 36, 58, 64);
            try {
                PdfWriter writer = PdfWriter.getInstance(doc, out);
                // Archived beside the audit reports, so kept to the same archival profile (PDF/A-1b).
                writer.setPDFXConformance(PdfWriter.PDFA1B);
                writer.setPageEvent(new org.alaraaudit.report.pdf.PageDecoration(pdf.type, facilities(t), "Dose trend " + t.from()
                        + " to " + t.to(), "Quality-improvement trend of audited months. DRLs apply to groups of patients, not to"
                        + " individual patients, and are not dose limits (ICRP 135)."));
                doc.addTitle("Dose trend " + t.from() + " to " + t.to());
                doc.addSubject("Pediatric CT dose trend by " + t.by().label() + ", " + t.from() + " to " + t.to());
                doc.addKeywords("ALARA, pediatric CT, diagnostic reference levels, trend");
                doc.addAuthor("alara-audit");
                doc.addCreator("alara-audit");
                doc.open();
                writer.setOutputIntents("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1",
                        ICC_Profile.getInstance(ColorSpace.CS_sRGB));
                writer.createXmpMetadata();
                pdf.writer = writer;
                pdf.body(doc, writer, t, generatedAt);
                doc.close();
            } catch (DocumentException e) {
                throw new IOException("the trend PDF could not be written: " + e.getMessage(), e);
            }
        });
    }

    /** The facilities of the runs the trend is made of, as the audit report's header names them. */
    static String facilities(Trend t) {
        java.util.Set<String> all = new java.util.TreeSet<>();
        for (StoredRun r : t.runs()) {
            for (String f : r.facilityList()) all.add(f.trim());
        }
        return String.join("; ", all);
    }

    private void body(Document doc, PdfWriter writer, Trend t, Instant generatedAt) throws DocumentException {
        doc.add(new Paragraph("Dose trend " + t.from() + " to " + t.to(), type.title));
        doc.add(new Paragraph("By " + (t.by() == Grouping.ALL ? "facility" : t.by().label()) + ": each " + (t.by() == Grouping.ALL
                ? "facility" : t.by().label()) + " is its own series and its doses are compared with the DRL on their own, never "
                + "pooled with another facility's. " + t.runs().size() + " recorded audit run" + (t.runs().size() == 1 ? "" : "s")
                + ", generated " + TrendText.stamp(generatedAt) + ".", type.body));
        if (t.notAuditedText() != null) doc.add(new Paragraph(t.notAuditedText(), type.body));

        section(doc, "Steps to look at");
        String threshold = TrendText.percentText(t.stepRule().fraction());
        doc.add(new Paragraph(String.format(Locale.ROOT, "A station's protocol whose median CTDIvol moved by more than %s from one "
                + "month to the next, both months with at least %d studies (local setting, default 20 %%: no published step size "
                + "exists). A protocol edit or a software update is the usual reason. In brackets, each median's 95 %% confidence "
                + "interval over the month's acquisitions (distribution-free, from order statistics); where the two months' "
                + "intervals overlap (\"Beyond the spread\": no), a different mix of patients could have made the step.",
                threshold, t.stepRule().minStudies()), type.small));
        if (t.steps().isEmpty()) {
            doc.add(new Paragraph("No protocol median moved by more than " + threshold + ".", type.body));
        } else {
            doc.add(stepTable(t));
        }
        List<DoseMedian> above = aboveDrl(t);
        section(doc, "Above the DRL in " + t.to());
        if (!drlSources.isEmpty()) {
            doc.add(new Paragraph("DRLs as the months' audits judged their groups against them: " + String.join("; ", drlSources) + ".",
                    type.small));
        }
        if (above.isEmpty()) {
            doc.add(new Paragraph("No median with a sufficient sample is above its DRL in " + t.to() + ".", type.body));
        } else {
            doc.add(new Paragraph("\"CI above the DRL\": yes where the whole 95 % confidence interval of the median lies above "
                    + "the DRL; no where the DRL is within it, so that the month's mix of patients could have put the median above.",
                    type.small));
            doc.add(aboveTable(t, above.subList(0, Math.min(ABOVE_SHOWN, above.size()))));
            if (above.size() > ABOVE_SHOWN) {
                doc.add(new Paragraph("The " + ABOVE_SHOWN + " highest of " + above.size() + "; every median is in the table "
                        + "\"Medians against the DRL, every series\".", type.small));
            }
        }

        section(doc, "Per month");
        doc.add(new Paragraph(TrendText.FINDINGS_DEFINITION + (TrendText.belowFacility(t.by())
                ? " " + TrendText.notOneStudy(t.by()) : "") + " Pediatric protocol compliance: share of pediatric CT studies without "
                + "an adult protocol; repeat rate: share of CT studies repeated (as the audit report).", type.small));
        doc.add(monthTable(t));

        doc.newPage();
        for (TrendCharts.Multiples m : TrendCharts.all(t)) multiples(doc, writer, m, caption(m, t));

        doc.newPage();
        section(doc, "Medians against the DRL, every series");
        doc.add(new Paragraph("Median per month of CTDIvol (one value per diagnostic acquisition) and DLP (one per study), values "
                + "on the DRL's phantom only, with its 95 % confidence interval under it (distribution-free; none below 6 values). "
                + "Months below the minimum sample of " + t.stepRule().minStudies()
                + " studies are in grey italics with a *: their median is shown but not a judgement. Red: a median above its "
                + "DRL on a sufficient sample. The months come in blocks of at most " + MonthBlocks.MAX_MONTHS + ", each with "
                + "the series again; a series with no median in a block's months has no line in it.", type.small));
        medianTable(t).write(doc);

        if (!t.xray().isEmpty()) {
            doc.newPage();
            XrayTrendSection.write(this, doc, writer, t);
        }

        section(doc, "Recorded audit runs these months come from");
        doc.add(runTable(t.runs()));
    }

    private static String caption(TrendCharts.Multiples m, Trend t) {
        String hollow = "A hollow point stands on fewer than " + t.stepRule().minStudies() + " studies: shown, not a judgement.";
        if (m.title().startsWith("Median")) {
            return "One chart per " + (t.by() == Grouping.ALL ? "facility" : t.by().label()) + ": each line is an exam type, age or size "
                    + "band and quantity (at most " + TrendCharts.MAX_LINES + ": " + TrendCharts.MEDIAN_LINES + "), its monthly median divided "
                    + "by its DRL; the dashed red line at 1 is the DRL. Each chart's axis is scaled to its own values. " + hollow;
        }
        return "One chart per " + (t.by() == Grouping.ALL ? "facility" : t.by().label()) + "; " + m.scale().words() + " " + hollow;
    }

    /** The months' last medians over the DRL, with a sufficient sample: the first thing a department head asks. */
    private static List<DoseMedian> aboveDrl(Trend t) {
        return t.medians().stream().filter(d -> d.month().equals(t.to()) && d.sufficient() && d.ratio() != null && d.ratio() > 1)
                .sorted(java.util.Comparator.comparing(DoseMedian::ratio).reversed()).toList();
    }

    private PdfPTable aboveTable(Trend t, List<DoseMedian> above) {
        PdfPTable table = table(new String[]{TrendText.seriesName(t.by()), "Exam type", "Band", "Quantity", "Median (95 % CI)", "DRL",
                "Median / DRL", "Studies", "CI above the DRL"}, new float[]{15, 12, 9, 6, 11, 7, 6, 5, 6});
        for (DoseMedian d : above) {
            add(table, flagged, d.group(), d.examType(), d.band(), d.quantity(), withInterval(d.median(), d.interval()) + " " + d.unit(),
                    d.drl() == null ? "" : number(d.drl()) + " " + d.unit(), String.format(Locale.ROOT, "%.2f", d.ratio()),
                    String.valueOf(d.studies()), d.aboveDrlBeyondSampling() ? "yes" : "no");
        }
        return table;
    }

    /** The DRL citations of the months' audits, each with its status ({@link DrlCitations}). */
    private List<String> drlSources = List.of();

    /** The writer of the document being made, for the room left on a page. */
    private PdfWriter writer;

    /** Room a section heading needs below it: less, and it would stand alone at the foot of a page, its table on the next. */
    private static final float HEADING_ROOM = 110;

    void section(Document doc, String name) throws DocumentException {
        if (writer != null && writer.getVerticalPosition(true) - doc.bottom() < HEADING_ROOM) doc.newPage();
        Paragraph p = new Paragraph(name, type.h1);
        p.setSpacingBefore(8);
        p.setSpacingAfter(3);
        doc.add(p);
    }

    private PdfPTable monthTable(Trend t) {
        String[] cols = {TrendText.seriesName(t.by()), "Month", "Studies", "Pediatric studies", "CT studies", "Pediatric CT studies",
                "Pediatric protocol compliance", "Repeat rate", "CRITICAL per 100 studies (n)", "MAJOR per 100 studies (n)",
                "MINOR per 100 studies (n)", "INFO per 100 studies (n)"};
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
            add(table, type.tableBold, Trend.ALL_FACILITIES, month.toString(), String.valueOf(m.studies()), String.valueOf(m.pediatricStudies()),
                    String.valueOf(m.ctStudies()), String.valueOf(m.pediatricCtStudies()), percent(m.pediatricProtocolCompliance()),
                    percent(m.repeatRate()), per100(f, Severity.CRITICAL), per100(f, Severity.MAJOR), per100(f, Severity.MINOR),
                    per100(f, Severity.INFO));
        }
        return table;
    }

    /**
     * One decimal, as the audit report prints its findings per 100 studies, and the count behind it: "0.3 (3)", so
     * that three CRITICAL findings are read as three and not as a rate.
     */
    static String per100(MonthFindings f, Severity s) {
        Double v = f == null ? null : f.per100(s);
        return v == null ? "" : String.format(Locale.ROOT, "%.1f (%d)", v, f.findings().getOrDefault(s, 0L));
    }

    /** One row per series, exam type, band and quantity, the months as columns: median, its ratio to the DRL, studies. */
    private MonthBlocks medianTable(Trend t) {
        MonthBlocks table = new MonthBlocks(this, t.monthList(), new String[]{TrendText.seriesName(t.by()), "Exam type", "Band",
                "Quantity", "DRL"}, new float[]{14, 11, 7, 5, 7}, "median (/ DRL), studies; 95 % CI", 10);
        Map<String, Map<YearMonth, DoseMedian>> rows = new LinkedHashMap<>();
        for (DoseMedian d : t.medians()) {
            rows.computeIfAbsent(d.group() + "\u001f" + d.drlSet() + "\u001f" + d.series(), k -> new LinkedHashMap<>()).put(d.month(), d);
        }
        for (Map<YearMonth, DoseMedian> row : rows.values()) {
            DoseMedian any = row.values().iterator().next();
            Map<YearMonth, MonthBlocks.Cell> cells = new LinkedHashMap<>();
            for (DoseMedian d : row.values()) {
                Double ratio = d.ratio();
                Font f = !d.sufficient() ? thin : ratio != null && ratio > 1 ? flagged : type.table;
                // The median's interval under it: a month's move within it may be only another mix of patients.
                ConfidenceInterval ci = d.interval();
                cells.put(d.month(), new MonthBlocks.Cell(number(d.median()) + (ratio == null ? "" : String.format(Locale.ROOT,
                        " (%.2f)", ratio)) + ", " + d.studies() + (d.sufficient() ? "" : " *")
                        + (ci == null ? "" : "\n" + TrendText.range(ci.low(), ci.high())), f));
            }
            table.row(type.table, java.util.Arrays.asList(any.group(), any.examType(), any.band(), any.quantity(),
                    any.drl() == null ? "" : number(any.drl()) + " " + any.unit()), cells);
        }
        return table;
    }

    private PdfPTable stepTable(Trend t) {
        PdfPTable table = table(new String[]{"Facility", "Station", "Protocol", "From", "To", "Median CTDIvol before (mGy, 95 % CI)",
                "Median CTDIvol after (mGy, 95 % CI)", "Change", "Studies before", "Studies after", "Beyond the spread"},
                new float[]{11, 7, 13, 5, 5, 9, 9, 5, 5, 5, 6});
        for (MedianStep s : t.steps()) {
            add(table, s.facility(), s.station(), s.protocol(), s.before().toString(), s.after().toString(),
                    withInterval(s.medianBefore(), s.intervalBefore()), withInterval(s.medianAfter(), s.intervalAfter()),
                    TrendText.changeText(t.stepRule(), s.change()), String.valueOf(s.studiesBefore()), String.valueOf(s.studiesAfter()),
                    s.beyondSampling() ? "yes" : "no");
        }
        return table;
    }

    private static String withInterval(double median, ConfidenceInterval i) {
        return number(median) + (i == null ? "" : " (" + TrendText.range(i.low(), i.high()) + ")");
    }

    private PdfPTable runTable(List<StoredRun> runs) {
        PdfPTable table = table(new String[]{"Period", "Facilities", "Rows", "Studies", "Generated", "Tool version", "Rule set"},
                new float[]{11, 18, 20, 5, 10, 5, 11});
        for (StoredRun r : runs) {
            add(table, r.from() + " to " + r.to(), r.facilities(), r.rows().balance(), String.valueOf(r.studies()),
                    TrendText.stamp(r.generatedAt()), r.toolVersion(), r.shortDigest());
        }
        return table;
    }

    /** The title and caption are the grid's repeated header row, so a title never stands alone at a page's foot. */
    void multiples(Document doc, PdfWriter writer, TrendCharts.Multiples m, String caption) throws DocumentException {
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
        head.addElement(new Paragraph(m.title(), type.h1));
        if (m.instead() != null) {
            // Charts left out on purpose: the sentence saying why is all there is, no caption of charts not drawn.
            head.addElement(new Paragraph(m.instead(), type.body));
            grid.addCell(head);
            doc.add(grid);
            return;
        }
        head.addElement(new Paragraph(caption + (m.without().isEmpty() ? "" : " No value in these months: "
                + String.join(", ", m.without()) + "."), type.small));
        grid.addCell(head);
        grid.setHeaderRows(1);
        for (TrendCharts.Panel p : m.panels()) {
            PdfPCell c = new PdfPCell();
            c.setBorder(0);
            c.setPadding(3);
            c.addElement(type.paragraph(p.title(), panelTitle));
            c.setRunDirection(Typography.runDirection(p.title()));
            // Each legend entry takes a line of the chart's own height: six lines of a median chart left its plot an inch tall.
            int entries = p.chart().getPlot().getLegendItems() == null ? 0 : p.chart().getPlot().getLegendItems().getItemCount();
            c.addElement(VectorChart.of(writer, p.chart(), 250, Math.min(320, 165 + 14 * Math.max(0, entries - 2))));
            if (p.note() != null) c.addElement(new Paragraph(p.note(), type.small));
            grid.addCell(c);
        }
        if (m.panels().isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("Nothing to chart in these months.", type.body));
            none.setColspan(columns);
            none.setBorder(0);
            grid.addCell(none);
        }
        grid.completeRow();
        doc.add(grid);
    }

    PdfPTable table(String[] headers, float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(4);
        for (String h : headers) {
            PdfPCell c = new PdfPCell(new Phrase(h, type.tableHeader));
            c.setBackgroundColor(PRIMARY);
            c.setPadding(3);
            table.addCell(c);
        }
        return table;
    }

    void add(PdfPTable table, String... values) { add(table, type.table, values); }

    void add(PdfPTable table, Font f, String... values) {
        for (String v : values) {
            PdfPCell c = new PdfPCell(type.phrase(v == null ? "" : v, f));
            c.setRunDirection(Typography.runDirection(v == null ? "" : v));
            c.setPadding(2.5f);
            c.setBorderColor(Typography.RULE);
            c.setHorizontalAlignment(Element.ALIGN_LEFT);
            table.addCell(c);
        }
    }

    static String percent(Double share) { return share == null ? "" : String.format(Locale.ROOT, "%.1f %%", 100 * share); }

    /** As the audit report prints them: "DRL 23 mGy", "median 10.5 mGy" (a physicist reads 23.00 as a false precision). */
    static String number(Double v) { return org.alaraaudit.report.SignificantFigures.three(v); }

}
