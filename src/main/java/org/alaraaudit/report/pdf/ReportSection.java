package org.alaraaudit.report.pdf;

import java.util.Locale;
import java.util.Optional;

/** The parts of the report a template can include, in the order the report prints them. */
public enum ReportSection {
    COVER("cover", false),
    SUMMARY("summary", false),
    CHARTS("charts", false),
    DRL("drl", false),
    INCIDENTS("incidents", false),
    OTHER_FINDINGS("other-findings", false),
    REPEAT_SCANS("repeat-scans", true),
    CUMULATIVE_DOSE("cumulative-dose", true),
    XRAY("xray-fluoroscopy", false),
    DATA_QUALITY("data-quality", false),
    METHODOLOGY("methodology", false),
    SIGN_OFF("sign-off", false);

    private final String key;
    private final boolean patientLevel;

    ReportSection(String key, boolean patientLevel) {
        this.key = key;
        this.patientLevel = patientLevel;
    }

    /** The name used in template.properties. */
    public String key() { return key; }

    /** Lists patients by pseudonym: sections an accreditation submission must leave out. */
    public boolean patientLevel() { return patientLevel; }

    public static Optional<ReportSection> byKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (ReportSection s : values()) if (s.key.equals(k)) return Optional.of(s);
        return Optional.empty();
    }
}
