package org.alaraaudit.scanlog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Turns cells of any export into the canonical text of a value: plain decimals (no exponent, no float noise),
 * ISO dates. Numbers go through BigDecimal so a unit conversion (1.18 m to 118 cm) is exact and the same
 * export read as CSV or as XLSX gives the same value to the last digit.
 */
final class CellText {
    private CellText() {}

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final DateTimeFormatter ISO_OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter DATE_OUT = DateTimeFormatter.ISO_LOCAL_DATE;

    /**
     * ISO date with optional time ('T' or space), and the DICOM forms (20171115, 20171115075319). Strict, as the
     * canonical CSV reader is: 2026-09-31, 2026-02-29 and 24:00 are rejected, never moved to a day that exists.
     */
    private static final List<DateTimeFormatter> DATE_FORMS = List.of(
            new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE)
                    .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
                    .optionalStart().appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
                    .toFormatter().withResolverStyle(ResolverStyle.STRICT),
            new DateTimeFormatterBuilder().appendValue(ChronoField.YEAR, 4).appendValue(ChronoField.MONTH_OF_YEAR, 2)
                    .appendValue(ChronoField.DAY_OF_MONTH, 2)
                    .optionalStart().appendValue(ChronoField.HOUR_OF_DAY, 2).appendValue(ChronoField.MINUTE_OF_HOUR, 2)
                    .optionalStart().appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
                    .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
                    .toFormatter().withResolverStyle(ResolverStyle.STRICT));

    private static final List<DateTimeFormatter> TIME_FORMS = List.of(
            DateTimeFormatter.ISO_LOCAL_TIME,
            new DateTimeFormatterBuilder().appendValue(ChronoField.HOUR_OF_DAY, 2).appendValue(ChronoField.MINUTE_OF_HOUR, 2)
                    .optionalStart().appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
                    .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().toFormatter()
                    .withResolverStyle(ResolverStyle.STRICT));

    /**
     * A profile's date pattern (dd/MM/yyyy HH:mm), strict like the built-in forms. Strict resolving needs an era
     * for "yyyy" (year of era), so the common era is taken when the pattern gives none.
     */
    static DateTimeFormatter strictPattern(String pattern) {
        return new DateTimeFormatterBuilder().appendPattern(pattern).parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(java.util.Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /** Any cell as text: numbers without exponent or trailing zeros, date cells in ISO form. */
    static String text(Object cell) {
        if (cell == null) return null;
        if (cell instanceof String s) return s;
        if (cell instanceof Double d) return plain(BigDecimal.valueOf(d));
        if (cell instanceof LocalDateTime t) {
            return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? DATE_OUT.format(t) : iso(t);
        }
        return cell.toString();
    }

    static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() < 0) s = s.setScale(0);
        return s.toPlainString();
    }

    /** The cell as an exact decimal, or null when it is not a number. */
    static BigDecimal number(Object cell, boolean decimalComma) {
        if (cell instanceof Double d) return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        if (!(cell instanceof String s)) return null;
        String t = decimalComma ? DecimalComma.toDot(s) : s.trim();
        if (t == null || t.isEmpty() || !DECIMAL.matcher(t).matches()) return null;
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A date-time from a date cell (and a separate time cell when the export splits them), or null. */
    static LocalDateTime dateTime(Object date, Object time, DateTimeFormatter format) {
        LocalDateTime d = asDateTime(date, format);
        if (d == null) return null;
        if (time == null) return d;
        LocalTime t = asTime(time);
        return t == null ? null : d.toLocalDate().atTime(t);
    }

    static LocalDate date(Object cell, DateTimeFormatter format) {
        LocalDateTime d = asDateTime(cell, format);
        return d == null ? null : d.toLocalDate();
    }

    /** To the nearest second: a time cell's day fraction can land a hair below the second it stands for. */
    static String iso(LocalDateTime t) { return ISO_OUT.format(t.plusNanos(500_000_000L).truncatedTo(ChronoUnit.SECONDS)); }

    static String iso(LocalDate d) { return DATE_OUT.format(d); }

    private static LocalDateTime asDateTime(Object cell, DateTimeFormatter format) {
        if (cell instanceof LocalDateTime t) return t;
        if (cell instanceof Double d) {
            // An Excel serial date in a cell without a date format.
            return d >= 1 && DateUtil.isValidExcelDate(d) ? DateUtil.getLocalDateTime(d) : null;
        }
        if (!(cell instanceof String s)) return null;
        String t = s.trim();
        if (format != null) return parse(t, format);
        for (DateTimeFormatter f : DATE_FORMS) {
            LocalDateTime r = parse(t, f);
            if (r != null) return r;
        }
        return null;
    }

    private static LocalDateTime parse(String text, DateTimeFormatter f) {
        try {
            TemporalAccessor a = f.parseBest(text, LocalDateTime::from, LocalDate::from);
            return a instanceof LocalDateTime t ? t : ((LocalDate) a).atStartOfDay();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalTime asTime(Object cell) {
        if (cell instanceof LocalDateTime t) return t.toLocalTime();
        if (cell instanceof Double d) {
            if (d < 0 || d >= 1) return null;
            long nanos = Math.round(d * 86_400_000L) * 1_000_000L;
            return LocalTime.ofNanoOfDay(Math.min(nanos, LocalTime.MAX.toNanoOfDay()));
        }
        if (!(cell instanceof String s)) return null;
        for (DateTimeFormatter f : TIME_FORMS) {
            try {
                return LocalTime.parse(s.trim(), f);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }
}
