package org.alaraaudit.scanlog;

import java.util.regex.Pattern;

/**
 * Numbers of a decimal-comma (semicolon) file: "12,5" is twelve and a half, and a dot can only group thousands.
 * Read as a decimal point, "1.234" would be a DLP a thousand times too small, with nothing to show for it; so a
 * dot is taken only in groups of exactly three digits (1.234, 1.234.567, 1.234,5), and any other dot rejects
 * the value.
 */
final class DecimalComma {
    private DecimalComma() {}

    /** Why a value with a dot that cannot be a thousands separator is rejected. */
    static final String MISPLACED_DOT = "is not a number in a file with decimal commas: a dot there only groups"
            + " thousands (1.234 or 1.234,5); write a decimal with a comma";

    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+(,\\d+)?");

    /**
     * The value with a decimal point instead of the comma and without thousands dots; null when it has a dot
     * that does not group thousands. Text that is no number at all passes on, to be rejected as such.
     */
    static String toDot(String written) {
        String t = written.trim();
        if (t.indexOf('.') < 0) return t.replace(',', '.');
        if (GROUPED.matcher(t).matches()) return t.replace(".", "").replace(',', '.');
        return null;
    }
}
