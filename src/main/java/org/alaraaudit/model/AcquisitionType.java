package org.alaraaudit.model;

import java.util.Locale;
import java.util.Optional;

/** CT acquisition type (DICOM CID 10013); decides which events are diagnostic. */
public enum AcquisitionType {
    SPIRAL("Spiral Acquisition"),
    SEQUENCED("Sequenced Acquisition"),
    CONSTANT_ANGLE("Constant Angle Acquisition"),
    STATIONARY("Stationary Acquisition"),
    FREE("Free Acquisition"),
    CONE_BEAM("Cone Beam Acquisition");

    private final String codeMeaning;

    AcquisitionType(String codeMeaning) { this.codeMeaning = codeMeaning; }

    public String codeMeaning() { return codeMeaning; }

    /**
     * A localizer (scout) is not a diagnostic acquisition. A stationary series may be bolus tracking (not
     * diagnostic) or perfusion (diagnostic): the type alone does not tell, see {@link SeriesKind}.
     */
    public boolean isDiagnostic() { return this != CONSTANT_ANGLE; }

    public static Optional<AcquisitionType> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String t = text.trim();
        String token = t.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (AcquisitionType a : values()) {
            if (a.name().equals(token) || a.codeMeaning.equalsIgnoreCase(t)) return Optional.of(a);
        }
        return Optional.empty();
    }
}
