package org.alaraaudit.history;

import org.alaraaudit.model.Contrast;
import org.alaraaudit.model.ReferenceLevel;

/**
 * One dose value of a stored CT study, for the trend's medians: CTDIvol of a diagnostic acquisition (with its
 * standard protocol) or a study's DLP over a pediatric exam type. {@code level} is the DRL band the value is
 * judged against, null when there is none (adults, regions without a DRL); {@code contrastLabel} what its DRL group
 * says of contrast (audit.aggregate.GroupContrast#label), null for none; {@code examContrast} the contrast of the
 * exam the value comes from (see {@link #examContrast(Contrast)}).
 */
record DoseValue(String quantity, String standardProtocol, double measured, int phantomCm, ReferenceLevel level,
                 String contrastLabel, String examContrast) {
    static final String CTDIVOL = "CTDIvol";
    static final String DLP = "DLP";

    /** What dose_value.exam_contrast holds: with, without, both, or unknown (never null, which is a value stored before it). */
    static String examContrast(Contrast c) {
        return c == null ? "unknown" : c.name().toLowerCase(java.util.Locale.ROOT);
    }

    Double drl() {
        if (level == null) return null;
        return DLP.equals(quantity) ? level.dlpMgycm() : level.ctdivolMgy();
    }
}
