package org.alaraaudit.audit.aggregate;

import org.alaraaudit.model.Contrast;
import org.alaraaudit.model.ReferenceLevel;

/**
 * What a DRL group's exam type says of contrast, as the audit's DRL table writes it: the history keeps it with each
 * dose value, so a trend names and splits its series as the audit did.
 */
public final class GroupContrast {
    private GroupContrast() {}

    /**
     * For a value of an exam of contrast {@code exam} compared with DRL row {@code level}: "with contrast" for a row of
     * contrast exams, "(contrast not known)" or "(with and without contrast)" for exams of another contrast than the
     * row's, which form groups of their own, or null for the usual exam.
     */
    public static String label(ReferenceLevel level, Contrast exam) { return DrlTally.contrastLabel(level, exam); }

    /** True for a label of exams whose contrast is not their DRL row's. */
    public static boolean unmatched(String label) { return label != null && label.startsWith("("); }
}
