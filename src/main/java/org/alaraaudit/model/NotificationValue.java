package org.alaraaudit.model;

import java.util.Set;

/** An AAPM / NEMA XR-25 CTDIvol notification value for one category of series. */
public record NotificationValue(
        String category,
        Set<TargetRegion> targetRegions,
        Set<AcquisitionType> acquisitionTypes,
        Range ageYears,
        Integer phantomCm,
        double ctdivolMgy,
        String source,
        long line) {

    public boolean appliesTo(TargetRegion region, AcquisitionType type, double age, int phantom) {
        if (!targetRegions.isEmpty() && (region == null || !targetRegions.contains(region))) return false;
        if (!acquisitionTypes.isEmpty() && (type == null || !acquisitionTypes.contains(type))) return false;
        if (phantomCm != null && phantomCm != phantom) return false;
        return ageYears.contains(age);
    }
}
