package org.alaraaudit.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether an exam was done with intravenous contrast. The pediatric DRLs differ by it (Kanal 2022 gives chest and
 * abdomen-pelvis values with and without contrast, up to twice apart), so a group is compared only with its own.
 * An exam done both ways ({@link #BOTH}) matches neither and is treated as one whose contrast is not known.
 */
public enum Contrast {
    WITH("with contrast"), WITHOUT("without contrast"), BOTH("with and without contrast");

    private final String label;

    Contrast(String label) { this.label = label; }

    public String label() { return label; }

    /** with, without or both, as the contrast tables write it, in any case. */
    public static Optional<Contrast> parse(String text) {
        if (text == null) return Optional.empty();
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "with" -> Optional.of(WITH);
            case "without" -> Optional.of(WITHOUT);
            case "both", "with and without" -> Optional.of(BOTH);
            default -> Optional.empty();
        };
    }

    /** The one contrast an exam of these two parts had: two that differ make an exam done both ways. */
    public static Contrast combine(Contrast a, Contrast b) {
        if (a == null) return b;
        if (b == null || a == b) return a;
        return BOTH;
    }
}
