package org.alaraaudit.report.trend;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.alaraaudit.history.trend.FluoroscopyMonth;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.history.trend.TypicalDapMonth;
import org.alaraaudit.history.trend.XrayStationMonth;
import org.alaraaudit.history.trend.XrayTrend;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The trend workbook's radiography and fluoroscopy sheets: "X-ray trend" with one block per figure (a row per
 * station or facility, the months as columns, as the Trend sheet; the charts are drawn from it) and "X-ray typical
 * values", every typical value of the months as a list to filter.
 */
final class XrayTrendSheets {
    static final String SHEET = "X-ray trend";
    static final String TYPICAL = "X-ray typical values";

    private final TrendWorkbook w;
    private final XSSFSheet sheet;

    XrayTrendSheets(TrendWorkbook w) {
        this.w = w;
        this.sheet = w.wb.createSheet(SHEET);
    }

    XSSFSheet sheet() { return sheet; }

    /** Writes both sheets; returns the blocks to chart. */
    List<TrendWorkbook.Block> write(Trend t) {
        XrayTrend x = t.xray();
        List<YearMonth> months = t.monthList();
        List<TrendWorkbook.Block> blocks = new ArrayList<>();
        int[] r = {0};
        Row top = sheet.createRow(r[0]++);
        top.createCell(0).setCellValue("X-ray and fluoroscopy " + t.from() + " to " + t.to());
        top.getCell(0).setCellStyle(w.title);
        for (String text : new String[]{TrendText.xrayMonths(x.runsOverSeveralMonths()), TrendText.RETAKE_DEFINITION,
                TrendText.DEVIATION_DEFINITION, TrendText.SKIN_DEFINITION}) {
            sheet.createRow(r[0]++).createCell(0).setCellValue(text);
        }
        r[0]++;
        if (!x.stations().isEmpty()) {
            blocks.add(stations(r, months, x, "Retake rate (% of radiographs with a body part)", "Retake rate", AxisScale.RATE,
                    XrayStationMonth::retakeRate, w.percent));
            stations(r, months, x, "Radiographs with a body part", null, AxisScale.DATA, s -> (double) s.radiographs(), null);
            stations(r, months, x, "Retakes", null, AxisScale.DATA, s -> (double) s.retakes(), null);
            blocks.add(stations(r, months, x, "Median deviation index", "Deviation index (0 = target)", AxisScale.SIGNED,
                    XrayStationMonth::deviationIndexMedian, w.decimal));
            stations(r, months, x, "Radiographs with a deviation index", null, AxisScale.DATA, s -> (double) s.deviationIndexCount(), null);
            stations(r, months, x, "Deviation index above the overexposure level", null, AxisScale.DATA,
                    s -> (double) s.aboveOverexposure(), null);
            stations(r, months, x, "Deviation index below the underexposure level", null, AxisScale.DATA,
                    s -> (double) s.belowUnderexposure(), null);
        }
        if (!x.fluoroscopy().isEmpty()) {
            blocks.add(facilities(r, months, x, "Skin follow-up (procedures past the substantial radiation dose level)",
                    "Procedures", FluoroscopyMonth::skinFollowUp));
            facilities(r, months, x, "Fluoroscopy procedures (RF, XA)", null, FluoroscopyMonth::procedures);
        }
        sheet.setColumnWidth(0, 46 * 256);
        for (int i = 1; i <= months.size(); i++) sheet.setColumnWidth(i, 11 * 256);
        TrendWorkbook.print(sheet);
        typicalValues(t, x);
        return blocks;
    }

    /** A block of one station figure; a title for the chart when {@code axis} is given, else a block of the sheet only. */
    private TrendWorkbook.Block stations(int[] r, List<YearMonth> months, XrayTrend x, String name, String axis, AxisScale scale,
                                         Function<XrayStationMonth, Double> value, CellStyle style) {
        int head = w.monthHeader(sheet, r, name, months);
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (XrayStationMonth s : x.stations()) {
            Row row = rows.computeIfAbsent(s.series(), k -> {
                Row created = sheet.createRow(r[0]++);
                created.createCell(0).setCellValue(k);
                lines.put(k, created.getRowNum());
                return created;
            });
            TrendWorkbook.number(row, months.indexOf(s.month()) + 1, value.apply(s), style);
        }
        r[0]++;
        return new TrendWorkbook.Block(name, axis, scale, head, top(lines, x), null, null);
    }

    /** The stations with most radiographs first: a chart of many stations shows those in its first lines. */
    private static Map<String, Integer> top(Map<String, Integer> lines, XrayTrend x) {
        Map<String, Long> radiographs = new TreeMap<>();
        for (XrayStationMonth s : x.stations()) radiographs.merge(s.series(), s.radiographs(), Long::sum);
        Map<String, Integer> out = new LinkedHashMap<>();
        radiographs.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), lines.get(e.getKey())));
        return out;
    }

    /** A block of one facility figure, with an All facilities row (counts add up). */
    private TrendWorkbook.Block facilities(int[] r, List<YearMonth> months, XrayTrend x, String name, String axis,
                                           ToLongFunction<FluoroscopyMonth> value) {
        int head = w.monthHeader(sheet, r, name, months);
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        Map<YearMonth, Long> total = new TreeMap<>();
        for (FluoroscopyMonth f : x.fluoroscopy()) {
            Row row = rows.computeIfAbsent(f.facility(), k -> {
                Row created = sheet.createRow(r[0]++);
                created.createCell(0).setCellValue(k);
                lines.put(k, created.getRowNum());
                return created;
            });
            TrendWorkbook.number(row, months.indexOf(f.month()) + 1, (double) value.applyAsLong(f), null);
            total.merge(f.month(), value.applyAsLong(f), Long::sum);
        }
        Row all = sheet.createRow(r[0]++);
        all.createCell(0).setCellValue(Trend.ALL_FACILITIES);
        for (Map.Entry<YearMonth, Long> e : total.entrySet()) {
            TrendWorkbook.number(all, months.indexOf(e.getKey()) + 1, (double) e.getValue(), null);
        }
        r[0]++;
        return new TrendWorkbook.Block(name, axis, AxisScale.DATA, head, lines, null, null);
    }

    private void typicalValues(Trend t, XrayTrend x) {
        Sheet s = w.sheet(t, TYPICAL, "Month", "Facility", "Kind", "Exam", "Age band", "Exposures or procedures",
                "Median DAP (Gy·cm²)", "Months with a value");
        Map<String, Long> months = new TreeMap<>();
        for (TypicalDapMonth v : x.typicalValues()) months.merge(v.series(), 1L, Long::sum);
        int r = 1;
        for (TypicalDapMonth v : x.typicalValues()) {
            Row row = s.createRow(r++);
            int c = 0;
            for (String text : new String[]{v.month().toString(), v.facility(), v.kind(), v.exam(), v.band()}) {
                row.createCell(c++).setCellValue(text);
            }
            row.createCell(c++).setCellValue(v.count());
            row.createCell(c++).setCellValue(v.medianDapGycm2());
            row.createCell(c).setCellValue(months.get(v.series()));
        }
        TrendWorkbook.finish(s, 8);
    }
}
