package org.alaraaudit.dicom;

import java.math.BigDecimal;

/**
 * A numeric value of the report with its unit as coded (UCUM code value, or the meaning when a vendor left the
 * value out) and the content item it came from.
 */
public record Measurement(BigDecimal value, String unit, String path) {
    static Measurement of(ContentItem item) {
        return of(item, item.number().orElse(null));
    }

    /** A value the device may give once per pulse (kVp, tube current): their mean. */
    static Measurement perPulse(ContentItem item) {
        return of(item, item.meanOfValues().orElse(null));
    }

    private static Measurement of(ContentItem item, BigDecimal v) {
        if (v == null) return null;
        String unit = item.unit() == null ? null : item.unit().value() != null ? item.unit().value() : item.unit().meaning();
        return new Measurement(v, unit, item.path());
    }
}
