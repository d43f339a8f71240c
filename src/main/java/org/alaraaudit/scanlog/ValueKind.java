package org.alaraaudit.scanlog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What kind of value a canonical column (or attribute) holds, and for numbers the units an export may use and
 * how each converts to the canonical unit. Unit names are matched loosely ("Gy·m²", "Gy.m2", "gym2" are one
 * unit) because safety officers copy them from column titles.
 */
enum ValueKind {
    TEXT, DATE, DATE_TIME,
    YEARS("years", u("y", 1, 1), u("yr", 1, 1), u("yrs", 1, 1), u("year", 1, 1), u("years", 1, 1),
            u("month", 1, 12), u("months", 1, 12), u("weeks", 7, 365.2425), u("days", 1, 365.2425)),
    KILOGRAMS("kg", u("kg", 1, 1), u("g", 1, 1000), u("lb", 0.45359237, 1)),
    CENTIMETRES("cm", u("cm", 1, 1), u("m", 100, 1), u("mm", 1, 10), u("in", 2.54, 1)),
    MILLIMETRES("mm", u("mm", 1, 1), u("cm", 10, 1), u("m", 1000, 1)),
    KILOVOLTS("kVp", u("kvp", 1, 1), u("kv", 1, 1)),
    MILLIAMPERE_SECONDS("mAs", u("mas", 1, 1), u("as", 1000, 1)),
    MILLIGRAY("mGy", u("mgy", 1, 1), u("gy", 1000, 1), u("cgy", 10, 1), u("ugy", 1, 1000)),
    MILLIGRAY_CENTIMETRES("mGy·cm", u("mgycm", 1, 1), u("gycm", 1000, 1), u("mgymm", 1, 10)),
    GRAY_SQUARE_CENTIMETRES("Gy·cm²", u("gycm2", 1, 1), u("gym2", 10000, 1), u("dgycm2", 1, 10), u("cgycm2", 1, 100),
            u("mgycm2", 1, 1000), u("ugycm2", 1, 1_000_000), u("mgym2", 10, 1), u("ugym2", 1, 100)),
    SECONDS("s", u("s", 1, 1), u("sec", 1, 1), u("seconds", 1, 1), u("min", 60, 1), u("minutes", 60, 1),
            u("ms", 1, 1000));

    /** Multiply by {@code times}, divide by {@code per}: exact for the decimal factors, 16 digits otherwise. */
    record Unit(String name, BigDecimal times, BigDecimal per) {
        BigDecimal convert(BigDecimal v) {
            BigDecimal r = v.multiply(times);
            return per.compareTo(BigDecimal.ONE) == 0 ? r : r.divide(per, MathContext.DECIMAL64);
        }
    }

    private static Unit u(String name, double times, double per) {
        return new Unit(name, new BigDecimal(Double.toString(times)), new BigDecimal(Double.toString(per)));
    }

    private final String canonicalUnit;
    private final Map<String, Unit> units = new LinkedHashMap<>();

    ValueKind() { this.canonicalUnit = null; }

    ValueKind(String canonicalUnit, Unit... units) {
        this.canonicalUnit = canonicalUnit;
        for (Unit u : units) this.units.put(u.name(), u);
    }

    boolean isNumber() { return canonicalUnit != null; }

    String canonicalUnit() { return canonicalUnit; }

    List<String> unitNames() { return List.copyOf(units.keySet()); }

    /** The unit by any spelling, or null when this kind has no such unit. */
    Unit unit(String written) {
        return units.get(normalise(written));
    }

    static String normalise(String unit) {
        return unit.trim().toLowerCase(Locale.ROOT).replace('²', '2').replace('µ', 'u').replace('μ', 'u')
                .replaceAll("[\\s.·*^()\\[\\]]", "");
    }

    /** The kind of a canonical column. */
    static ValueKind of(CanonicalColumn c) {
        switch (c) {
            case BIRTH_DATE: return DATE;
            case STUDY_DATETIME: case EVENT_DATETIME: return DATE_TIME;
            case AGE_YEARS: return YEARS;
            case WEIGHT_KG: return KILOGRAMS;
            case HEIGHT_CM: case EFFECTIVE_DIAMETER_CM: case WATER_EQUIVALENT_DIAMETER_CM: return CENTIMETRES;
            case SCAN_LENGTH_MM: return MILLIMETRES;
            case KVP: return KILOVOLTS;
            case MAS: return MILLIAMPERE_SECONDS;
            case CTDIVOL_MGY: case SSDE_MGY: case KA_R_MGY: case PEAK_SKIN_DOSE_MGY: return MILLIGRAY;
            case DLP_MGYCM: return MILLIGRAY_CENTIMETRES;
            case DAP_GYCM2: return GRAY_SQUARE_CENTIMETRES;
            case FLUORO_TIME_S: return SECONDS;
            default: return TEXT;
        }
    }
}
