package org.alaraaudit.report.trend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.Document;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.DefaultFontMapper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.alaraaudit.history.trend.Grouping;
import org.alaraaudit.history.trend.MonthFigures;
import org.alaraaudit.history.trend.MonthFindings;
import org.alaraaudit.history.trend.StepRule;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.history.trend.XrayTrend;
import org.alaraaudit.model.Severity;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.junit.jupiter.api.Test;

/** The months under a trend chart, as a reader of the printed page sees them. */
class TrendChartMonthsTest {
    static final YearMonth FIRST = YearMonth.of(2025, 11);

    /** {@code count} months from November 2025 of one facility, each month audited unless named in {@code notAudited}. */
    static Trend months(int count, List<YearMonth> notAudited) {
        List<MonthFigures> figures = new ArrayList<>();
        List<MonthFindings> findings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            YearMonth m = FIRST.plusMonths(i);
            if (notAudited.contains(m)) continue;
            figures.add(new MonthFigures(m, "General", 1200, 1000, 1100, 1000, 40 + i, 30, Map.of()));
            Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
            bySeverity.put(Severity.MAJOR, 12L + i);
            bySeverity.put(Severity.MINOR, 12L + i);
            findings.add(new MonthFindings(m, "General", 1200, bySeverity));
        }
        return new Trend(FIRST, FIRST.plusMonths(count - 1), Grouping.FACILITY, "store", figures, findings, List.of(), List.of(),
                new StepRule(0.2, "test", 10), List.of(), XrayTrend.NONE, notAudited, Map.of());
    }

    /**
     * The chart drawn at the trend PDF's size with its text kept as text (the report draws it as outlines, which no
     * text extraction reads), read back from the page.
     */
    static String printedText(JFreeChart chart) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate());
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.open();
        PdfTemplate tpl = writer.getDirectContent().createTemplate(250, 165);
        Graphics2D g2 = tpl.createGraphics(250, 165, new DefaultFontMapper());
        // JFreeChart draws turned text as glyph outlines unless told otherwise; here it must stay text to be read.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, 250, 165));
        } finally {
            TextUtils.setUseDrawRotatedStringWorkaround(true);
            g2.dispose();
        }
        doc.add(Image.getInstance(tpl));
        doc.close();
        // Glyph by glyph in the order drawn: a text extractor's line finding drops slanted and upright labels.
        StringBuilder drawn = new StringBuilder();
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    drawn.append(text.getUnicode());
                }
            }.getText(pdf);
        }
        return drawn.toString();
    }

    private static void everyMonthIsPrintedWhole(int count) throws Exception {
        Trend t = months(count, List.of());
        for (TrendCharts.Multiples m : TrendCharts.all(t)) {
            for (TrendCharts.Panel p : m.panels()) {
                String text = printedText(p.chart());
                for (YearMonth month : t.monthList()) {
                    assertTrue(text.contains(month.toString()), m.title() + ": " + month + " is printed whole in\n" + text);
                }
            }
        }
    }

    @Test
    void aYearOfMonthsIsPrintedUnderEveryChartWithEachMonthWhole() throws Exception {
        everyMonthIsPrintedWhole(12);
    }

    @Test
    void twoYearsOfMonthsArePrintedUnderEveryChartWithEachMonthWhole() throws Exception {
        everyMonthIsPrintedWhole(24);
    }
}
