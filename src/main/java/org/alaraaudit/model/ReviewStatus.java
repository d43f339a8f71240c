package org.alaraaudit.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a safety officer decided about a finding: the {@code review_status} column of the audit workbook, stored by
 * {@code review import} and shown by the next audit. {@link #OPEN} (or no review) means it still awaits a decision.
 */
public enum ReviewStatus {
    OPEN, JUSTIFIED, ACTION_TAKEN, FALSE_POSITIVE;

    /** The names, as the workbook's drop-down offers them. */
    public static String[] names() { return Arrays.stream(values()).map(Enum::name).toArray(String[]::new); }

    /** {@code OPEN, JUSTIFIED, ACTION_TAKEN, FALSE_POSITIVE}: the choices, as messages list them. */
    public static String choices() { return String.join(", ", names()); }

    /** {@code OPEN, JUSTIFIED, ACTION_TAKEN or FALSE_POSITIVE}: the choices in a sentence. */
    public static String either() {
        String[] n = names();
        return String.join(", ", Arrays.copyOf(n, n.length - 1)) + " or " + n[n.length - 1];
    }

    /** The workbook's text as a status: case and spaces are forgiven ("action taken"); anything else is none. */
    public static Optional<ReviewStatus> parse(String text) {
        if (text == null) return Optional.empty();
        String name = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (ReviewStatus s : values()) if (s.name().equals(name)) return Optional.of(s);
        return Optional.empty();
    }
}
