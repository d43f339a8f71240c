package org.alaraaudit.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What a stationary CT series is for. Both irradiate the patient and count in every accumulated or organ dose;
 * only bolus-tracking monitoring is left out of the protocol, multiphase and expected-CTDIvol checks, since it
 * is a timing aid and not an image set.
 */
public enum SeriesKind {
    BOLUS_TRACKING,
    PERFUSION;

    public static Optional<SeriesKind> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (SeriesKind k : values()) if (k.name().equals(t)) return Optional.of(k);
        return Optional.empty();
    }
}
