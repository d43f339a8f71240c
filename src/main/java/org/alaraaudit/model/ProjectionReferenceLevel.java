package org.alaraaudit.model;

import java.time.LocalDate;

/**
 * A diagnostic reference level for a radiograph (DAP per exposure) or a fluoroscopy procedure (DAP per procedure)
 * of one exam and age or weight band: a group-level benchmark (ICRP 135) for a facility's typical value, never a
 * limit for one patient. {@code exam} matches the typical value's exam (body part and view, or the protocol) as
 * the catalog's patterns match protocol names; {@code drlSet} null means every DRL set.
 */
public record ProjectionReferenceLevel(
        String drlSet,
        String kind,
        Glob exam,
        String bandType,
        String band,
        Range ageYears,
        Range weightKg,
        double dapGycm2,
        String source,
        ReferenceStatus status,
        String verifiedBy,
        LocalDate verifiedOn,
        long line) {

    public static final String RADIOGRAPHY = "radiography";
    public static final String FLUOROSCOPY = "fluoroscopy";

    /**
     * Age bands need only the age; weight bands need a known weight. An adult is judged only against rows written
     * for adults (an age band starting at the pediatric limit or later), as the CT DRLs are: a pediatric band open
     * upwards is not meant for them.
     */
    public boolean appliesTo(String kind, String exam, double age, Double weight, double pediatricAgeYears) {
        if (!this.kind.equals(kind) || !this.exam.matches(exam)) return false;
        if (age >= pediatricAgeYears && (ageYears.min() == null || ageYears.min() < pediatricAgeYears)) return false;
        if (!ageYears.contains(age)) return false;
        if ("weight".equals(bandType)) return weight != null && weightKg.contains(weight);
        return weightKg.isUnbounded() || (weight != null && weightKg.contains(weight));
    }

    /** How far the value was verified, in a reviewer's words: the site's confirmation where given, else its status. */
    public String standing() {
        if (verifiedBy != null && verifiedOn != null) return "confirmed by " + verifiedBy + " on " + verifiedOn;
        return status.wording();
    }

    /** The row as a reader finds it in the table: set, exam pattern and band (never a file name: reports quote it). */
    public String label() {
        return (drlSet == null ? "" : "set " + drlSet + ", ") + exam + ", " + band;
    }
}
