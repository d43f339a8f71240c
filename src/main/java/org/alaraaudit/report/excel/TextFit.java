package org.alaraaudit.report.excel;

/**
 * How much room text takes in a cell, in the units of a column width (one digit of the default font). Neither
 * Excel nor LibreOffice sizes a row to its wrapped text when it opens an .xlsx written with row heights, and
 * neither widens a column to its header, so the workbook has to: a row too short hides the end of a citation, a
 * column narrower than a header word breaks the word in two ("phanto / m (cm)").
 *
 * <p>The widths are Calibri's, the workbook's font, at 11 pt: a unit is 7 px there. LibreOffice without Calibri
 * draws DejaVu Sans at 10 pt in units of its own '0', which comes out no wider for body text and about as wide
 * for the bold headers, so a fit estimated here holds in both.
 */
final class TextFit {
    /** Points one wrapped line of 11 pt text takes; Excel's default row is one such line. */
    static final float LINE_POINTS = 15f;
    /** Excel's tallest row. */
    static final float MAX_ROW_POINTS = 409f;
    /** A cell's own left and right margins (about 5 px): text gets this much less than the column width. */
    private static final double PADDING = 1.0;
    /** Units per em of 11 pt Calibri: 11 pt is 14.67 px, a unit 7 px. */
    private static final double UNITS_PER_EM = 14.67 / 7;
    /** Bold Calibri is about 5 % wider than regular; DejaVu Sans Bold a little more in its narrow letters. */
    private static final double BOLD = 1.08;

    private TextFit() {}

    /** Width in units of {@code text} on one line. */
    static double width(String text, boolean bold) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) em += em(text.charAt(i));
        return em * UNITS_PER_EM * (bold ? BOLD : 1);
    }

    /** The column width (whole units) a header needs so that it wraps between words only, never inside one. */
    static int headerWidth(String header) {
        double widest = 0;
        for (String word : header.split(" ")) widest = Math.max(widest, width(word, true));
        return (int) Math.ceil(widest + PADDING);
    }

    /**
     * Lines {@code text} wraps to in a column {@code columnWidth} units wide: broken at spaces, as both
     * applications break it, and a word longer than the line broken where it reaches the edge. One pass over the
     * characters, since it runs for every long text of a list of a million findings.
     */
    static int lines(String text, int columnWidth, boolean bold) {
        double room = Math.max(1, columnWidth - PADDING) / (UNITS_PER_EM * (bold ? BOLD : 1)); // in em
        int lines = 1;
        double used = 0;
        double word = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c != ' ' && c != '\n') {
                word += em(c);
                continue;
            }
            double space = used == 0 ? 0 : em(' ');
            if (used > 0 && used + space + word > room) {
                lines++;
                used = 0;
                space = 0;
            }
            if (word > room) {
                // a word wider than the column runs on over as many lines as it fills
                int over = (int) Math.ceil(word / room) - 1;
                lines += over;
                used = word - over * room;
            } else {
                used += space + word;
            }
            word = 0;
            if (c == '\n' && i < text.length()) {
                lines++;
                used = 0;
            }
        }
        return lines;
    }

    /** The height in points of a row whose tallest cell wraps to {@code lines} lines. */
    static float points(int lines) {
        return Math.min(MAX_ROW_POINTS, LINE_POINTS * Math.max(1, lines));
    }

    /** Advance width in em of a character of Calibri; any character not listed is taken as wide as a capital. */
    private static double em(char c) {
        if (c >= '0' && c <= '9') return 0.507;
        if (c >= 'a' && c <= 'z') return LOWER[c - 'a'];
        if (c >= 'A' && c <= 'Z') return UPPER[c - 'A'];
        return switch (c) {
            case ' ' -> 0.226;
            case '.', ',', ':', ';', '\'', '!', '|', '·' -> 0.27;
            case '(', ')', '[', ']', '-' -> 0.31;
            case '/', '\\' -> 0.39;
            case '_', '<', '>', '=', '+', '~', '²', '³' -> 0.50;
            case '%', '&', '@' -> 0.72;
            default -> 0.60;
        };
    }

    private static final double[] LOWER = {
        0.479, 0.525, 0.423, 0.525, 0.498, 0.305, 0.471, 0.525, 0.229, 0.239, 0.455, 0.229, 0.799,
        0.525, 0.527, 0.525, 0.525, 0.349, 0.391, 0.335, 0.525, 0.452, 0.715, 0.433, 0.453, 0.395};
    private static final double[] UPPER = {
        0.579, 0.544, 0.533, 0.615, 0.488, 0.459, 0.631, 0.623, 0.252, 0.319, 0.520, 0.420, 0.855,
        0.646, 0.662, 0.517, 0.673, 0.543, 0.459, 0.487, 0.642, 0.567, 0.890, 0.519, 0.487, 0.468};
}
