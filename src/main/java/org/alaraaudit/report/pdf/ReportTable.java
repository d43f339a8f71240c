package org.alaraaudit.report.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;

/**
 * A table in the report's house style: header row repeated on every page, numbers right-aligned, light banding.
 * Rows are handed to the document every {@link #CHUNK} rows (engineering notes §6: a 100k-row table built whole
 * runs out of memory; chunked it streams) and stay one table, so the header keeps repeating.
 */
final class ReportTable {
    static final int CHUNK = 500;
    private static final float CELL_PADDING = 3f;
    private final ReportContext ctx;
    private final PdfPTable table;
    private final boolean[] numeric;
    private final Color band;
    private final java.util.Set<String> emphasised = new java.util.HashSet<>();
    private final java.util.Set<Integer> verbatim = new java.util.HashSet<>();
    private final java.util.Set<Integer> identifiers = new java.util.HashSet<>();
    private final float[] widths;
    private final Font accent;
    private int rows;
    private int pending;

    /** Columns are given as header text; a header ending in '#' marks a right-aligned numeric column. */
    ReportTable(ReportContext ctx, float[] widths, String... headers) {
        this.ctx = ctx;
        this.table = new PdfPTable(widths);
        this.widths = widths.clone();
        this.numeric = new boolean[headers.length];
        Color p = ctx.template.primary();
        this.band = new Color(blend(p.getRed()), blend(p.getGreen()), blend(p.getBlue()));
        this.accent = new Font(ctx.type.bold, ctx.type.table.getSize(), Font.NORMAL, ctx.template.accent());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        // Rows move whole to the next page (a row cut in two reads as two findings); only a row taller than a
        // page is split.
        table.setSplitLate(true);
        table.setSplitRows(true);
        table.setComplete(false);
        table.setSpacingBefore(4);
        table.setSpacingAfter(8);
        for (int i = 0; i < headers.length; i++) {
            String h = headers[i];
            numeric[i] = h.endsWith("#");
            if (numeric[i]) h = h.substring(0, h.length() - 1);
            // the header's padding is 3.5 a side, the rows' 3; and a point to spare, as OpenPDF wraps at the edge
            PdfPCell c = new PdfPCell(ctx.phrase(h, wordsWhole(h, ctx.type.tableHeader, room(i) - 2f)));
            c.setRunDirection(Typography.runDirection(h));
            c.setBackgroundColor(ctx.template.primary());
            c.setBorder(Rectangle.NO_BORDER);
            c.setPadding(3.5f);
            c.setPaddingBottom(4.5f);
            c.setHorizontalAlignment(numeric[i] ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            c.setVerticalAlignment(Element.ALIGN_BOTTOM);
            table.addCell(c);
        }
    }

    /**
     * A cell's font, set smaller when its longest word is wider than {@code room}: text may wrap between words, but
     * "Studi" over "es" in a header, or "insufficien" over "t sample" in a cell, is not what a reader takes in.
     */
    private static Font wordsWhole(String text, Font font, float room) {
        if (text == null || font.getBaseFont() == null) return font;
        // No glyph is wider than 1.1 em: a cell whose longest word fits at that width (nearly every cell) is not measured.
        int longest = 0, run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = Character.isWhitespace(text.charAt(i)) ? 0 : run + 1;
            longest = Math.max(longest, run);
        }
        if (longest * font.getSize() * 1.1f <= room) return font;
        float widest = 0;
        for (String word : text.split("\\s+")) widest = Math.max(widest, font.getBaseFont().getWidthPoint(word, font.getSize()));
        if (widest <= room) return font;
        return new Font(font.getBaseFont(), Math.max(5f, font.getSize() * room / widest), font.getStyle(), font.getColor());
    }

    /** The width a cell's text has in {@code column}: its share of the table, less the padding either side. */
    private float room(int column) {
        float total = 0;
        for (float w : widths) total += w;
        return (ctx.document.right() - ctx.document.left()) * table.getWidthPercentage() / 100f * widths[column] / total
                - CELL_PADDING * 2 - 0.5f;
    }

    /** A tint of the template colour: about 93% white, dark enough to guide the eye, light enough to print. */
    private static int blend(int c) { return (int) Math.round(c * 0.07 + 255 * 0.93); }

    ReportTable row(String... cells) { return row(ctx.type.table, cells); }

    ReportTable boldRow(String... cells) { return row(ctx.type.tableBold, cells); }

    /** Cells with exactly this text are set in bold accent colour, e.g. a DRL status "ABOVE DRL". */
    ReportTable emphasise(String text) {
        emphasised.add(text);
        return this;
    }

    ReportTable row(Font font, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            Font f = emphasised.contains(cells[i]) ? accent : font;
            if (!verbatim.contains(i)) cells[i] = ctx.plain(cells[i]);
            if (identifiers.contains(i)) {
                f = onOneLine(cells[i], f, i);
            } else {
                // A word a little too wide (a status, a band) is set smaller; a long link or path still wraps, as text
                // set at two thirds of the size is no easier to read than a path broken at the edge.
                Font whole = wordsWhole(cells[i], f, room(i) - 1f);
                if (whole.getSize() >= f.getSize() * 0.7f) f = whole;
            }
            PdfPCell c = new PdfPCell(atSpaces(ctx.phrase(cells[i], f)));
            c.setRunDirection(Typography.runDirection(cells[i] == null ? "" : cells[i]));
            c.setBorder(Rectangle.BOTTOM);
            c.setBorderColor(Typography.RULE);
            c.setBorderWidth(0.4f);
            c.setPadding(CELL_PADDING);
            c.setPaddingBottom(4f);
            c.setHorizontalAlignment(numeric[i] ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            if (rows % 2 == 1) c.setBackgroundColor(band);
            table.addCell(c);
        }
        rows++;
        if (++pending >= CHUNK) {
            ctx.add(table);
            pending = 0;
        }
        return this;
    }

    /** Units a number keeps on its line. */
    private static final java.util.Set<String> UNITS = java.util.Set.of("y", "mGy", "mGy·cm", "mSv", "kg", "cm", "h", "min", "s",
            "Gy", "Gy·cm²", "kVp", "%", "years", "days", "hours", "minutes", "studies", "acquisitions",
            // one of a counted unit is written in the singular (Text.value)
            "year", "day", "hour", "minute", "study", "acquisition", "exposure", "exposures", "procedure", "procedures");

    /**
     * A cell's lines break at spaces only, and not at the space between a number and its unit: "PED ABDOMEN 0-1Y"
     * broken after "0-" reads as two protocols, "5-<10 y" as a band cut short, and "aged 12.6" over "y" leaves a unit
     * alone at a line's start. A word wider than its column is still broken where it must be.
     */
    private static final com.lowagie.text.SplitCharacter SPACES_ONLY = (start, current, end, chars, chunks) -> {
        if (at(current, chars, chunks) != ' ') return false;
        if (current == start || !Character.isDigit(at(current - 1, chars, chunks))) return true;
        int i = current + 1;
        StringBuilder unit = new StringBuilder();
        while (i < end && unit.length() < 8 && !Character.isWhitespace(at(i, chars, chunks))) unit.append(at(i++, chars, chunks));
        return !UNITS.contains(unit.toString().replaceAll("[),;.:]+$", ""));
    };

    private static char at(int i, char[] chars, com.lowagie.text.pdf.PdfChunk[] chunks) {
        return chunks == null ? chars[i] : (char) chunks[Math.min(i, chunks.length - 1)].getUnicodeEquivalent(chars[i]);
    }

    static com.lowagie.text.Phrase atSpaces(com.lowagie.text.Phrase phrase) {
        for (Object o : phrase) if (o instanceof com.lowagie.text.Chunk chunk) chunk.setSplitCharacter(SPACES_ONLY);
        return phrase;
    }

    /** Columns printed exactly as given (accession numbers, pseudonyms, file names, protocol names): data, not names to humanise. */
    ReportTable verbatim(int... columns) {
        for (int c : columns) verbatim.add(c);
        return this;
    }

    /**
     * Columns of identifiers (accession numbers, pseudonyms), printed exactly as given and never broken across
     * lines: "FLCGH3876575" over "4" reads as two numbers, and an accession is what a safety officer looks up. One
     * too wide for its column is set in a smaller size instead.
     */
    ReportTable identifiers(int... columns) {
        for (int c : columns) {
            verbatim.add(c);
            identifiers.add(c);
        }
        return this;
    }

    /** The font {@code text} fits its column's one line in: {@code font} itself, or a smaller copy (not below 5 pt). */
    private Font onOneLine(String text, Font font, int column) {
        if (text == null || text.isEmpty() || font.getBaseFont() == null) return font;
        float room = room(column);
        float needed = font.getBaseFont().getWidthPoint(text, font.getSize());
        if (needed <= room) return font;
        return new Font(font.getBaseFont(), Math.max(5f, font.getSize() * room / needed), font.getStyle(), font.getColor());
    }

    int rows() { return rows; }

    /** A narrower table, left-aligned, for two-column tables that would otherwise strand their numbers far right. */
    ReportTable width(float percent) {
        table.setWidthPercentage(percent);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        return this;
    }

    void finish() { finish(java.util.List.of()); }

    void finish(String note, java.util.List<String> more) {
        java.util.List<String> notes = new java.util.ArrayList<>();
        notes.add(note);
        notes.addAll(more);
        finish(notes);
    }

    /**
     * Ends the table and sets its notes under it. A table's last page holds at least {@link #LAST_ROWS} of its rows,
     * and its first note is never alone at the top of a page: where the rows would end a page with one or two rows
     * over, or with no room left for the note, the last rows start the next page together, with the note under them.
     */
    void finish(java.util.List<String> notes) {
        // Laid out alone, a paragraph's spacing before it is left out; under a table it is not, and the document
        // keeps room for a line of the text before the table as well (OpenPDF starts a new page before the note
        // when the two do not fit).
        com.lowagie.text.Paragraph note = notes.isEmpty() ? null : ctx.noteParagraph(notes.get(0));
        float firstNote = note == null ? 0 : ctx.height(note) + note.getSpacingBefore() + ReportContext.BODY_LEADING;
        int split = lastPageStart(firstNote);
        if (split > 0) {
            java.util.List<com.lowagie.text.pdf.PdfPRow> body = table.getRows();
            java.util.List<com.lowagie.text.pdf.PdfPRow> tail = new java.util.ArrayList<>(body.subList(split, body.size()));
            body.subList(split, body.size()).clear();
            ctx.add(table); // still incomplete: the rows before the split are set, and let go of
            ctx.newPage();
            // Set while incomplete, the table is marked to go on without its header (OpenPDF's way of continuing it on
            // the same page, as after a chunk); these rows start a page, where a reader needs the header again.
            table.setSkipFirstHeader(false);
            table.getRows().addAll(tail);
        }
        table.setComplete(true);
        ctx.add(table);
        notes.forEach(ctx::note);
    }

    /** The fewest rows a table's last page holds, where the table has as many. */
    static final int LAST_ROWS = 3;

    /**
     * The row the next page should start with so that the table ends as {@link #finish(java.util.List)} says, or 0
     * where it ends well as it is (or the rows not yet set are too few to move: the rows and heading before them
     * would be the ones left behind). Found by setting the rows as OpenPDF does: whole rows, the header repeated on
     * each page.
     */
    private int lastPageStart(float noteHeight) {
        int header = table.getHeaderRows();
        int size = table.size();
        if (size - header <= LAST_ROWS) return 0;
        table.setTotalWidth((ctx.document.right() - ctx.document.left()) * table.getWidthPercentage() / 100f);
        float headerHeight = table.getHeaderHeight();
        float page = ctx.document.top() - ctx.document.bottom() - headerHeight;
        float room = ctx.roomLeft() - table.spacingBefore() - headerHeight;
        int pageStart = header;
        boolean brokeOver = false;
        for (int k = header; k < size; k++) {
            float h = table.getRowHeight(k);
            if (h > room && k > pageStart) {
                pageStart = k;
                brokeOver = true;
                room = page;
            } else if (h > room && !brokeOver) {
                // not even the first row fits: the table starts on the next page
                pageStart = k;
                room = page;
            }
            room -= h;
        }
        boolean fewRows = brokeOver && size - pageStart < LAST_ROWS;
        boolean noteAlone = noteHeight > 0 && room - table.spacingAfter() < noteHeight;
        if (!fewRows && !noteAlone) return 0;
        int split = size - LAST_ROWS;
        return split > header ? split : 0;
    }
}
