package org.alaraaudit.report.excel;

import java.util.List;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.audit.PreviousPeriod;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FontFormatting;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The DRL table of the period: each facility x exam type x band group's median against the reference level,
 * the ratio coloured (above 1 is above the DRL), and a chart of the ratios. Few rows, so an XSSF sheet that can
 * hold the chart.
 */
final class DrlSheet {
    static final String NAME = "DRL";
    // The group's names wrap (an exam type over two lines, "adult (18 y and over)" too), so that its figures up
    // to the ratio fit on the first printed page.
    static final List<Column> COLUMNS = List.of(Column.of("facility", 15), Column.of("exam type", 28),
            Column.of("band", 12), Column.of("quantity", 10), Column.of("unit", 9), Column.num("studies", 9),
            Column.num("n (values)", 9), Column.num("phantom (cm)", 9), Column.num("median", 10),
            Column.num("75th percentile", 11), Column.num("DRL", 10), Column.num("DRL phantom (cm)", 10),
            Column.num("ratio (median / DRL)", 13), Column.num("previous median", 10),
            Column.num("previous studies", 10), Column.num("previous ratio", 10), Column.of("previous status", 20),
            Column.of("change in ratio", 22), Column.of("status", 22), Column.num("median 95 % CI, low", 10),
            Column.num("median 95 % CI, high", 10), Column.of("CI wholly above the DRL", 12), Column.of("note", 40),
            Column.of("DRL set", 8), Column.of("source", 50), Column.of("source status", 22), Column.of("group (chart label)", 44));
    static final int RATIO_COLUMN = 12;
    static final int PREVIOUS_MEDIAN_COLUMN = 13;
    static final int CHANGE_COLUMN = 17;
    static final int STATUS_COLUMN = 18;

    private DrlSheet() {}

    /**
     * {@code previous}: the previous period from the history store, or null; its groups fill the previous columns.
     * {@code cited}: each DRL citation's status (shared reference-status rules), beside the citation.
     * {@code whyNoPrevious}: why there is no previous period, for the note under the table when there is none.
     */
    static void write(XSSFWorkbook wb, Styles styles, List<DrlGroup> all, PreviousPeriod previous, org.alaraaudit.report.CitedStatus cited,
                      String whyNoPrevious) {
        List<DrlGroup> groups = ranked(all);
        int judged = (int) groups.stream().filter(DrlSheet::judged).count();
        Table t = new Table(wb, styles, NAME, COLUMNS, Table.EXCEL_DATA_ROWS).open();
        for (DrlGroup g : groups) {
            DrlGroup q = previous == null ? null : previous.group(g);
            RowCells row = t.row();
            row.wrapped(g.facility()).wrapped(g.examName()).wrapped(g.band()).text(g.quantity()).text(unit(g.quantity()))
                    .count(g.studies()).count(g.n()).number(cm(g.phantomCm()), styles.integer)
                    .dose(g.median()).dose(g.p75()).dose(g.drl()).number(cm(g.drlPhantomCm()), styles.integer)
                    .number(g.ratio(), styles.ratio);
            if (q == null) row.skip().skip().skip().skip().skip();
            else row.dose(q.median()).count(q.studies()).number(q.ratio(), styles.ratio).styled(DrlGroup.statusWords(q.status()), styles.centered)
                    .change(change(g, q), notCompared(g, q), styles.signedRatio);
            row.styled(DrlGroup.statusWords(g.status()), styles.centered);
            var ci = g.medianInterval();
            if (ci == null) row.skip().skip().skip();
            else row.dose(ci.low()).dose(ci.high()).styled(g.judged() ? (ci.above(g.drl()) ? "yes" : "no") : "", styles.centered);
            row.wrapped(g.note())
                    .text(g.drlSet()).wrapped(g.source()).text(cited.ofSource(g.source())).wrapped(label(g));
        }
        t.finish();
        XSSFSheet sheet = wb.getSheet(NAME);
        int last = groups.size();
        if (groups.isEmpty()) {
            new RowCells(sheet.createRow(2), styles, 0).styled("No DRL groups in this audit.", styles.note);
            return;
        }
        ratioColours(sheet, last);
        new RowCells(sheet.createRow(last + 2), styles, 0).styled(previous == null
                ? "previous median / ratio: " + whyNoPrevious
                : "previous median / studies / ratio / status: the same facility, exam type, band and quantity in the previous period ("
                + (previous.period() == null || previous.period().isWholeInput() ? "whole input"
                : previous.period().from() + " to " + previous.period().to()) + "); empty where the group did not exist. "
                + "A change in ratio is given only where both periods were judged (enough studies, same phantom): "
                + "a ratio from a few studies is not a change.", styles.note);
        int top = last + 4;
        if (judged == 0) {
            new RowCells(sheet.createRow(top), styles, 0).styled("No group reached the minimum sample: no chart.", styles.note);
            return;
        }
        sheet.setRowBreak(top - 1);
        new BarChart(sheet, "Median / DRL by group with a sufficient sample (above 1: above the DRL)",
                new CellRangeAddress(1, judged, COLUMNS.size() - 1, COLUMNS.size() - 1))
                .series("median / DRL", new CellRangeAddress(1, judged, RATIO_COLUMN, RATIO_COLUMN), org.alaraaudit.report.Palette.series(0))
                .valueAxisTitle("median / DRL")
                .draw(0, top, 11, top + Math.max(16, judged * 3 / 2 + 6));
    }

    /**
     * Judged groups first, highest ratio first, so the chart over them ranks the groups to act on; groups too
     * small to judge follow in their own order, out of the chart (their ratio means little).
     */
    static List<DrlGroup> ranked(List<DrlGroup> groups) {
        List<DrlGroup> out = new java.util.ArrayList<>(groups.stream().filter(DrlSheet::judged)
                .sorted(java.util.Comparator.comparing(DrlGroup::ratio).reversed()).toList());
        groups.stream().filter(g -> !judged(g)).forEach(out::add);
        return out;
    }

    /** The change of the ratio, only when both periods' groups were judged; null otherwise. */
    static Double change(DrlGroup now, DrlGroup before) {
        if (!judged(now) || !judged(before)) return null;
        return org.alaraaudit.report.Cells.rounded(now.ratio() - before.ratio(), 4);
    }

    /** Why there is no change to show, in words, or null when there is one. */
    static String notCompared(DrlGroup now, DrlGroup before) { return DrlGroup.notCompared(now, before); }

    static boolean judged(DrlGroup g) { return g.judged(); }

    /**
     * Red above the DRL, green at or below: the question a reader asks of this sheet. Keyed on the status, so a
     * group too small to judge is not coloured as if it had been judged.
     */
    private static void ratioColours(XSSFSheet sheet, int last) {
        SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
        String status = "$" + (char) ('A' + STATUS_COLUMN) + "2";
        ConditionalFormattingRule above = cf.createConditionalFormattingRule(status + "=\"" + DrlGroup.statusWords("ABOVE") + "\"");
        fill(above, IndexedColors.ROSE, IndexedColors.DARK_RED);
        ConditionalFormattingRule within = cf.createConditionalFormattingRule(status + "=\"" + DrlGroup.statusWords("BELOW") + "\"");
        fill(within, IndexedColors.LIGHT_GREEN, IndexedColors.GREEN);
        CellRangeAddress[] ratio = {new CellRangeAddress(1, last, RATIO_COLUMN, RATIO_COLUMN)};
        cf.addConditionalFormatting(ratio, above, within);
    }

    private static void fill(ConditionalFormattingRule rule, IndexedColors background, IndexedColors font) {
        PatternFormatting p = rule.createPatternFormatting();
        p.setFillBackgroundColor(background.getIndex());
        p.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
        FontFormatting f = rule.createFontFormatting();
        f.setFontColorIndex(font.getIndex());
    }

    static String unit(String quantity) {
        if (quantity == null) return null;
        String q = quantity.toUpperCase(java.util.Locale.ROOT);
        if (q.contains("CTDI") || q.contains("SSDE")) return "mGy";
        if (q.contains("DLP")) return "mGy·cm";
        return null;
    }

    private static Double cm(int phantom) { return phantom > 0 ? (double) phantom : null; }

    private static String label(DrlGroup g) {
        return String.join(" ", nz(g.examName()), nz(g.band()), nz(g.quantity())) + " (" + nz(g.facility()) + ")";
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
