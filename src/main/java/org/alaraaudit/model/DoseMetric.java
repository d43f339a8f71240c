package org.alaraaudit.model;

import java.util.Locale;
import java.util.Optional;

/** The cumulative-dose quantities a site can set thresholds on (tables/cumulative-dose.csv). */
public enum DoseMetric {
    RED_MARROW_DOSE("red_marrow_dose", "mGy", "estimated cumulative red bone marrow dose"),
    EFFECTIVE_DOSE("effective_dose", "mSv", "estimated cumulative effective dose");

    private final String code;
    private final String unit;
    private final String label;

    DoseMetric(String code, String unit, String label) {
        this.code = code;
        this.unit = unit;
        this.label = label;
    }

    public String code() { return code; }

    public String unit() { return unit; }

    public String label() { return label; }

    public static Optional<DoseMetric> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (DoseMetric m : values()) if (m.code.equals(t) || m.name().equalsIgnoreCase(t)) return Optional.of(m);
        return Optional.empty();
    }
}
