package org.alaraaudit.report;

import java.util.regex.Pattern;
import org.alaraaudit.model.Finding;

/**
 * What a run's reports may show about patients. The report template decides it, and every output follows it, not
 * only the PDF: an accreditation package whose workbook still listed pseudonyms would undo the PDF's restraint.
 */
public enum Disclosure {
    /** Pseudonyms (patient_ref) and ages appear: the safety officer's working copy. */
    PATIENT_LEVEL,
    /** No pseudonym and no age anywhere; findings by accession number only: what leaves the institution. */
    AGGREGATE;

    /** "child aged 4.2 y", as the rules write a patient's age into a message. */
    private static final Pattern AGED = Pattern.compile(" aged \\d+(?:\\.\\d+)? y\\b");
    /** "the child is 3.1 y", after the protocol's age range. */
    private static final Pattern CHILD_IS = Pattern.compile("the child is \\d+(?:\\.\\d+)? y\\b");

    public boolean showsPatients() { return this == PATIENT_LEVEL; }

    public String patientRef(Finding f) { return showsPatients() ? f.patientRef() : null; }

    public Double age(Finding f) { return showsPatients() ? Cells.age(f.ageYears()) : null; }

    /** The message, with the patient's age taken out when ages may not be shown. */
    public String message(Finding f) { return message(f.message()); }

    public String message(String m) {
        if (showsPatients() || m == null) return m;
        return CHILD_IS.matcher(AGED.matcher(m).replaceAll("")).replaceAll("the child's age is outside it");
    }

    /**
     * A rejected row's or data warning's value as this disclosure may show it: an age is withheld when ages may not be
     * shown (identifiers and birth dates are withheld whatever the template, when the row is validated).
     */
    public String inputValue(String column, String value) {
        if (showsPatients() || value == null || !"age_years".equals(column)) return value;
        return org.alaraaudit.scanlog.Rejection.VALUE_WITHHELD;
    }

    /** The measured value, unless it is the patient's age (the protocol-age rules measure the age). */
    public Double measuredValue(Finding f) {
        if (!showsPatients() && "age".equalsIgnoreCase(f.quantity())) return null;
        return f.measuredValue();
    }
}
