package org.alaraaudit.scanlog;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The columns of the canonical scan log (README, "Input: the canonical scan log"), in their documented order. */
public enum CanonicalColumn {
    PATIENT_ID(true), BIRTH_DATE(false), AGE_YEARS(false), SEX(false), WEIGHT_KG(false), HEIGHT_CM(false),
    FACILITY(true), STATION_NAME(true), MANUFACTURER(false), MODEL(false), ACCESSION_NUMBER(true),
    STUDY_DATETIME(true), MODALITY(true), STUDY_DESCRIPTION(false), INDICATION(false), PROTOCOL_NAME(false),
    ACQUISITION_TYPE(false), TARGET_REGION(false), EVENT_DATETIME(false), EVENT_UID(false), KVP(false), MAS(false),
    CTDIVOL_MGY(false), PHANTOM(false), DLP_MGYCM(false), SCAN_LENGTH_MM(false), SSDE_MGY(false),
    EFFECTIVE_DIAMETER_CM(false), WATER_EQUIVALENT_DIAMETER_CM(false), DAP_GYCM2(false), FLUORO_TIME_S(false), CONTRAST(false),
    BODY_PART(false), VIEW(false), EXPOSURE_INDEX(false), TARGET_EXPOSURE_INDEX(false), DEVIATION_INDEX(false),
    KA_R_MGY(false), PEAK_SKIN_DOSE_MGY(false), PLANE(false);

    private static final Map<String, CanonicalColumn> BY_HEADER = new HashMap<>();
    /** {@link #values()} without a new array for every row; never written. */
    static final CanonicalColumn[] ALL = values();

    static {
        for (CanonicalColumn c : values()) BY_HEADER.put(c.header(), c);
    }

    private final boolean required;
    private final String header;

    CanonicalColumn(boolean required) {
        this.required = required;
        this.header = name().toLowerCase(Locale.ROOT);
    }

    /** Required in every row; protocol_name (CT only) and age (one of two columns) are checked separately. */
    public boolean required() { return required; }

    public String header() { return header; }

    /** Header names match case-insensitively, ignoring surrounding spaces. */
    public static Optional<CanonicalColumn> forHeader(String header) {
        if (header == null) return Optional.empty();
        return Optional.ofNullable(BY_HEADER.get(header.trim().toLowerCase(Locale.ROOT)));
    }
}
