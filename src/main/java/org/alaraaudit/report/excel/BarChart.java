package org.alaraaudit.report.excel;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * A native Excel horizontal bar chart over cells of its (XSSF) sheet: the user can restyle it, and it follows the
 * cells if they are edited. Horizontal, because the category labels (rule ids, DRL groups) are long.
 */
final class BarChart {
    record Series(String name, CellRangeAddress values, int rgb) {}

    private final XSSFSheet sheet;
    private final String title;
    private final CellRangeAddress categories;
    private final List<Series> series = new ArrayList<>();
    private String valueAxisTitle;

    BarChart(XSSFSheet sheet, String title, CellRangeAddress categories) {
        this.sheet = sheet;
        this.title = title;
        this.categories = categories;
    }

    /** A series of bars in a colour of the {@link org.alaraaudit.report.Palette}. */
    BarChart series(String name, CellRangeAddress values, int rgb) {
        series.add(new Series(name, values, rgb));
        return this;
    }

    BarChart valueAxisTitle(String t) {
        this.valueAxisTitle = t;
        return this;
    }

    /** Places the chart over the cells from (col1, row1) to just before (col2, row2). */
    XSSFChart draw(int col1, int row1, int col2, int row2) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col1, row1, col2, row2);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis catAxis = chart.createCategoryAxis(AxisPosition.LEFT);
        // top-to-bottom in table order, as the reader scans the table beside it
        catAxis.setOrientation(AxisOrientation.MAX_MIN);
        XDDFValueAxis valAxis = chart.createValueAxis(AxisPosition.BOTTOM);
        valAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        if (valueAxisTitle != null) valAxis.setTitle(valueAxisTitle);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, catAxis, valAxis);
        data.setBarDirection(BarDirection.BAR);
        data.setVaryColors(false);
        // No stacked bars: Excel needs <c:overlap val="100"/> for them, and poi-ooxml-lite lacks that schema type.
        data.setGapWidth(60);
        var cats = XDDFDataSourcesFactory.fromStringCellRange(sheet, categories);
        for (Series s : series) {
            var values = XDDFDataSourcesFactory.fromNumericCellRange(sheet, s.values());
            XDDFBarChartData.Series bars = (XDDFBarChartData.Series) data.addSeries(cats, values);
            bars.setTitle(s.name(), null);
            bars.setShapeProperties(ChartShapes.fill(s.rgb()));
        }
        chart.plot(data);
        if (series.size() > 1) {
            XDDFChartLegend legend = chart.getOrAddLegend();
            legend.setPosition(LegendPosition.BOTTOM);
        }
        return chart;
    }
}
