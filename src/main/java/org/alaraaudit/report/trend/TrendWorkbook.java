package org.alaraaudit.report.trend;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.alaraaudit.history.trend.DoseMedian;
import org.alaraaudit.history.trend.Grouping;
import org.alaraaudit.model.ConfidenceInterval;
import org.alaraaudit.history.trend.MedianStep;
import org.alaraaudit.history.trend.MonthFigures;
import org.alaraaudit.history.trend.MonthFindings;
import org.alaraaudit.history.trend.StepRule;
import org.alaraaudit.history.trend.StoredRun;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.model.Severity;
import org.alaraaudit.report.ReportFile;
import org.alaraaudit.report.excel.ChartShapes;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
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
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The trend as a workbook: a "Trend" sheet with one block per figure, a row per series and the months as columns
 * (numbers as numbers, shares as fractions with a percent format), a "Charts" sheet of native line charts drawn
 * from those cells, and the details (every median, the flagged steps, the runs) as lists to filter.
 */
public final class TrendWorkbook {
    final XSSFWorkbook wb = new XSSFWorkbook();
    final CellStyle header;
    final CellStyle title;
    final CellStyle percent;
    final CellStyle decimal;
    final CellStyle oneDecimal;
    /** As above in grey italics: a figure on fewer studies than the minimum sample, as the PDF's hollow points. */
    final CellStyle smallPercent;
    final CellStyle smallDecimal;
    final CellStyle smallOneDecimal;

    private TrendWorkbook() {
        Font bold = wb.createFont();
        bold.setBold(true);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 12);
        title = wb.createCellStyle();
        title.setFont(big);
        percent = wb.createCellStyle();
        percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
        decimal = wb.createCellStyle();
        decimal.setDataFormat(wb.createDataFormat().getFormat("0.00"));
        oneDecimal = wb.createCellStyle();
        oneDecimal.setDataFormat(wb.createDataFormat().getFormat("0.0"));
        Font grey = wb.createFont();
        grey.setItalic(true);
        grey.setColor(org.apache.poi.ss.usermodel.IndexedColors.GREY_50_PERCENT.getIndex());
        smallPercent = small(percent, grey);
        smallDecimal = small(decimal, grey);
        smallOneDecimal = small(oneDecimal, grey);
    }

    private CellStyle small(CellStyle base, Font font) {
        CellStyle s = wb.createCellStyle();
        s.cloneStyleFrom(base);
        s.setFont(font);
        return s;
    }

    /** What the grey italics on the Trend sheet mean. */
    static String smallSampleNote(int minStudies) {
        return "Grey italics: a figure on fewer than " + minStudies + " studies (compliance: pediatric CT studies; repeat rate: CT"
                + " studies; findings per 100: studies; a median: the DRL group's studies), shown but not a judgement: one study"
                + " moves it far.";
    }

    public static void write(Trend t, Instant generatedAt, Path target) throws IOException {
        write(t, List.of(), generatedAt, target);
    }

    /** {@code drlSources}: the DRLs the months' audits judged against, with their status ({@link DrlCitations}). */
    public static void write(Trend t, List<String> drlSources, Instant generatedAt, Path target) throws IOException {
        TrendWorkbook w = new TrendWorkbook();
        w.drlSources = drlSources;
        XSSFSheet trend = w.wb.createSheet("Trend");
        XSSFSheet charts = w.wb.createSheet("Charts");
        List<Block> blocks = w.trend(trend, t);
        int drawn = w.charts(charts, trend, t, blocks, 0);
        w.medians(t);
        w.steps(t);
        if (!t.xray().isEmpty()) {
            XrayTrendSheets x = new XrayTrendSheets(w);
            drawn = w.charts(charts, x.sheet(), t, x.write(t), drawn);
        }
        printCharts(charts, drawn);
        w.runs(t);
        w.about(t, generatedAt);
        try (XSSFWorkbook wb = w.wb) {
            ReportFile.write(target, wb::write);
        }
    }

    /** Rows of one figure on the Trend sheet: where its month header and each series' row are, for the charts. */
    record Block(String title, String axis, AxisScale scale, int monthRow, Map<String, Integer> rows, Integer drlRow,
                         String group) {}

    private List<Block> trend(XSSFSheet s, Trend t) {
        List<YearMonth> months = t.monthList();
        List<Block> blocks = new ArrayList<>();
        int[] r = {0};
        Row top = s.createRow(r[0]++);
        top.createCell(0).setCellValue("Dose trend " + t.from() + " to " + t.to() + ", by " + TrendText.seriesName(t.by()).toLowerCase(java.util.Locale.ROOT));
        top.getCell(0).setCellStyle(title);
        s.createRow(r[0]++).createCell(0).setCellValue(TrendText.FINDINGS_DEFINITION);
        if (TrendText.belowFacility(t.by())) s.createRow(r[0]++).createCell(0).setCellValue(TrendText.notOneStudy(t.by()));
        if (t.notAuditedText() != null) s.createRow(r[0]++).createCell(0).setCellValue(t.notAuditedText());
        s.createRow(r[0]++).createCell(0).setCellValue(smallSampleNote(t.stepRule().minStudies()));
        r[0]++;
        int min = t.stepRule().minStudies();
        blocks.add(block(s, r, t, months, "Studies", "Studies", AxisScale.DATA, m -> (double) m.studies(), null, m -> false));
        // As the PDF's per-month table; the denominators of the shares below, not charted.
        block(s, r, t, months, "Pediatric studies", "Pediatric studies", AxisScale.DATA, m -> (double) m.pediatricStudies(), null, m -> false);
        block(s, r, t, months, "CT studies", "CT studies", AxisScale.DATA, m -> (double) m.ctStudies(), null, m -> false);
        blocks.add(block(s, r, t, months, "Pediatric CT studies", "Pediatric CT studies", AxisScale.DATA, m -> (double) m.pediatricCtStudies(), null,
                m -> false));
        Block compliance = block(s, r, t, months, "Pediatric protocol compliance (% of pediatric CT studies)",
                "Compliance, % of pediatric CT studies", AxisScale.SHARE, MonthFigures::pediatricProtocolCompliance, percent,
                m -> m.pediatricCtStudies() < min);
        // Per protocol the share is 0 or 100 % by definition: its figures stay on this sheet, its lines are not charted.
        if (t.by() != Grouping.PROTOCOL) blocks.add(compliance);
        blocks.add(block(s, r, t, months, "Repeat rate (% of CT studies)", "Repeat rate, % of CT studies", AxisScale.RATE,
                MonthFigures::repeatRate, percent, m -> m.ctStudies() < min));
        for (Severity sev : Severity.values()) {
            blocks.add(findingsBlock(s, r, t, months, sev));
        }
        blocks.addAll(medianBlocks(s, r, t, months));
        s.setColumnWidth(0, 46 * 256);
        for (int i = 1; i <= months.size(); i++) s.setColumnWidth(i, 11 * 256);
        print(s);
        return blocks;
    }

    int monthHeader(Sheet s, int[] r, String name, List<YearMonth> months) {
        Row h = s.createRow(r[0]++);
        h.createCell(0).setCellValue(name);
        h.getCell(0).setCellStyle(header);
        for (int i = 0; i < months.size(); i++) {
            h.createCell(i + 1).setCellValue(months.get(i).toString());
            h.getCell(i + 1).setCellStyle(header);
        }
        return h.getRowNum();
    }

    private Block block(Sheet s, int[] r, Trend t, List<YearMonth> months, String name, String axis, AxisScale scale,
                        Function<MonthFigures, Double> value, CellStyle style, java.util.function.Predicate<MonthFigures> small) {
        int head = monthHeader(s, r, name, months);
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String g : t.groups()) {
            Row row = s.createRow(r[0]++);
            row.createCell(0).setCellValue(g);
            for (MonthFigures m : t.months()) {
                if (m.group().equals(g)) number(row, months.indexOf(m.month()) + 1, value.apply(m), small.test(m) ? smallPercent : style);
            }
            rows.put(g, row.getRowNum());
        }
        // Counts add up across series, so shares of the sums are the network's; as the PDF's rows, not charted.
        if (t.groups().size() > 1) {
            Row total = s.createRow(r[0]++);
            total.createCell(0).setCellValue(Trend.ALL_FACILITIES);
            for (YearMonth month : months) {
                MonthFigures m = t.total(month);
                number(total, months.indexOf(month) + 1, value.apply(m), small.test(m) ? smallPercent : style);
            }
        }
        r[0]++;
        return new Block(name, axis, scale, head, rows, null, null);
    }

    private Block findingsBlock(Sheet s, int[] r, Trend t, List<YearMonth> months, Severity sev) {
        String name = sev.name() + " findings per 100 studies";
        int head = monthHeader(s, r, name, months);
        Map<String, Integer> rows = new LinkedHashMap<>();
        List<String> groups = new ArrayList<>(t.groups());
        groups.add(Trend.ALL_FACILITIES);
        for (String g : groups) {
            Row row = s.createRow(r[0]++);
            row.createCell(0).setCellValue(g);
            for (YearMonth m : months) {
                MonthFindings f = t.findingsOf(g, m);
                if (f != null) number(row, months.indexOf(m) + 1, f.per100(sev), f.studies() < t.stepRule().minStudies() ? smallOneDecimal : oneDecimal);
            }
            if (!g.equals(Trend.ALL_FACILITIES)) rows.put(g, row.getRowNum());
        }
        r[0]++;
        return new Block(name, "Findings per 100 studies", AxisScale.DATA, head, rows, null, null);
    }

    /** Per series, each exam type, band and quantity's median over its DRL; a row of 1s draws the DRL in the charts. */
    private List<Block> medianBlocks(Sheet s, int[] r, Trend t, List<YearMonth> months) {
        Map<String, Map<String, Map<YearMonth, DoseMedian>>> byGroup = new LinkedHashMap<>();
        for (DoseMedian d : t.medians()) {
            if (d.ratio() == null) continue;
            byGroup.computeIfAbsent(d.group(), k -> new LinkedHashMap<>()).computeIfAbsent(d.series(), k -> new LinkedHashMap<>())
                    .put(d.month(), d);
        }
        List<Block> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Map<YearMonth, DoseMedian>>> g : byGroup.entrySet()) {
            String name = "Median / DRL, " + g.getKey();
            int head = monthHeader(s, r, name, months);
            Map<String, Integer> rows = new LinkedHashMap<>();
            for (Map.Entry<String, Map<YearMonth, DoseMedian>> line : g.getValue().entrySet()) {
                Row row = s.createRow(r[0]++);
                row.createCell(0).setCellValue(line.getKey());
                for (DoseMedian d : line.getValue().values()) {
                    number(row, months.indexOf(d.month()) + 1, d.ratio(), d.sufficient() ? decimal : smallDecimal);
                }
                rows.put(line.getKey(), row.getRowNum());
            }
            Row drl = s.createRow(r[0]++);
            drl.createCell(0).setCellValue("DRL");
            for (int i = 0; i < months.size(); i++) number(drl, i + 1, 1.0, decimal);
            r[0]++;
            Map<String, Integer> top = new LinkedHashMap<>();
            List<DoseMedian> all = new ArrayList<>();
            g.getValue().values().forEach(m -> all.addAll(m.values()));
            for (String line : TrendCharts.medianLines(all)) top.put(line, rows.get(line));
            out.add(new Block(name, "Median / DRL (1 = at the DRL)", AxisScale.DATA, head, top, drl.getRowNum(), g.getKey()));
        }
        return out;
    }

    /**
     * One native line chart per block and at most six lines each; more series go on further charts of the same figure.
     * The charts of another data sheet follow those already drawn: {@code first} is how many there are; returns the new count.
     */
    private int charts(XSSFSheet charts, XSSFSheet data, Trend t, List<Block> blocks, int first) {
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
        print(charts);
        return n;
    }

    private void medians(Trend t) {
        Sheet s = sheet(t, "Dose medians", "Month", TrendText.seriesName(t.by()), "DRL set", "Exam type", "Band", "Quantity", "Unit", "Values", "Studies",
                "Median", "DRL", "Median / DRL", "Sample", "95 % CI, low", "95 % CI, high", "CI above the DRL");
        int r = 1;
        for (DoseMedian d : t.medians()) {
            Row row = s.createRow(r++);
            int c = 0;
            for (String v : new String[]{d.month().toString(), d.group(), d.drlSet(), d.examType(), d.band(), d.quantity(), d.unit()}) {
                row.createCell(c++).setCellValue(v);
            }
            row.createCell(c++).setCellValue(d.n());
            row.createCell(c++).setCellValue(d.studies());
            number(row, c++, d.median(), decimal);
            number(row, c++, d.drl(), decimal);
            number(row, c++, d.ratio(), decimal);
            row.createCell(c++).setCellValue(d.sufficient() ? "sufficient" : "below minimum sample");
            // Empty where the month has fewer than 6 values, too few for an interval.
            if (d.interval() != null) {
                number(row, c, d.interval().low(), decimal);
                number(row, c + 1, d.interval().high(), decimal);
            }
            c += 2;
            if (d.drl() != null && d.interval() != null) row.createCell(c).setCellValue(d.aboveDrlBeyondSampling() ? "yes" : "no");
        }
        finish(s, 16);
    }

    private void steps(Trend t) {
        Sheet s = sheet(t, "Median steps", "Facility", "Station", "Protocol", "From month", "To month", "Median CTDIvol before (mGy)",
                "Median CTDIvol after (mGy)", "Change", "Studies before", "Studies after", "95 % CI before, low (mGy)",
                "95 % CI before, high (mGy)", "95 % CI after, low (mGy)", "95 % CI after, high (mGy)", "Beyond the spread");
        int r = 1;
        for (MedianStep m : t.steps()) {
            Row row = s.createRow(r++);
            int c = 0;
            for (String v : new String[]{m.facility(), m.station(), m.protocol(), m.before().toString(), m.after().toString()}) {
                row.createCell(c++).setCellValue(v);
            }
            number(row, c++, m.medianBefore(), decimal);
            number(row, c++, m.medianAfter(), decimal);
            number(row, c++, m.change(), percent);
            row.createCell(c++).setCellValue(m.studiesBefore());
            row.createCell(c++).setCellValue(m.studiesAfter());
            // An empty cell where a month is too small for an interval (fewer than 6 acquisitions).
            for (ConfidenceInterval i : new ConfidenceInterval[]{m.intervalBefore(), m.intervalAfter()}) {
                if (i != null) {
                    number(row, c, i.low(), decimal);
                    number(row, c + 1, i.high(), decimal);
                }
                c += 2;
            }
            row.createCell(c).setCellValue(m.beyondSampling() ? "yes" : "no");
        }
        finish(s, 15);
    }

    private void runs(Trend t) {
        Sheet s = sheet(t, "Runs", "Period from", "Period to", "Facilities", "Studies", "Generated (UTC)", "Tool version",
                "Rule set", "Input files", "Rows read", "Rows audited", "Rows rejected", "Rows duplicate", "Rows excluded",
                "Audited rows outside the period");
        int r = 1;
        for (StoredRun run : t.runs()) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(run.from().toString());
            row.createCell(1).setCellValue(run.to().toString());
            row.createCell(2).setCellValue(run.facilities());
            row.createCell(3).setCellValue(run.studies());
            row.createCell(4).setCellValue(TrendText.stamp(run.generatedAt()));
            row.createCell(5).setCellValue(run.toolVersion());
            row.createCell(6).setCellValue(run.ruleSetDigest());
            row.createCell(7).setCellValue(run.inputs());
            StoredRun.Rows rows = run.rows();
            long[] counts = {rows.read(), rows.audited(), rows.rejected(), rows.duplicate(), rows.excluded(), rows.outsidePeriod()};
            for (int i = 0; i < counts.length; i++) row.createCell(8 + i).setCellValue(counts[i]);
        }
        finish(s, 14);
    }

    private List<String> drlSources = List.of();

    private void about(Trend t, Instant generatedAt) {
        Sheet s = sheet(t, "About", "Item", "Value");
        String[][] rows = {
                {"Months", t.from() + " to " + t.to()},
                {"Series", "by " + TrendText.seriesName(t.by()).toLowerCase(java.util.Locale.ROOT) + "; dose medians are never pooled across facilities"},
                {"Generated", TrendText.stamp(generatedAt)},
                {"Findings per 100 studies", TrendText.FINDINGS_DEFINITION},
                {"By protocol", "a study counts under the standard protocol of its first diagnostic acquisition, at its facility"},
                {"Months not audited", t.notAuditedText() == null ? "none" : t.notAuditedText()},
                {"Median steps", "flagged above " + TrendText.percentText(t.stepRule().fraction()) + " (setting " + StepRule.SETTING
                        + "), at least " + t.stepRule().minStudies() + " studies in both months"},
        };
        int r = 1;
        for (String[] v : rows) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(v[0]);
            row.createCell(1).setCellValue(v[1]);
        }
        // The DRLs the medians are judged against, each with how far it was verified, as the PDF cites them.
        for (String cited : drlSources) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue("DRL source");
            row.createCell(1).setCellValue(cited);
        }
        s.setColumnWidth(0, 26 * 256);
        s.setColumnWidth(1, 120 * 256);
    }

    Sheet sheet(Trend t, String name, String... columns) {
        Sheet s = wb.createSheet(name);
        Row h = s.createRow(0);
        for (int i = 0; i < columns.length; i++) {
            h.createCell(i).setCellValue(columns[i]);
            h.getCell(i).setCellStyle(header);
        }
        s.createFreezePane(0, 1);
        s.setRepeatingRows(new CellRangeAddress(0, 0, 0, columns.length - 1));
        print(s);
        return s;
    }

    /** Rows of charts on one printed page of the Charts sheet (two charts a row, each 20 rows high). */
    static final int CHART_ROWS_PER_PAGE = 3;

    /**
     * The Charts sheet printed portrait, one page wide, with a page break between every {@link #CHART_ROWS_PER_PAGE}
     * rows of charts: without them a printer (or LibreOffice's PDF export) cut charts across pages, a title on one
     * page and its lines on the next. One page wide, three rows of 20 fit an A4 page with room to spare.
     */
    static void printCharts(XSSFSheet charts, int drawn) {
        print(charts);
        charts.getPrintSetup().setLandscape(false);
        int chartRows = (drawn + 1) / 2;
        for (int r = CHART_ROWS_PER_PAGE; r < chartRows; r += CHART_ROWS_PER_PAGE) charts.setRowBreak(2 + r * 20 - 1);
    }

    /** Printed landscape, one page wide, as many pages long as it takes. */
    static void print(Sheet s) {
        s.setFitToPage(true);
        PrintSetup p = s.getPrintSetup();
        p.setLandscape(true);
        p.setPaperSize(PrintSetup.A4_PAPERSIZE);
        p.setFitWidth((short) 1);
        p.setFitHeight((short) 0);
    }

    static void number(Row row, int c, Double v, CellStyle style) {
        if (v == null) return;
        row.createCell(c).setCellValue(v);
        if (style != null) row.getCell(c).setCellStyle(style);
    }

    static void finish(Sheet s, int columns) {
        for (int i = 0; i < columns; i++) s.setColumnWidth(i, 16 * 256);
        if (s.getLastRowNum() > 0) s.setAutoFilter(new CellRangeAddress(0, s.getLastRowNum(), 0, columns - 1));
    }
}
