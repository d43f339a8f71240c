package org.alaraaudit.report.trend;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alaraaudit.history.trend.DoseMedian;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.model.ConfidenceInterval;
import org.alaraaudit.report.Palette;
import org.alaraaudit.report.pdf.Typography;

/**
 * "Medians against the DRL, every series": one row per series, exam type, band and quantity, the months as columns.
 * Two years of months do not fit a page's width, so the months come in blocks of at most {@link #MAX_MONTHS}, each a
 * table of its own with the series columns repeated and a first row naming its months. Every column is at least as
 * wide as its longest word or number, and a cell breaks its text only at a space, so no word and no number is ever
 * split across lines (at 24 months in one table, "Elsewhere" was printed as "Elsewher / e" and an interval as
 * "0.3-1." / "73").
 */
final class MedianTable {
    /** Months side by side at most: six such cells and the series columns fill a landscape A4 page. */
    static final int MAX_MONTHS = 6;

    private static final float CELL_PADDING = 2.5f;
    private static final float HEADER_PADDING = 3f;
    /** Borders and the rounding of the measured widths. */
    private static final float SLACK = 1.5f;
    private static final float[] SERIES_WEIGHTS = {14, 11, 7, 5, 7};
    private static final float MONTH_WEIGHT = 10;
    private static final String MONTH_HEADER = "median (/ DRL), studies; 95 % CI";

    /** Lines break at a space and nowhere else: not inside "0-<1y", "SECH-CT1" or "0.3\u20131.73". */
    private static final DefaultSplitCharacter AT_SPACES = new DefaultSplitCharacter() {
        @Override
        public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
            return Character.isWhitespace(getCurrentCharacter(current, cc, ck));
        }
    };

    private record Cell(String text, Font font) {}

    private final TrendPdf pdf;
    private final Trend t;
    private final List<YearMonth> months;
    /** Per series, its five series cells, then one cell per month (null: no median that month). */
    private final List<List<Cell>> rows = new ArrayList<>();
    private final String[] seriesHeaders;

    MedianTable(TrendPdf pdf, Trend t) {
        this.pdf = pdf;
        this.t = t;
        this.months = t.monthList();
        this.seriesHeaders = new String[]{TrendText.seriesName(t.by()), "Exam type", "Band", "Quantity", "DRL"};
        Map<String, Map<YearMonth, DoseMedian>> bySeries = new LinkedHashMap<>();
        for (DoseMedian d : t.medians()) {
            bySeries.computeIfAbsent(d.group() + "\u001f" + d.drlSet() + "\u001f" + d.series(), k -> new LinkedHashMap<>())
                    .put(d.month(), d);
        }
        Font plain = pdf.type.table;
        for (Map<YearMonth, DoseMedian> series : bySeries.values()) {
            DoseMedian any = series.values().iterator().next();
            List<Cell> row = new ArrayList<>();
            for (String s : new String[]{any.group(), any.examType(), any.band(), any.quantity(),
                    any.drl() == null ? "" : TrendPdf.number(any.drl()) + " " + any.unit()}) {
                row.add(new Cell(s == null ? "" : s, plain));
            }
            for (YearMonth m : months) row.add(monthCell(series.get(m)));
            rows.add(row);
        }
    }

    private Cell monthCell(DoseMedian d) {
        if (d == null) return null;
        Double ratio = d.ratio();
        Font f = !d.sufficient() ? pdf.thin : ratio != null && ratio > 1 ? pdf.flagged : pdf.type.table;
        // The median's interval under it: a month's move within it may be only another mix of patients.
        ConfidenceInterval ci = d.interval();
        return new Cell(TrendPdf.number(d.median()) + (ratio == null ? "" : String.format(Locale.ROOT, " (%.2f)", ratio)) + ", "
                + d.studies() + (d.sufficient() ? "" : " *")
                + (ci == null ? "" : "\n" + TrendText.range(ci.low(), ci.high())), f);
    }

    /** The blocks of months, each a table: months in order, at most {@link #MAX_MONTHS} and as even as they divide. */
    void write(Document doc) throws DocumentException {
        float available = doc.right() - doc.left();
        float[] seriesMin = new float[seriesHeaders.length];
        float fixed = 0;
        for (int c = 0; c < seriesHeaders.length; c++) {
            seriesMin[c] = width(seriesHeaders[c], pdf.type.tableHeader) + 2 * HEADER_PADDING;
            for (List<Cell> row : rows) seriesMin[c] = Math.max(seriesMin[c], width(row.get(c).text(), row.get(c).font()) + 2 * CELL_PADDING);
            seriesMin[c] += SLACK;
            fixed += seriesMin[c];
        }
        float monthMin = Math.max(width("0000-00", pdf.type.tableHeader), width(MONTH_HEADER, pdf.type.tableHeader)) + 2 * HEADER_PADDING;
        for (List<Cell> row : rows) {
            for (int c = seriesHeaders.length; c < row.size(); c++) {
                Cell cell = row.get(c);
                if (cell != null) monthMin = Math.max(monthMin, width(cell.text(), cell.font()) + 2 * CELL_PADDING);
            }
        }
        monthMin += SLACK;
        int perBlock = Math.max(1, Math.min(MAX_MONTHS, months.size()));
        while (perBlock > 1 && fixed + perBlock * monthMin > available) perBlock--;
        int blocks = Math.max(1, (months.size() + perBlock - 1) / perBlock);
        perBlock = Math.max(1, (months.size() + blocks - 1) / blocks);

        // What the minimum widths leave over goes to the columns by their weights, as the single table had them.
        float weights = MONTH_WEIGHT * perBlock;
        for (float w : SERIES_WEIGHTS) weights += w;
        float extra = Math.max(0, available - fixed - perBlock * monthMin);
        float[] seriesWidths = new float[seriesMin.length];
        for (int c = 0; c < seriesMin.length; c++) seriesWidths[c] = seriesMin[c] + extra * SERIES_WEIGHTS[c] / weights;
        float monthWidth = monthMin + extra * MONTH_WEIGHT / weights;

        for (int b = 0; b < blocks; b++) {
            int from = b * perBlock;
            int to = Math.min(months.size(), from + perBlock);
            if (from >= to) break;
            doc.add(block(b, blocks, from, to, seriesWidths, monthWidth));
        }
    }

    private PdfPTable block(int b, int blocks, int from, int to, float[] seriesWidths, float monthWidth) throws DocumentException {
        int columns = seriesWidths.length + (to - from);
        float[] widths = new float[columns];
        float total = 0;
        for (int c = 0; c < columns; c++) {
            widths[c] = c < seriesWidths.length ? seriesWidths[c] : monthWidth;
            total += widths[c];
        }
        PdfPTable table = new PdfPTable(columns);
        table.setTotalWidth(widths);
        table.setLockedWidth(true);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.setSpacingBefore(8);
        // The block's months as its first row, repeated with the column headers on a page the block runs onto.
        String caption = blocks == 1 ? "Months " + months.get(from) + " to " + months.get(to - 1)
                : "Months " + months.get(from) + " to " + months.get(to - 1) + " (block " + (b + 1) + " of " + blocks + "; months "
                + (from + 1) + "\u2013" + to + " of " + months.size() + ")";
        PdfPCell head = new PdfPCell(phrase(caption, pdf.type.h2));
        head.setColspan(columns);
        head.setBorder(0);
        head.setPaddingLeft(0);
        head.setPaddingBottom(4);
        table.addCell(head);
        for (String h : seriesHeaders) table.addCell(headerCell(h));
        for (int i = from; i < to; i++) table.addCell(headerCell(months.get(i) + "\n" + MONTH_HEADER));
        table.setHeaderRows(2);
        int shown = 0;
        for (List<Cell> row : rows) {
            List<Cell> cells = row.subList(seriesHeaders.length + from, seriesHeaders.length + to);
            // A series with no median in the block's months has no line in it.
            if (cells.stream().allMatch(c -> c == null)) continue;
            for (int c = 0; c < seriesHeaders.length; c++) table.addCell(bodyCell(row.get(c)));
            for (Cell c : cells) table.addCell(bodyCell(c == null ? new Cell("", pdf.type.table) : c));
            shown++;
        }
        if (shown == 0) {
            PdfPCell none = new PdfPCell(phrase("No median in these months.", pdf.type.table));
            none.setColspan(columns);
            none.setPadding(CELL_PADDING);
            table.addCell(none);
        }
        return table;
    }

    private PdfPCell headerCell(String text) {
        PdfPCell c = new PdfPCell(phrase(text, pdf.type.tableHeader));
        c.setBackgroundColor(Palette.awt(Palette.PRIMARY));
        c.setPadding(HEADER_PADDING);
        return c;
    }

    private PdfPCell bodyCell(Cell cell) {
        PdfPCell c = new PdfPCell(phrase(cell.text(), cell.font()));
        c.setRunDirection(Typography.runDirection(cell.text()));
        c.setPadding(CELL_PADDING);
        c.setBorderColor(Typography.RULE);
        c.setHorizontalAlignment(Element.ALIGN_LEFT);
        return c;
    }

    private Phrase phrase(String text, Font f) {
        Phrase p = pdf.type.phrase(text, f);
        for (Element e : p) {
            if (e instanceof Chunk c) c.setSplitCharacter(AT_SPACES);
        }
        return p;
    }

    /** The widest word or number of a text (split at spaces and line breaks), as the cell prints it. */
    private float width(String text, Font f) {
        float widest = 0;
        for (Element e : pdf.type.phrase(text, f)) {
            if (!(e instanceof Chunk c) || c.getFont() == null || c.getFont().getBaseFont() == null) continue;
            for (String word : c.getContent().split("\\s+")) {
                widest = Math.max(widest, c.getFont().getBaseFont().getWidthPoint(word, c.getFont().getSize()));
            }
        }
        if (widest == 0 && f.getBaseFont() != null) {
            for (String word : text.split("\\s+")) widest = Math.max(widest, f.getBaseFont().getWidthPoint(word, f.getSize()));
        }
        return widest;
    }
}
