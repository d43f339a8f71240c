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

    /** A dose-area product in Gy·m² (the unit of TID 10001 totals), from Gy·m², Gy·cm², dGy·cm², cGy·cm², mGy·cm², µGy·m². */
    static BigDecimal grayMetre2(Measurement m) {
        String u = m.unit() == null ? "gym2" : norm(m.unit());
        switch (u) {
            case "gym2": return m.value();
            case "gycm2": return m.value().movePointLeft(4);
            case "dgycm2": return m.value().movePointLeft(5);
            case "cgycm2": return m.value().movePointLeft(6);
            case "mgycm2": return m.value().movePointLeft(7);
            case "ugym2": return m.value().movePointLeft(6);
            default: throw new DicomException(m.path() + ": the dose-area product unit \"" + m.unit() + "\" is not Gy.m2 or Gy.cm2");
        }
    }

    /** An air kerma in Gy, from Gy or mGy. */
    static BigDecimal gray(Measurement m) {
        String u = m.unit() == null ? "gy" : norm(m.unit());
        switch (u) {
            case "gy": return m.value();
            case "mgy": return m.value().movePointLeft(3);
            case "ugy": return m.value().movePointLeft(6);
            default: throw new DicomException(m.path() + ": the dose unit \"" + m.unit() + "\" is not Gy or mGy");
        }
    }

    /** UCUM and vendor spellings alike: "uA.s", "µAs" and "uAs" are one unit. */
    private static String norm(String unit) {
        return unit.trim().toLowerCase(Locale.ROOT).replace("µ", "u").replace("μ", "u").replaceAll("[\\s.·*]", "");
    }
}
