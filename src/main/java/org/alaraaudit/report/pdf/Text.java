package org.alaraaudit.report.pdf;

import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.report.Cells;

/** How the report writes counts, shares, dates and measured values: one place, so every section agrees. */
final class Text {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Text() {}

    static String count(long n) { return NumberFormat.getIntegerInstance(Locale.US).format(n); }

    /** A share as a percentage with one decimal; "n/a" when nothing was there to divide by. */
    static String percent(Double share) {
        if (share == null) return "n/a";
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String dateTime(LocalDateTime t) { return t == null ? "" : DATE_TIME.format(t); }

    static String period(AuditPeriod p) {
        if (p == null || p.from() == null || p.to() == null) return "whole input";
        return p.from() + " to " + p.to();
    }

    /** A value with its unit, rounded for reading (the workbook and findings.json keep full precision). */
    static String value(Double v, String unit) {
        if (v == null) return "";
        String n = Cells.number(Cells.rounded(v, v >= 100 ? 0 : v >= 10 ? 1 : 2));
        return unit == null || unit.isBlank() ? n : n + " " + unit;
    }

    static String orDash(String s) { return s == null || s.isBlank() ? "-" : s; }
}
