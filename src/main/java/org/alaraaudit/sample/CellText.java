package org.alaraaudit.sample;

import java.time.LocalDateTime;

/**
 * How values are written into the log's cells. No locale and no {@code String.format}: the same seed must give the same
 * bytes on every machine, and these run for every cell of every row.
 */
final class CellText {
    private CellText() {
    }

    private static final long[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000};

    /** Fixed-point decimal with {@code decimals} digits, '.' as separator, no locale. */
    static String fmt(double v, int decimals) {
        long scaled = Math.round(Math.abs(v) * POW10[decimals]);
        boolean neg = v < 0 && scaled != 0;
        StringBuilder sb = new StringBuilder(16);
        if (neg) {
            sb.append('-');
        }
        sb.append(scaled / POW10[decimals]);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(scaled % POW10[decimals]);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb.toString();
    }

    static String pad(long v, int width) {
        String s = Long.toString(v);
        if (s.length() >= width) {
            return s;
        }
        StringBuilder sb = new StringBuilder(width);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }

    /** {@code YYYY-MM-DDTHH:MM:SS}, always with seconds. */
    static String dateTime(LocalDateTime t) {
        StringBuilder sb = new StringBuilder(19);
        sb.append(t.getYear()).append('-');
        two(sb, t.getMonthValue()).append('-');
        two(sb, t.getDayOfMonth()).append('T');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        return sb.toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
