package org.alaraaudit.dosimetry;

import java.util.Locale;

/** Patient sex as far as phantom choice goes; the scan log's "O" and "U" have no phantom, so they are unknown. */
public enum Sex {
    F, M, UNKNOWN;

    /** Reads the scan log code (M, F, O, U or blank). */
    public static Sex fromCode(String code) {
        if (code == null) return UNKNOWN;
        switch (code.trim().toUpperCase(Locale.ROOT)) {
            case "F": case "FEMALE": return F;
            case "M": case "MALE": return M;
            default: return UNKNOWN;
        }
    }

    String phantomWord() { return this == F ? "female" : this == M ? "male" : "unknown-sex"; }
}
