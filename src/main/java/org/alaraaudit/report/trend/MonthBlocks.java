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
import java.util.List;
import java.util.Map;
import org.alaraaudit.report.Palette;
import org.alaraaudit.report.pdf.Typography;

/**
 * A table with a row per series and the months as columns, as the trend PDF prints its medians against the DRL and its
 * X-ray figures. Two years of months do not fit a page's width, so the months come in blocks of at most
 * {@link #MAX_MONTHS}, each a table of its own with the series columns repeated and a first row naming its months.
 * Every column is at least as wide as its longest word or number, and a cell breaks its text only at a space, so no
 * word and no number is ever split across lines (at 24 months in one table, "Elsewhere" was printed as "Elsewher / e"
 * and an interval as "0.3-1." / "73").
 */
final class MonthBlocks {
    /** Months side by side at most: six such cells and the series columns fill a landscape A4 page. */
    static final int MAX_MONTHS = 6;

    private static final float CELL_PADDING = 2.5f;
    private static final float HEADER_PADDING = 3f;
    /** Borders and the rounding of the measured widths. */
    private static final float SLACK = 1.5f;

    /** Lines break at a space and nowhere else: not inside "0-<1y", "SECH-CT1" or "0.3\u20131.73". */
    private static final DefaultSplitCharacter AT_SPACES = new DefaultSplitCharacter() {
        @Override
        public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
            return Character.isWhitespace(getCurrentCharacter(current, cc, ck));
        }
    };

    /** A cell's text in its font. */
    record Cell(String text, Font font) {}

    private final TrendPdf pdf;
    private final List<YearMonth> months;
    private final String[] seriesHeaders;
    private final float[] seriesWeights;
    private final String monthHeader;
    private final float monthWeight;
    /** Per series, its series cells, then one cell per month (null: nothing that month). */
    private final List<List<Cell>> rows = new ArrayList<>();

    /**
     * {@code seriesWeights}: the series columns' share of the width left over once every column is wide enough;
     * {@code monthHeader}: what a month's cell holds, under the month in its heading.
     */
    MonthBlocks(TrendPdf pdf, List<YearMonth> months, String[] seriesHeaders, float[] seriesWeights, String monthHeader,
                float monthWeight) {
        this.pdf = pdf;
        this.months = months;
        this.seriesHeaders = seriesHeaders;
        this.seriesWeights = seriesWeights;
        this.monthHeader = monthHeader;
        this.monthWeight = monthWeight;
    }

    /** A series' row: its cells in the plain table font, then its cell of each month (null where it has none). */
    void row(Font font, List<String> series, Map<YearMonth, Cell> byMonth) {
        List<Cell> row = new ArrayList<>();
        for (String s : series) row.add(new Cell(s == null ? "" : s, font));
        for (YearMonth m : months) row.add(byMonth.get(m));
        rows.add(row);
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
        float monthMin = Math.max(width("0000-00", pdf.type.tableHeader), width(monthHeader, pdf.type.tableHeader)) + 2 * HEADER_PADDING;
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
        float weights = monthWeight * perBlock;
        for (float w : seriesWeights) weights += w;
        float extra = Math.max(0, available - fixed - perBlock * monthMin);
        float[] seriesWidths = new float[seriesMin.length];
        for (int c = 0; c < seriesMin.length; c++) seriesWidths[c] = seriesMin[c] + extra * seriesWeights[c] / weights;
        float monthWidth = monthMin + extra * monthWeight / weights;

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
        for (int i = from; i < to; i++) table.addCell(headerCell(months.get(i) + "\n" + monthHeader));
        table.setHeaderRows(2);
        int shown = 0;
        for (List<Cell> row : rows) {
            List<Cell> cells = row.subList(seriesHeaders.length + from, seriesHeaders.length + to);
            // A series with nothing in the block's months has no line in it.
            if (cells.stream().allMatch(c -> c == null)) continue;
            for (int c = 0; c < seriesHeaders.length; c++) table.addCell(bodyCell(row.get(c)));
            for (Cell c : cells) table.addCell(bodyCell(c == null ? new Cell("", pdf.type.table) : c));
            shown++;
        }
        if (shown == 0) {
            PdfPCell none = new PdfPCell(phrase("Nothing in these months.", pdf.type.table));
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
