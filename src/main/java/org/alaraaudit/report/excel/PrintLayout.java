package org.alaraaudit.report.excel;

import java.util.List;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How a sheet prints, or exports to PDF: on A4, its text never smaller than a reviewer can read. Shrunk to the
 * width of one page, the sample month's Findings sheet printed at 2 pt; a list wider than a page at the smallest
 * legible scale runs over as many pages wide as that scale needs instead (and as many long as it takes), the
 * pages of one band of rows printed one after the other, each repeating the header row and the column that
 * names the row.
 *
 * <p>The scale is fixed here rather than left to "fit to N pages wide": the text then has the same size in every
 * application, where fitting would shrink it below the legible size wherever an application's font is wider than
 * assumed; and LibreOffice fits a long list to more than one page wide slowly: the sample month's workbook, its
 * 5,000 events fitted three pages wide, took 113 s to convert to PDF, 25 s at the same scale fixed.
 */
final class PrintLayout {
    /** A4's long side in points. */
    private static final double A4_LONG = 841.9;
    /** Excel's "narrow" left and right margins, in inches: a list gains half an inch of columns on every page. */
    static final double SIDE_MARGIN = 0.25;
    /**
     * Points of paper one unit of column width takes at 100 %, in the widest of the applications a workbook is
     * printed from: LibreOffice without Calibri (or Carlito, its metric twin) draws the text as DejaVu Sans 10 pt
     * in units 7.0 pt wide. Excel, with Calibri 11 pt in units of 5.25 pt, fits more columns on the same page.
     */
    static final double POINTS_PER_UNIT = 7.0;
    /** The smallest scale, in percent: LibreOffice's 10 pt then prints at 7.2 pt, Excel's 11 pt at 7.9 pt. */
    static final int LEGIBLE_SCALE = 72;

    private PrintLayout() {}

    /**
     * Landscape A4, the header row repeated on every page, as few pages wide as the legible scale allows and as
     * long as the list is. The scale is the largest (up to 100 %) that keeps that many pages across and the same
     * columns on the first page: a list's columns come in the order a reader needs them, and a larger scale
     * would push the last of the first page's onto the next. With more than one page across, the first
     * {@code titleColumns} columns repeat on each, and the pages go across before down, so the parts of one row
     * follow one another.
     */
    static void landscape(Sheet s, List<Integer> widths, int titleColumns) {
        int[] legible = pack(widths, titleColumns, LEGIBLE_SCALE);
        int scale = LEGIBLE_SCALE;
        while (scale < 100) {
            int[] larger = pack(widths, titleColumns, scale + 1);
            if (larger[0] > legible[0] || larger[1] < legible[1]) break;
            scale++;
        }
        int pages = legible[0];
        PrintSetup p = paper(s, true);
        s.setFitToPage(false);
        p.setScale((short) scale);
        if (pages > 1) {
            p.setLeftToRight(true);
            if (titleColumns > 0) s.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, titleColumns - 1));
        }
    }

    /**
     * Portrait A4, fitted to one page wide: a sheet of sentences and counts whose notes span its columns, so it
     * can be read only whole (the Summary), and short, so fitting it costs nothing.
     */
    static void portraitOnePageWide(Sheet s) {
        PrintSetup p = paper(s, false);
        s.setFitToPage(true);
        p.setFitWidth((short) 1);
        p.setFitHeight((short) 0);
    }

    /**
     * The pages across, and the columns on the first, for columns of these widths (in units) at {@code scale}
     * percent on landscape A4: filled left to right, a column that does not fit starting the next page, every
     * page after the first beginning with the title columns.
     */
    private static int[] pack(List<Integer> widths, int titleColumns, int scale) {
        double room = (A4_LONG - 2 * SIDE_MARGIN * 72) / (POINTS_PER_UNIT * scale / 100);
        int titles = 0;
        for (int i = 0; i < Math.min(titleColumns, widths.size()); i++) titles += widths.get(i);
        int pages = 1;
        int first = 0;
        double used = 0;
        for (int w : widths) {
            if (used > 0 && used + w > room) {
                pages++;
                used = titles;
            }
            used += w;
            if (pages == 1) first++;
        }
        return new int[] {pages, first};
    }

    private static PrintSetup paper(Sheet s, boolean landscape) {
        PrintSetup p = s.getPrintSetup();
        p.setPaperSize(PrintSetup.A4_PAPERSIZE);
        p.setLandscape(landscape);
        s.setMargin(PageMargin.LEFT, SIDE_MARGIN);
        s.setMargin(PageMargin.RIGHT, SIDE_MARGIN);
        return p;
    }
}
