package org.alaraaudit.report.trend;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alaraaudit.history.trend.Grouping;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.report.excel.ChartShapes;
import org.alaraaudit.report.trend.TrendWorkbook.Block;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The trend workbook's "Charts" sheet: native line charts drawn from the cells of the Trend sheet and then of the X-ray
 * trend sheet, two a row, and printed one page wide with no chart cut by a page break.
 */
final class TrendChartSheet {
    private final XSSFSheet sheet;
    private final Trend t;
    /** Charts drawn so far: those of a further data sheet follow them. */
    private int drawn;

    TrendChartSheet(XSSFSheet sheet, Trend t) {
        this.sheet = sheet;
        this.t = t;
    }

    /** The charts of one data sheet's blocks, after those already drawn. */
    void draw(XSSFSheet data, List<Block> blocks) {
        drawn = draw(sheet, data, t, blocks, drawn);
    }

    /** The print setup, once every chart is drawn (its page breaks depend on how many there are). */
    void print() {
        printCharts(sheet, drawn);
    }

    /** Rows of charts on one printed page of the Charts sheet (two charts a row, each 20 rows high). */
    static final int CHART_ROWS_PER_PAGE = 3;

    /**
     * The Charts sheet printed portrait, one page wide, with a page break between every {@link #CHART_ROWS_PER_PAGE}
     * rows of charts: without them a printer (or LibreOffice's PDF export) cut charts across pages, a title on one
     * page and its lines on the next. One page wide, three rows of 20 fit an A4 page with room to spare.
     */
    static void printCharts(XSSFSheet charts, int drawn) {
        TrendWorkbook.print(charts);
        charts.getPrintSetup().setLandscape(false);
        int chartRows = (drawn + 1) / 2;
        for (int r = CHART_ROWS_PER_PAGE; r < chartRows; r += CHART_ROWS_PER_PAGE) charts.setRowBreak(2 + r * 20 - 1);
    }

    /**
     * One native line chart per block and at most six lines each; more series go on further charts of the same figure.
     * The charts of another data sheet follow those already drawn: {@code first} is how many there are; returns the new count.
     */
    private static int draw(XSSFSheet charts, XSSFSheet data, Trend t, List<Block> blocks, int first) {
        XSSFDrawing drawing = charts.createDrawingPatriarch();
        int months = t.monthList().size();
        int n = first;
        if (first == 0) {
            Row note = charts.createRow(0);
            note.createCell(0).setCellValue("Drawn from the Trend sheet (and the X-ray trend sheet). Percentages are drawn from 0 (compliance from 0 to 100 %), so a slope is the change to scale; the other charts' axes are scaled to their own values."
                    + (t.by() == Grouping.PROTOCOL ? " " + TrendCharts.COMPLIANCE_BY_PROTOCOL : ""));
        }
        for (Block b : blocks) {
            // A series without a value (a radiography room's CT share) would be an empty legend entry.
            List<Map.Entry<String, Integer>> lines = new ArrayList<>();
            for (Map.Entry<String, Integer> e : b.rows().entrySet()) {
                Row row = data.getRow(e.getValue());
                for (int c = 1; c <= months; c++) {
                    if (row.getCell(c) != null) {
                        lines.add(e);
                        break;
                    }
                }
            }
            for (int from = 0; from < Math.max(1, lines.size()); from += TrendCharts.MAX_LINES) {
                List<Map.Entry<String, Integer>> part = lines.subList(from, Math.min(lines.size(), from + TrendCharts.MAX_LINES));
                if (part.isEmpty()) continue;
                int col = (n % 2) * 9;
                int row = 2 + (n / 2) * 20;
                n++;
                XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col, row, col + 8, row + 19);
                XSSFChart chart = drawing.createChart(anchor);
                String name = b.title() + (lines.size() > TrendCharts.MAX_LINES
                        ? " (" + (from + 1) + "-" + (from + part.size()) + " of " + lines.size() + ")" : "");
                chart.setTitleText(name);
                chart.setTitleOverlay(false);
                chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
                XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
                XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
                y.setTitle(b.axis());
                y.setCrosses(AxisCrosses.MIN);
                if (b.scale().percent()) y.setNumberFormat(b.scale().percentFormat());
                XDDFLineChartData lc = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
                // The sheet's columns are the audited months; the chart has every month of the range, so that a month
                // not audited stands at its place with no value and the line breaks there (shown as a gap, not as 0).
                chart.displayBlanksAs(DisplayBlanks.GAP);
                List<YearMonth> audited = t.monthList();
                List<YearMonth> every = t.chartMonths();
                XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromArray(every.stream().map(YearMonth::toString).toArray(String[]::new));
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                List<Integer> rows = new ArrayList<>();
                for (Map.Entry<String, Integer> e : part) rows.add(e.getValue());
                if (b.drlRow() != null) rows.add(b.drlRow());
                int colour = 0;
                for (int rr : rows) {
                    Double[] values = new Double[every.size()];
                    for (int i = 0; i < every.size(); i++) {
                        int column = audited.indexOf(every.get(i)) + 1;
                        org.apache.poi.ss.usermodel.Cell cell = column == 0 ? null : data.getRow(rr).getCell(column);
                        values[i] = cell == null ? null : cell.getNumericCellValue();
                    }
                    XDDFNumericalDataSource<Double> vals = XDDFDataSourcesFactory.fromArray(values);
                    XDDFLineChartData.Series series = (XDDFLineChartData.Series) lc.addSeries(cats, vals);
                    series.setTitle(data.getRow(rr).getCell(0).getStringCellValue(), new CellReference(data.getSheetName(), rr, 0, true, true));
                    series.setSmooth(false);
                    boolean drl = rr == (b.drlRow() == null ? -1 : b.drlRow());
                    series.setMarkerStyle(drl ? MarkerStyle.NONE : MarkerStyle.CIRCLE);
                    series.setShapeProperties(drl ? ChartShapes.drlLine() : ChartShapes.line(colour++));
                    for (int c = 1; c <= months; c++) {
                        org.apache.poi.ss.usermodel.Cell cell = data.getRow(rr).getCell(c);
                        if (cell == null) continue;
                        lo = Math.min(lo, cell.getNumericCellValue());
                        hi = Math.max(hi, cell.getNumericCellValue());
                    }
                }
                if (lo <= hi) {
                    // Scaled to the values, on round numbers a reader can take in; a percentage from 0 (AxisScale).
                    double span = Math.max(hi - lo, b.scale().percent() ? 0.005 : 0.2);
                    double step = Math.pow(10, Math.floor(Math.log10(span))) / 2;
                    // Cut at 0 unless a value is below it (a deviation index is).
                    double min = Math.floor((lo - span * 0.1) / step) * step;
                    y.setMinimum(lo >= 0 ? Math.max(0, min) : min);
                    y.setMaximum(Math.ceil((hi + span * 0.1) / step) * step);
                    if (b.scale().lower() != null) y.setMinimum(b.scale().lower());
                    if (b.scale().upper() != null) y.setMaximum(b.scale().upper());
                }
                chart.plot(lc);
            }
        }
        TrendWorkbook.print(charts);
        return n;
    }
}
