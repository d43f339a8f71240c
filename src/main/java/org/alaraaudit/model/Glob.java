package org.alaraaudit.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A case-insensitive glob where {@code *} is any text; how safety officers write protocol and exclusion patterns.
 * The literal pieces match whole words: each starts and ends at a word boundary (a letter or digit next to a
 * separator or the end), so {@code *PED*} finds "PED HEAD" and "HEAD-PED" but not "PEDAL" or "EXPEDITED".
 */
public final class Glob {
    private final String text;
    private final Pattern pattern;
    /** The literal pieces between the stars, for matching without a regex on every row. */
    private final String[] parts;
    private final boolean leadingStar;
    private final boolean trailingStar;

    public Glob(String text) {
        this.text = text;
        this.parts = text.split("\\*", -1);
        this.leadingStar = text.startsWith("*");
        this.trailingStar = text.endsWith("*") && text.length() > 0;
        java.util.StringJoiner re = new java.util.StringJoiner(".*");
        for (String part : text.split("\\*", -1)) {
            if (part.isEmpty()) {
                re.add("");
                continue;
            }
            re.add((word(part.charAt(0)) ? "(?<![\\p{L}\\p{Nd}])" : "") + Pattern.quote(part)
                    + (word(part.charAt(part.length() - 1)) ? "(?![\\p{L}\\p{Nd}])" : ""));
        }
        String regex = re.toString();
        this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /**
     * Leftmost matching of the literal pieces, ignoring case as the regex does (it stays for {@link #regexMatches},
     * which the tests hold this to): the exclusions and the catalog match every row, and the regex was a tenth
     * of the audit.
     */
    public boolean matches(String value) {
        if (value == null) return false;
        String v = value.trim();
        int pos = 0;
        int last = parts.length - 1;
        for (int i = 0; i <= last; i++) {
            String p = parts[i];
            if (i == 0 && !leadingStar) {
                if (!v.regionMatches(true, 0, p, 0, p.length()) || !wordEdges(v, 0, p.length())) return false;
                pos = p.length();
                if (last == 0) return pos == v.length();
            } else if (i == last && !trailingStar) {
                int at = v.length() - p.length();
                return at >= pos && v.regionMatches(true, at, p, 0, p.length()) && wordEdges(v, at, p.length());
            } else if (!p.isEmpty()) {
                int at = indexOfIgnoreCase(v, p, pos);
                if (at < 0) return false;
                pos = at + p.length();
            }
        }
        return true;
    }

    /**
     * The words of a matching value that the glob's literal pieces matched, as written there and joined by " ... ",
     * the rest of the value left out: a finding quotes what the policy matched, not a patient's whole note.
     * Null when the value does not match or the glob has no literal piece.
     */
    public String matchedPieces(String value) {
        if (!matches(value)) return null;
        String v = value.trim();
        java.util.List<String> found = new java.util.ArrayList<>();
        int pos = 0;
        int last = parts.length - 1;
        for (int i = 0; i <= last; i++) {
            String p = parts[i];
            if (p.isEmpty()) continue;
            int at;
            if (i == 0 && !leadingStar) at = 0;
            else if (i == last && !trailingStar) at = v.length() - p.length();
            else at = indexOfIgnoreCase(v, p, pos);
            found.add(v.substring(at, at + p.length()));
            pos = at + p.length();
        }
        return found.isEmpty() ? null : String.join(" ... ", found);
    }

    /** The leftmost whole-word occurrence; an occurrence's edges depend only on the value, so leftmost is safe. */
    private static int indexOfIgnoreCase(String v, String p, int from) {
        // The first letter in both cases, compared before the region: most positions of a name fail on it, and the
        // exclusions and catalog look for several pieces in every row's protocol name and study description.
        char upper = Character.toUpperCase(p.charAt(0));
        char lower = Character.toLowerCase(p.charAt(0));
        for (int at = from; at + p.length() <= v.length(); at++) {
            char c = v.charAt(at);
            if (c != upper && c != lower && Character.toUpperCase(c) != upper && Character.toLowerCase(c) != lower) continue;
            if (v.regionMatches(true, at, p, 0, p.length()) && wordEdges(v, at, p.length())) return at;
        }
        return -1;
    }

    /** The text at [at, at+length) neither starts nor ends inside a word of the value. */
    private static boolean wordEdges(String v, int at, int length) {
        if (length == 0) return true;
        boolean startsInside = at > 0 && word(v.charAt(at - 1)) && word(v.charAt(at));
        int end = at + length;
        boolean endsInside = end < v.length() && word(v.charAt(end - 1)) && word(v.charAt(end));
        return !startsInside && !endsInside;
    }

    private static boolean word(char c) { return Character.isLetter(c) || Character.isDigit(c); }

    /** The same test by regular expression: the reference the fast path is checked against. */
    boolean regexMatches(String value) {
        return value != null && pattern.matcher(value.trim()).matches();
    }

    @Override
    public String toString() { return text; }

    public String upper() { return text.toUpperCase(Locale.ROOT); }
}
