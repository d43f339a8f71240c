package org.alaraaudit.report.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import org.alaraaudit.model.Severity;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * One quiet look for every chart: the report's own typeface (drawn as outlines), white ground, hairline grid,
 * flat bars and no shadows. Flat colours also keep PDF/A-1 happy, which forbids transparency.
 */
final class ChartStyle {
    private static final Font BASE = awtFont("liberation/LiberationSans-Regular.ttf");
    private static final Font BOLD = awtFont("liberation/LiberationSans-Bold.ttf");
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color TEXT = new Color(0x33, 0x33, 0x33);

    private ChartStyle() {}

    private static Font awtFont(String resource) {
        try (InputStream in = ChartStyle.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return new Font(Font.SANS_SERIF, Font.PLAIN, 9);
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            return new Font(Font.SANS_SERIF, Font.PLAIN, 9);
        }
    }

    static Font font(float size) { return BASE.deriveFont(size); }

    static Font bold(float size) { return BOLD.deriveFont(size); }

    static StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("report");
        t.setExtraLargeFont(bold(11));
        t.setLargeFont(font(9));
        t.setRegularFont(font(8));
        t.setSmallFont(font(7.5f));
        t.setTitlePaint(TEXT);
        t.setAxisLabelPaint(TEXT);
        t.setTickLabelPaint(TEXT);
        t.setLegendItemPaint(TEXT);
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setPlotOutlinePaint(Color.WHITE);
        t.setRangeGridlinePaint(GRID);
        t.setDomainGridlinePaint(GRID);
        t.setBarPainter(new StandardBarPainter());
        t.setShadowVisible(false);
        t.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return t;
    }

    static void finish(JFreeChart chart) {
        theme().apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 2, 4, 8));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setFrame(BlockBorder.NONE);
            legend.setItemFont(font(7.5f));
        }
        if (chart.getPlot() instanceof CategoryPlot p) {
            p.setRangeGridlineStroke(new BasicStroke(0.5f));
            p.setOutlineVisible(false);
            // Horizontal bars read against a scale at the bottom, where the eye ends.
            p.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
            CategoryAxis d = p.getDomainAxis();
            d.setTickLabelFont(font(7.5f));
            d.setMaximumCategoryLabelWidthRatio(0.45f);
            d.setCategoryMargin(0.15);
            d.setAxisLineVisible(false);
            d.setTickMarksVisible(false);
            p.getRangeAxis().setTickLabelFont(font(7.5f));
            p.getRangeAxis().setLabelFont(font(8));
            p.getRangeAxis().setAxisLineVisible(false);
            if (p.getRenderer() instanceof BarRenderer r) {
                r.setDrawBarOutline(false);
                r.setShadowVisible(false);
                r.setItemMargin(0.05);
                r.setMaximumBarWidth(0.06);
            }
        }
    }

    static Color severity(Severity s) {
        return switch (s) {
            case CRITICAL -> new Color(0x9E, 0x1B, 0x1B);
            case MAJOR -> new Color(0xE0, 0x7B, 0x25);
            case MINOR -> new Color(0xE9, 0xC4, 0x6A);
            case INFO -> new Color(0x9A, 0xA5, 0xB1);
        };
    }

    /** A palette that stays distinct in greyscale print, for facilities. */
    static Color series(int i) {
        Color[] c = {new Color(0x1F, 0x3A, 0x5F), new Color(0x4F, 0x8F, 0xBF), new Color(0xA3, 0xC4, 0xDC),
                new Color(0x6B, 0x8E, 0x23), new Color(0x8C, 0x6D, 0x31), new Color(0x7B, 0x41, 0x73)};
        return c[i % c.length];
    }
}
