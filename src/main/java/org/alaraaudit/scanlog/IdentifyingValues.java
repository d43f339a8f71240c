package org.alaraaudit.scanlog;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one row's patient identifier and birth date, as written, and what they look like elsewhere in the row:
 * the birth date in the layouts exports and typists use. Free text is masked with them before anything leaves
 * the validator, and a rejected value that contains either is withheld, so neither reaches a report, the
 * console or the history store.
 */
final class IdentifyingValues {
    static final String PATIENT_ID_MASK = "[patient id]";
    static final String BIRTH_DATE_MASK = "[birth date]";

    /** The layouts a birth date is written in: ISO, day first, month first (US), and DICOM's digits. */
    private static final List<DateTimeFormatter> DATE_LAYOUTS = List.of(
            layout("uuuu-M-d"), layout("d/M/uuuu"), layout("d.M.uuuu"), layout("uuuuMMdd"), layout("M/d/uuuu"),
            layout("d-M-uuuu"), layout("uuuu/M/d"), layout("uuuu.M.d"));

    /** A number as an age is written: at most three digits before the point. A date never is. */
    private static final Pattern AGE_LIKE = Pattern.compile("[+-]?\\d{0,3}([.,]\\d+)?\\s*[A-Za-z]{0,6}");

    private final String patientId;
    private final String birthText;
    /** Every date the birth date may stand for: 03/11/2016 is 3 November or, written in the US, 11 March. */
    private final Set<LocalDate> birthDates;
    /** Every spelling to look for, lower case: a cheap test that spares the pattern nearly every text. */
    private List<String> spellings;
    /**
     * Lower case texts every spelling holds one of: the identifier, the birth date as written, and the year of
     * each date (every layout writes the year whole). Nearly every row's free text holds none, so the spellings
     * (nine per date) are spelled out only for a text that does; that was a tenth of reading.
     */
    private final String[] cues;
    /** Compiled on the first text that holds a spelling. */
    private Pattern pattern;

    private IdentifyingValues(String patientId, String birthText) {
        this.patientId = patientId;
        // A birth date as written is looked for when it could write a date (a year's four digits at least): a
        // placeholder such as DICOM's "0" names nobody, and as a spelling it withheld every value with a 0 in it.
        this.birthText = birthText != null && digits(birthText) >= 4 ? birthText : null;
        this.birthDates = this.birthText == null ? Set.of() : parseDates(this.birthText);
        List<String> c = new ArrayList<>(2 + birthDates.size());
        if (patientId != null) c.add(patientId.toLowerCase(Locale.ROOT));
        if (this.birthText != null) c.add(this.birthText.toLowerCase(Locale.ROOT));
        for (LocalDate d : birthDates) c.add(Integer.toString(d.getYear()));
        this.cues = c.toArray(new String[0]);
    }

    private List<String> spellings() {
        if (spellings == null) {
            Set<String> all = new LinkedHashSet<>();
            if (patientId != null) all.add(patientId);
            if (birthText != null) all.add(birthText);
            for (LocalDate d : birthDates) all.addAll(spellings(d));
            // Longest first, so a birth date is not half-masked by an identifier that is a part of it.
            spellings = all.stream().map(x -> x.toLowerCase(Locale.ROOT)).distinct()
                    .sorted((a, b) -> b.length() - a.length()).toList();
        }
        return spellings;
    }

    static IdentifyingValues of(RawRow raw) {
        return new IdentifyingValues(significant(raw.get(CanonicalColumn.PATIENT_ID)),
                significant(raw.get(CanonicalColumn.BIRTH_DATE)));
    }

    /** The same as {@link #of} for the row, reusing {@code last} when the row has its patient (the next event). */
    static IdentifyingValues of(RawRow raw, IdentifyingValues last) {
        String id = significant(raw.get(CanonicalColumn.PATIENT_ID));
        String birth = significant(raw.get(CanonicalColumn.BIRTH_DATE));
        if (last != null && java.util.Objects.equals(id, last.patientId) && java.util.Objects.equals(birth, last.birthText)) return last;
        return new IdentifyingValues(id, birth);
    }

    private static DateTimeFormatter layout(String p) {
        return DateTimeFormatter.ofPattern(p, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /** The dates a text stands for in the layouts: none, one, or two when day and month could be either way. */
    static Set<LocalDate> parseDates(String text) {
        String t = BlankText.strip(text);
        if (isIsoShaped(t)) return isoDate(t);
        return parseDatesInLayouts(t);
    }

    /** {@link #parseDates} through every layout; the one way for texts not shaped like 2016-03-11. */
    static Set<LocalDate> parseDatesInLayouts(String t) {
        Set<LocalDate> out = new LinkedHashSet<>();
        for (DateTimeFormatter f : DATE_LAYOUTS) {
            // A layout that does not fit is told without an exception: this runs for every patient.
            java.text.ParsePosition at = new java.text.ParsePosition(0);
            if (f.parseUnresolved(t, at) == null || at.getErrorIndex() >= 0 || at.getIndex() != t.length()) continue;
            try {
                out.add(LocalDate.parse(t, f));
            } catch (DateTimeParseException e) {
                // fits the layout but is no date (30 February)
            }
        }
        return out;
    }

    /** Four digits, dash, two digits, dash, two digits: of the layouts only uuuu-M-d can fit such a text. */
    private static boolean isIsoShaped(String t) {
        if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') return false;
        for (int i = 0; i < 10; i++) if (i != 4 && i != 7 && (t.charAt(i) < '0' || t.charAt(i) > '9')) return false;
        return true;
    }

    /**
     * The date of an ISO-shaped text, read digit by digit: the birth date of nearly every row is written so, and
     * the layouts' parsers cost a dozen objects each, for every patient.
     */
    private static Set<LocalDate> isoDate(String t) {
        LocalDate d = isoShapedDate(t);
        return d == null ? Set.of() : Set.of(d);
    }

    /** The date of a text shaped like 2016-03-11, as {@code LocalDate.parse} reads it; null for any other text. */
    static LocalDate isoShapedDate(String t) {
        if (!isIsoShaped(t)) return null;
        try {
            return LocalDate.of(Integer.parseInt(t, 0, 4, 10), Integer.parseInt(t, 5, 7, 10), Integer.parseInt(t, 8, 10, 10));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String t) {
        int n = 0;
        for (int i = 0; i < t.length(); i++) if (Character.isDigit(t.charAt(i))) n++;
        return n;
    }

    /** The text with its invisible edges stripped, or null when nothing is left. */
    private static String significant(String v) {
        if (v == null || BlankText.isBlank(v)) return null;
        return BlankText.strip(v);
    }

    /**
     * Every spelling to mask, as one alternation bounded so that it never cuts into a longer word or number:
     * an identifier "12" is masked in "id 12", not in "120 kVp".
     */
    private Pattern pattern() {
        if (pattern == null) {
            List<String> quoted = new ArrayList<>();
            for (String s : spellings()) quoted.add(Pattern.quote(s));
            pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(" + String.join("|", quoted) + ")(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
        return pattern;
    }

    /** Whether the text holds any spelling at all, bounded or not: false for nearly every text. */
    private boolean mayHold(String text) {
        if (cues.length == 0) return false;
        String lower = text.toLowerCase(Locale.ROOT);
        for (String cue : cues) {
            if (lower.contains(cue)) {
                for (String s : spellings()) if (lower.contains(s)) return true;
                return false;
            }
        }
        return false;
    }

    private static List<String> spellings(LocalDate d) {
        int y = d.getYear();
        int m = d.getMonthValue();
        int day = d.getDayOfMonth();
        String mm = two(m);
        String dd = two(day);
        List<String> out = new ArrayList<>(List.of(y + "-" + mm + "-" + dd, dd + "/" + mm + "/" + y, dd + "." + mm + "." + y,
                "" + y + mm + dd, mm + "/" + dd + "/" + y, dd + "-" + mm + "-" + y));
        // The same without leading zeros (3/7/2016), as people type them.
        out.addAll(List.of(day + "/" + m + "/" + y, day + "." + m + "." + y, m + "/" + day + "/" + y));
        return out;
    }

    private static String two(int n) { return n < 10 ? "0" + n : Integer.toString(n); }

    /** The text with the row's identifier and birth date replaced by {@code [patient id]} and {@code [birth date]}. */
    String mask(String text) {
        if (text == null || !mayHold(text)) return text;
        Matcher m = pattern().matcher(text);
        if (!m.find()) return text;
        StringBuilder b = new StringBuilder(text.length());
        do {
            m.appendReplacement(b, Matcher.quoteReplacement(isPatientId(m.group(1)) ? PATIENT_ID_MASK : BIRTH_DATE_MASK));
        } while (m.find());
        m.appendTail(b);
        return b.toString();
    }

    private boolean isPatientId(String found) {
        return patientId != null && found.equalsIgnoreCase(patientId)
                && (birthText == null || !found.equalsIgnoreCase(birthText));
    }

    /**
     * Whether a value written in a report next to its column could identify the patient: any value of the
     * identifier and birth-date columns, a value holding the row's own identifier or birth date (in any layout),
     * and in an age column anything that is not written like an age (a date of birth typed there).
     */
    boolean identifies(String column, String value) {
        if (value == null) return false;
        if (CanonicalColumn.PATIENT_ID.header().equals(column) || CanonicalColumn.BIRTH_DATE.header().equals(column)) return true;
        String t = BlankText.strip(value);
        if (CanonicalColumn.AGE_YEARS.header().equals(column) && !AGE_LIKE.matcher(t).matches()) return true;
        if (mayHold(t) && pattern().matcher(t).find()) return true;
        if (patientId != null && t.equalsIgnoreCase(patientId)) return true;
        if (birthDates.isEmpty()) return false;
        for (LocalDate d : parseDates(t)) if (birthDates.contains(d)) return true;
        return false;
    }
}
