package org.alaraaudit.rules;

/**
 * The rule ids that Java code has to name: a report section given to one rule, a compliance figure counted from
 * one rule's findings. Everything a reader sees of a rule (title, suggested action, threshold) is metadata in its
 * DRL file, never here.
 */
public final class RuleIds {
    public static final String PEDIATRIC_ADULT_PROTOCOL = "PEDIATRIC_ADULT_PROTOCOL";
    public static final String REPEAT_STUDY = "REPEAT_STUDY";
    public static final String CUMULATIVE_DOSE = "CUMULATIVE_DOSE";
    public static final String DRL_MEDIAN_EXCEEDED = "DRL_MEDIAN_EXCEEDED";
    /** The radiography and fluoroscopy twin of DRL_MEDIAN_EXCEEDED: a typical DAP above its DRL row. */
    public static final String DAP_DRL_MEDIAN_EXCEEDED = "DAP_DRL_MEDIAN_EXCEEDED";
    public static final String UNMAPPED_PROTOCOL = "UNMAPPED_PROTOCOL";
    public static final String DOSE_ABOVE_EXPECTED_RANGE = "DOSE_ABOVE_EXPECTED_RANGE";
    public static final String CT_NOTIFICATION_VALUE = "CT_NOTIFICATION_VALUE";
    public static final String CT_ALERT_VALUE = "CT_ALERT_VALUE";
    /** Puts the patient on the skin follow-up list (NCRP 168 substantial radiation dose level). */
    public static final String FLUORO_SUBSTANTIAL_DOSE = "FLUORO_SUBSTANTIAL_DOSE";
    public static final String STUDY_INCOMPLETE = "STUDY_INCOMPLETE";

    private RuleIds() {}
}
