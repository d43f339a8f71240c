package org.alaraaudit.scanlog;

/**
 * Excel's escapes in the text of a cell ({@code _xHHHH_}, ECMA-376 Part 1, 22.9.2.19 ST_Xstring): a character XML
 * cannot hold, such as a carriage return ({@code _x000D_}), or an underscore that would start one ({@code _x005F_}).
 * Apache POI decodes them when it reads a workbook; FastExcel leaves them as written, so its texts pass through here
 * and a protocol name reads the same whichever reader took it.
 */
final class ExcelEscapes {
    private ExcelEscapes() {}

    static String decode(String s) {
        if (s == null || s.indexOf("_x") < 0) return s;
        StringBuilder out = null;
        int from = 0;
        for (int i = s.indexOf("_x"); i >= 0 && i + 7 <= s.length(); i = s.indexOf("_x", i + 1)) {
            if (s.charAt(i + 6) != '_' || !hex(s, i + 2, i + 6)) continue;
            if (out == null) out = new StringBuilder(s.length());
            out.append(s, from, i).append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
            from = i + 7;
            i += 6;
        }
        return out == null ? s : out.append(s, from, s.length()).toString();
    }

    private static boolean hex(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) return false;
        }
        return true;
    }
}
