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
import org.alaraaudit.history.trend.MonthFigures;
import org.alaraaudit.history.trend.MonthFindings;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.model.Severity;
import org.alaraaudit.report.ReportFile;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The trend as a workbook: a "Trend" sheet with one block per figure, a row per series and the months as columns
 * (numbers as numbers, shares as fractions with a percent format), a "Charts" sheet of native line charts drawn
 * from those cells ({@link TrendChartSheet}), and the details (every median, the flagged steps, the runs) as lists to
 * filter ({@link TrendListSheets}). This class writes the Trend sheet and holds the styles and cell helpers the other
 * sheets share.
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

    /**
     * {@code drlSources}: the DRLs the months' audits judged against, with their status ({@link DrlCitations}). The sheets
     * in the order a reader meets them: the figures, their charts, the lists of medians and steps, the X-ray figures when
     * the store has them (charted after the CT ones), the runs and what the workbook is.
     */
    public static void write(Trend t, List<String> drlSources, Instant generatedAt, Path target) throws IOException {
        TrendWorkbook w = new TrendWorkbook();
        XSSFSheet trend = w.wb.createSheet("Trend");
        TrendChartSheet charts = new TrendChartSheet(w.wb.createSheet("Charts"), t);
        charts.draw(trend, w.trend(trend, t));
        TrendListSheets lists = new TrendListSheets(w, t);
        lists.medians();
        lists.steps();
        if (!t.xray().isEmpty()) {
            XrayTrendSheets x = new XrayTrendSheets(w);
            charts.draw(x.sheet(), x.write(t));
        }
        charts.print();
        lists.runs();
        lists.about(drlSources, generatedAt);
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
