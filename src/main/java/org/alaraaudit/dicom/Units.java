package org.alaraaudit.dicom;

import java.math.BigDecimal;
import java.util.Locale;

/** The few unit conversions the reader does itself, to combine values (mA times s); the rest is the scan log's. */
final class Units {
    private Units() {}

    static BigDecimal seconds(Measurement m) {
        String u = m.unit() == null ? "s" : norm(m.unit());
        switch (u) {
            case "s": return m.value();
            case "ms": return m.value().movePointLeft(3);
            case "min": return m.value().multiply(BigDecimal.valueOf(60));
            default: throw new DicomException(m.path() + ": the time unit \"" + m.unit() + "\" is not s, ms or min");
        }
    }

    /** mAs from an Exposure in uAs (TID 10003B) or mAs. */
    static BigDecimal milliampereSeconds(Measurement m) {
        String u = m.unit() == null ? "" : norm(m.unit());
        switch (u) {
            case "uas": return m.value().movePointLeft(3);
            case "mas": return m.value();
            case "as": return m.value().movePointRight(3);
            default: throw new DicomException(m.path() + ": the exposure unit \"" + m.unit() + "\" is not uAs or mAs");
        }
    }

    /** mA from a tube current in mA or A. */
    static BigDecimal milliamperes(Measurement m) {
        String u = m.unit() == null ? "ma" : norm(m.unit());
        switch (u) {
            case "ma": return m.value();
            case "a": return m.value().movePointRight(3);
            default: throw new DicomException(m.path() + ": the tube current unit \"" + m.unit() + "\" is not mA");
        }
    }

    /** UCUM and vendor spellings alike: "uA.s", "µAs" and "uAs" are one unit. */
    private static String norm(String unit) {
        return unit.trim().toLowerCase(Locale.ROOT).replace("µ", "u").replace("μ", "u").replaceAll("[\\s.·*]", "");
    }
}
