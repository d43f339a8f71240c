package org.alaraaudit.report.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.alaraaudit.model.Severity;
import org.alaraaudit.report.Palette;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * One quiet look for every chart of the audit and trend PDFs: the report's own typeface (drawn as outlines),
 * white ground, hairline grid, flat bars, no shadows, series in the {@link Palette}'s colour-blind-safe colours
 * and the DRL as a dashed dark-red line. Flat colours also keep PDF/A-1 happy, which forbids transparency.
 */
public final class ChartStyle {
    private static final Font BASE = awtFont("liberation/LiberationSans-Regular.ttf");
    private static final Font BOLD = awtFont("liberation/LiberationSans-Bold.ttf");
    public static final Color GRID = Palette.awt(Palette.GRID);
    public static final Color TEXT = Palette.awt(Palette.CHART_TEXT);
    public static final Color DRL = Palette.awt(Palette.DRL);

    private ChartStyle() {}

    /** A font from inside the jar; the platform's sans serif if it is missing. */
    private static Font awtFont(String resource) {
        try (InputStream in = ChartStyle.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return new Font(Font.SANS_SERIF, Font.PLAIN, 9);
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            return new Font(Font.SANS_SERIF, Font.PLAIN, 9);
        }
    }

    public static Font font(float size) { return BASE.deriveFont(size); }

    public static Font bold(float size) { return BOLD.deriveFont(size); }

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
            case CRITICAL -> Palette.awt(Palette.CRITICAL);
            case MAJOR -> Palette.awt(Palette.MAJOR);
            case MINOR -> Palette.awt(Palette.MINOR);
            case INFO -> Palette.awt(Palette.INFO);
        };
    }

    /** The {@code i}th series' colour, for facilities and the lines of a chart. */
    public static Color series(int i) { return Palette.awt(Palette.series(i)); }

    /** The DRL's dashed line. */
    public static BasicStroke drlStroke() {
        return new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, Palette.DRL_DASH, 0f);
    }

    /** The DRL at {@code value} on a chart's value axis, opaque (PDF/A-1 forbids transparency). */
    public static ValueMarker drlMarker(double value) {
        ValueMarker m = new ValueMarker(value, DRL, drlStroke());
        m.setAlpha(1f);
        return m;
    }

    /**
     * Each series' point: a series with the same values as the one before it (as many MAJOR as MINOR findings each
     * month) is drawn over it, and one circle over another hides it. Shapes of different outline leave the one
     * below showing round the one above, and tell the lines apart on a page printed in black and white.
     */
    private static final Shape[] POINTS = {
            new Ellipse2D.Double(-2.75, -2.75, 5.5, 5.5),
            new Rectangle2D.Double(-2.2, -2.2, 4.4, 4.4),
            polygon(0, -3.2, 3, 2.2, -3, 2.2),
            polygon(0, -3.4, 3.4, 0, 0, 3.4, -3.4, 0),
            polygon(0, 3.2, 3, -2.2, -3, -2.2),
            new Rectangle2D.Double(-3.4, -1.5, 6.8, 3),
    };

    /**
     * Each series' line: solid, then dash patterns a line drawn over an equal one leaves gaps in, so the one below
     * shows through. None is the DRL's own {@link Palette#DRL_DASH}, which stays the DRL's.
     */
    private static final float[][] DASHES = {null, {6f, 2.5f}, {1.5f, 1.5f}, {6f, 2f, 1.5f, 2f}, {9f, 3f}, {3f, 3f}};

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) p.lineTo(xy[i], xy[i + 1]);
        p.closePath();
        return p;
    }

    /** The {@code i}th series' point shape. */
    public static Shape point(int i) { return POINTS[i % POINTS.length]; }

    /** The {@code i}th series' line. */
    public static BasicStroke line(int i) {
        float[] dash = DASHES[i % DASHES.length];
        return dash == null ? new BasicStroke(1.2f) : new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }

    /**
     * Lines in the series colours, each with its own point shape and dash pattern ({@link #point}, {@link #line});
     * a point is drawn hollow where {@code hollow} says so (a month whose sample is too small to judge: shown, not a
     * judgement).
     */
    public static LineAndShapeRenderer lines(int series, java.util.function.BiPredicate<Integer, Integer> hollow) {
        LineAndShapeRenderer r = new LineAndShapeRenderer(true, true) {
            @Override
            public Paint getItemFillPaint(int row, int column) {
                return hollow.test(row, column) ? Color.WHITE : getItemPaint(row, column);
            }
        };
        r.setUseFillPaint(true);
        r.setDrawOutlines(true);
        r.setUseOutlinePaint(false);
        for (int i = 0; i < series; i++) {
            r.setSeriesPaint(i, series(i));
            r.setSeriesStroke(i, line(i));
            r.setSeriesShape(i, point(i));
            r.setSeriesOutlineStroke(i, new BasicStroke(1f));
        }
        return r;
    }
}
