package org.alaraaudit.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** A case-insensitive glob where {@code *} is any text; how safety officers write protocol and exclusion patterns. */
public final class Glob {
    private final String text;
    private final Pattern pattern;

    public Glob(String text) {
        this.text = text;
        java.util.StringJoiner re = new java.util.StringJoiner(".*");
        for (String part : text.split("\\*", -1)) re.add(part.isEmpty() ? "" : Pattern.quote(part));
        String regex = re.toString();
        this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    public boolean matches(String value) {
        return value != null && pattern.matcher(value.trim()).matches();
    }

    @Override
    public String toString() { return text; }

    public String upper() { return text.toUpperCase(Locale.ROOT); }
}
