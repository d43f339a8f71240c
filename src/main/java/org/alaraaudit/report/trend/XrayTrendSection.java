package org.alaraaudit.report.trend;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.alaraaudit.history.trend.FluoroscopyMonth;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.history.trend.TypicalDapMonth;
import org.alaraaudit.history.trend.XrayStationMonth;
import org.alaraaudit.history.trend.XrayTrend;

/**
 * The trend PDF's "X-ray and fluoroscopy" section: retake rate and median deviation index per station, the skin
 * follow-up list per month, and the typical DAP of each exam and age band over the months, with their charts.
 * Only written when the store holds such figures for the months.
 */
final class XrayTrendSection {
    /** Rows of the typical-value table, as the audit report's figure tables; the workbook has them all. */
    private static final int MAX_TYPICAL = 40;

    private XrayTrendSection() {}

    static void write(TrendPdf pdf, Document doc, PdfWriter writer, Trend t) throws DocumentException {
        XrayTrend x = t.xray();
        List<YearMonth> months = t.monthList();
        pdf.section(doc, "X-ray and fluoroscopy");
        doc.add(new Paragraph(TrendText.xrayMonths(x.runsOverSeveralMonths()), pdf.type.small));
        if (!x.stations().isEmpty()) {
            doc.add(new Paragraph(TrendText.RETAKE_DEFINITION, pdf.type.small));
            stationTable(pdf, months, x.stations(), "Retake rate", s -> s.radiographs() == 0 ? ""
                    : TrendPdf.percent(s.retakeRate()) + " of " + s.radiographs()).write(doc);
            doc.add(new Paragraph(TrendText.DEVIATION_DEFINITION, pdf.type.small));
            stationTable(pdf, months, x.stations(), "Median deviation index", s -> s.deviationIndexMedian() == null ? ""
                    : String.format(Locale.ROOT, "%.2f (n %d, +%d/\u2212%d)", s.deviationIndexMedian(), s.deviationIndexCount(),
                    s.aboveOverexposure(), s.belowUnderexposure())).write(doc);
        }
        if (!x.fluoroscopy().isEmpty()) {
            doc.add(new Paragraph(TrendText.SKIN_DEFINITION, pdf.type.small));
            skinTable(pdf, months, x).write(doc);
        }
        List<TypicalDapMonth> typical = x.typicalValuesOverMonths();
        if (!typical.isEmpty()) {
            doc.add(new Paragraph(TrendText.TYPICAL_DEFINITION, pdf.type.small));
            Map<String, Long> counts = new LinkedHashMap<>();
            for (TypicalDapMonth v : typical) counts.merge(v.series(), v.count(), Long::sum);
            List<String> shown = shown(typical, MAX_TYPICAL);
            typicalTable(pdf, months, typical.stream().filter(v -> shown.contains(v.series())).toList()).write(doc);
            if (counts.size() > shown.size()) {
                doc.add(new Paragraph("The " + shown.size() + " of " + counts.size() + " exams and bands chosen children's first, then"
                        + " with most exposures or procedures; every one is in the workbook's sheet \"" + XrayTrendSheets.TYPICAL + "\".", pdf.type.small));
            }
        }
        for (TrendCharts.Multiples m : TrendCharts.xray(t)) {
            pdf.multiples(doc, writer, m, m.title().equals(TrendCharts.SKIN_TITLE)
                    ? "One line per facility: the procedures put on the skin follow-up list in each month."
                    : "One chart per facility, a line per station; " + m.scale().words() + " A hollow point "
                    + "stands on fewer than " + t.stepRule().minStudies() + " radiographs: shown, not a judgement.");
        }
    }

    private static MonthBlocks stationTable(TrendPdf pdf, List<YearMonth> months, List<XrayStationMonth> stations, String what,
                                            Function<XrayStationMonth, String> cell) {
        Map<String, Map<YearMonth, XrayStationMonth>> rows = new LinkedHashMap<>();
        for (XrayStationMonth s : stations) rows.computeIfAbsent(s.series(), k -> new LinkedHashMap<>()).put(s.month(), s);
        MonthBlocks table = new MonthBlocks(pdf, months, new String[]{"Facility / station"}, new float[]{16},
                what.toLowerCase(Locale.ROOT), 10);
        for (Map.Entry<String, Map<YearMonth, XrayStationMonth>> row : rows.entrySet()) {
            Map<YearMonth, MonthBlocks.Cell> cells = new LinkedHashMap<>();
            for (XrayStationMonth s : row.getValue().values()) cells.put(s.month(), new MonthBlocks.Cell(cell.apply(s), pdf.type.table));
            table.row(pdf.type.table, List.of(row.getKey()), cells);
        }
        return table;
    }

    private static MonthBlocks skinTable(TrendPdf pdf, List<YearMonth> months, XrayTrend x) {
        Map<String, Map<YearMonth, FluoroscopyMonth>> rows = new LinkedHashMap<>();
        for (FluoroscopyMonth f : x.fluoroscopy()) rows.computeIfAbsent(f.facility(), k -> new LinkedHashMap<>()).put(f.month(), f);
        MonthBlocks table = new MonthBlocks(pdf, months, new String[]{"Facility"}, new float[]{16}, "skin follow-up / procedures", 10);
        for (Map.Entry<String, Map<YearMonth, FluoroscopyMonth>> row : rows.entrySet()) {
            Map<YearMonth, MonthBlocks.Cell> cells = new LinkedHashMap<>();
            for (FluoroscopyMonth f : row.getValue().values()) {
                cells.put(f.month(), new MonthBlocks.Cell(f.skinFollowUp() + " / " + f.procedures(), pdf.type.table));
            }
            table.row(pdf.type.table, List.of(row.getKey()), cells);
        }
        Map<YearMonth, Long> skin = x.skinFollowUpByMonth();
        Map<YearMonth, Long> procedures = new LinkedHashMap<>();
        for (FluoroscopyMonth f : x.fluoroscopy()) procedures.merge(f.month(), f.procedures(), Long::sum);
        Map<YearMonth, MonthBlocks.Cell> all = new LinkedHashMap<>();
        for (YearMonth m : months) {
            if (skin.containsKey(m)) all.put(m, new MonthBlocks.Cell(skin.get(m) + " / " + procedures.get(m), pdf.type.tableBold));
        }
        table.row(pdf.type.tableBold, List.of(Trend.ALL_FACILITIES), all);
        return table;
    }

    /**
     * The series the table shows when it cannot show them all: children's bands first, as the audit report's table of
     * typical values (the audit is of children's doses), then those with most exposures or procedures.
     */
    static List<String> shown(List<TypicalDapMonth> typical, int max) {
        Map<String, Long> counts = new LinkedHashMap<>();
        java.util.Set<String> adult = new java.util.HashSet<>();
        for (TypicalDapMonth v : typical) {
            counts.merge(v.series(), v.count(), Long::sum);
            if (v.band() != null && v.band().startsWith("adult")) adult.add(v.series());
        }
        return counts.entrySet().stream().sorted(Comparator.<Map.Entry<String, Long>, Boolean>comparing(e -> adult.contains(e.getKey()))
                .thenComparing(Map.Entry.<String, Long>comparingByValue().reversed())
                .thenComparing(Map.Entry.comparingByKey())).limit(max).map(Map.Entry::getKey).toList();
    }

    private static MonthBlocks typicalTable(TrendPdf pdf, List<YearMonth> months, List<TypicalDapMonth> typical) {
        Map<String, Map<YearMonth, TypicalDapMonth>> rows = new LinkedHashMap<>();
        for (TypicalDapMonth v : typical) rows.computeIfAbsent(v.series(), k -> new LinkedHashMap<>()).put(v.month(), v);
        MonthBlocks table = new MonthBlocks(pdf, months, new String[]{"Facility", "Kind", "Exam", "Age band"},
                new float[]{12, 7, 11, 5}, "median DAP, n", 8);
        for (Map<YearMonth, TypicalDapMonth> row : rows.values()) {
            TypicalDapMonth any = row.values().iterator().next();
            Map<YearMonth, MonthBlocks.Cell> cells = new LinkedHashMap<>();
            for (TypicalDapMonth v : row.values()) {
                cells.put(v.month(), new MonthBlocks.Cell(dap(v.medianDapGycm2()) + ", " + v.count(), pdf.type.table));
            }
            table.row(pdf.type.table, java.util.Arrays.asList(any.facility(), any.kind(), any.exam(), any.band()), cells);
        }
        return table;
    }

    /** Three significant digits: a child's chest radiograph is a few hundredths of a Gy·cm², a procedure tens. */
    static String dap(double v) { return org.alaraaudit.report.SignificantFigures.three(v); }
}
