package org.alaraaudit.audit.aggregate;

import org.alaraaudit.model.Contrast;
import org.alaraaudit.model.ReferenceLevel;
import org.alaraaudit.rules.ReferenceLevels;

/**
 * What a DRL group's exam type says of contrast, as the audit's DRL table writes it: the history keeps it with each
 * dose value, so a trend names and splits its series as the audit did.
 */
public final class GroupContrast {
    private GroupContrast() {}

    /**
     * For a value of an exam of contrast {@code exam} compared with DRL row {@code level}: "with contrast" or "without
     * contrast" for a row of that contrast (as the reports name the group, model.DoseGroup#getExamName), "(contrast
     * not known)" or "(with and without contrast)" for exams of another contrast than the row's, which form groups of
     * their own, or null for a row that does not specify contrast. Months stored before "without contrast" was kept
     * have none, and a trend still puts them in one series with the later ones: the label is not part of its key.
     */
    public static String label(ReferenceLevel level, Contrast exam) {
        String label = DrlTally.contrastLabel(level, exam);
        if (label == null && ReferenceLevels.contrastOf(level) == Contrast.WITHOUT) return Contrast.WITHOUT.label();
        return label;
    }

    /** True for a label of exams whose contrast is not their DRL row's. */
    public static boolean unmatched(String label) { return label != null && label.startsWith("("); }
}
