package org.alaraaudit.report.pdf;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.report.Cells;
import org.alaraaudit.rules.Messages;

/** How the report writes counts, shares, dates and measured values: one place, so every section agrees. */
final class Text {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Messages.LOCALE);

    private Text() {}

    static String count(long n) { return Messages.count(n); }

    /** A share as a percentage with one decimal; "n/a" when nothing was there to divide by. */
    static String percent(Double share) {
        if (share == null) return "n/a";
        return Messages.format("%.1f%%", share * 100);
    }

    static String dateTime(LocalDateTime t) { return t == null ? "" : DATE_TIME.format(t); }

    static String period(AuditPeriod p) {
        if (p == null || p.from() == null || p.to() == null) return "whole input";
        return p.from() + " to " + p.to();
    }

    /** A value with its unit, rounded for reading (the workbook and findings.json keep full precision). */
    static String value(Double v, String unit) {
        if (v == null) return "";
        String n = number(v);
        if (unit == null || unit.isBlank()) return n;
        return n + " " + (n.equals("1") ? SINGULAR.getOrDefault(unit, unit) : unit);
    }

    /** Units that count things: one of them is written in the singular ("1 acquisition", not "1 acquisitions"). */
    private static final java.util.Map<String, String> SINGULAR = java.util.Map.of("acquisitions", "acquisition", "studies", "study",
            "years", "year", "days", "day", "hours", "hour", "minutes", "minute", "exposures", "exposure", "procedures", "procedure");

    /**
     * The report's one rounding rule: three significant figures, trailing zeros dropped (but never rounding away
     * whole units, so 1234 stays 1234), in every table and chart label. The workbook and findings.json keep full precision.
     */
    static String number(Double v) { return org.alaraaudit.report.SignificantFigures.three(v); }

    /** A number that may fall either side of zero, with its sign: "+4.21", "-1.5", "0". */
    static String signed(Double v) {
        String n = number(v);
        return v != null && v > 0 && !n.equals("0") ? "+" + n : n;
    }

    /** A fluoroscopy dose as a rule's message quotes it: "Ka,r 5408.2 mGy", "peak skin dose 3056 mGy". */
    private static final java.util.regex.Pattern FLUOROSCOPY_DOSE =
            java.util.regex.Pattern.compile("\\b(Ka,r|reference air kerma|peak skin dose) (\\d+(?:\\.\\d+)?) mGy\\b");

    /**
     * A finding's message with its fluoroscopy doses rounded as the report's tables round them. The rules quote Ka,r
     * and peak skin dose with up to four decimals, so one column read "Ka,r 5557 mGy" over "Ka,r 5408.2 mGy", beside a
     * Measured column that gave 5408 for the same procedure; findings.csv and the workbook keep the rule's words.
     */
    static String fluoroscopyDoses(String message) {
        if (message == null || message.indexOf("mGy") < 0) return message;
        java.util.regex.Matcher m = FLUOROSCOPY_DOSE.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
                    m.group(1) + " " + number(Double.valueOf(m.group(2))) + " mGy"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A range as a reader writes it: "5–80", an upper bound alone as "≤ 80", a lower bound alone as "≥ 5". */
    /**
     * A catalog's expected range as the audit applies it, to four decimals at most, not rounded to three figures: a
     * lower end of 1.075 mGy printed "1.08" beside a finding that quotes 1.075 reads as two ranges.
     */
    static String range(Double min, Double max) {
        if (min == null && max == null) return "";
        if (min == null) return "\u2264 " + org.alaraaudit.rules.Messages.number(max);
        if (max == null) return "\u2265 " + org.alaraaudit.rules.Messages.number(min);
        return org.alaraaudit.rules.Messages.number(min) + "\u2013" + org.alaraaudit.rules.Messages.number(max);
    }

    private static final java.util.regex.Pattern IDENTIFIER =
            java.util.regex.Pattern.compile("(?<![\\w.@/\\\\-])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![\\w.@/\\\\-])");

    /**
     * Text for a reader, not a program: rule ids and regions by their titles, and any other internal name
     * (setting keys, quantity and dataset ids like Shrimpton2005_AAPM96_ICRP60) with spaces for underscores, so no
     * identifier is printed raw or broken mid-word at a line end. File names (with a dot) are left alone.
     */
    static String plain(String s, RuleTitles rules) {
        if (s == null || s.indexOf('_') < 0) return s;
        java.util.regex.Matcher m = IDENTIFIER.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(title(m.group(), rules)));
        m.appendTail(out);
        return out.toString();
    }

    /**
     * One identifier's title: a rule's, a region's, a known dataset's, a lower-case key's words (settings,
     * quantities). Any other name is data (an accession number, a device's protocol name) and stays as written.
     */
    static String title(String id, RuleTitles rules) {
        String rule = rules.titleOrNull(id);
        if (rule != null) return rule;
        try {
            return org.alaraaudit.model.TargetRegion.valueOf(id).codeMeaning();
        } catch (IllegalArgumentException notARegion) {
            // not a region either
        }
        return switch (id) {
            case "Shrimpton2005_AAPM96_ICRP60" -> "Shrimpton 2005 / AAPM Report 96 (ICRP 60 weights)";
            case "NCICT2015_Table1" -> "NCICT 2015, table 1";
            default -> id.equals(id.toLowerCase(Locale.ROOT)) ? id.replace('_', ' ') : id;
        };
    }

    static String orDash(String s) { return s == null || s.isBlank() ? "-" : s; }
}
