package org.alaraaudit.scanlog;

/**
 * Text that looks empty on screen: Unicode white space (the no-break spaces included), format characters
 * (zero-width space and joiners, the byte-order mark), control characters and the blank fillers of some
 * scripts. An identifier made only of these names no one; taken as a patient it would pool every such row.
 */
final class BlankText {
    private BlankText() {}

    static boolean isBlank(String s) {
        if (s == null) return true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!invisible(cp)) return false;
            i += Character.charCount(cp);
        }
        return true;
    }

    /** The text without invisible characters at either end. */
    static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && invisible(s.codePointAt(from))) from += Character.charCount(s.codePointAt(from));
        while (to > from && invisible(s.codePointBefore(to))) to -= Character.charCount(s.codePointBefore(to));
        return s.substring(from, to);
    }

    static boolean invisible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) return true;
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.CONTROL) return true;
        // Hangul fillers and the blank Braille pattern draw nothing but are letters or symbols to Unicode.
        return cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800;
    }
}
