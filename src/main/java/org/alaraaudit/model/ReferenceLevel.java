package org.alaraaudit.model;

import java.util.Set;

/**
 * A diagnostic reference level for one exam type and band: a group-level benchmark (ICRP 135), never a limit
 * for an individual patient.
 */
public record ReferenceLevel(
        String drlSet,
        String examType,
        Set<TargetRegion> targetRegions,
        String contrast,
        String bandType,
        String band,
        Range ageYears,
        Range weightKg,
        int phantomCm,
        Double ctdivolMgy,
        Double dlpMgycm,
        String source,
        long line) {

    /**
     * From the fields that tell rows apart, consistent with the record's equality: the period's tallies key every CT
     * acquisition's DRL group on its level, and hashing all thirteen fields (a set, two ranges, the citation) each
     * time was most of keying it.
     */
    @Override
    public int hashCode() {
        return java.util.Objects.hash(drlSet, examType, band, line);
    }

    /** Age bands need the age; weight bands need a known weight, otherwise the patient is not in the band. */
    public boolean appliesTo(TargetRegion region, double age, Double weight) {
        if (region == null || !targetRegions.contains(region)) return false;
        if ("weight".equals(bandType)) return weight != null && weightKg.contains(weight) && ageYears.contains(age);
        return ageYears.contains(age) && (weightKg.isUnbounded() || (weight != null && weightKg.contains(weight)));
    }
}
