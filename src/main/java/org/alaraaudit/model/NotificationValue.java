package org.alaraaudit.model;

import java.util.Set;

/**
 * An AAPM / NEMA XR-25 CTDIvol notification value for one category of series, on the phantom it names. A series
 * logged on the other phantom is compared after re-expressing its CTDIvol with {@code phantomRatio16To32}
 * (CTDIvol 16 cm / 32 cm; AAPM Report 204 gives 2.0-2.1), never as logged.
 */
public record NotificationValue(
        String category,
        Set<TargetRegion> targetRegions,
        Set<AcquisitionType> acquisitionTypes,
        Range ageYears,
        Integer phantomCm,
        double ctdivolMgy,
        String source,
        long line,
        double phantomRatio16To32) {

    /** The ratio used until the run's settings give theirs (AAPM 204: 2.00-2.11 between 8 and 32 cm). */
    public static final double DEFAULT_PHANTOM_RATIO = 2.0;

    public NotificationValue(String category, Set<TargetRegion> targetRegions, Set<AcquisitionType> acquisitionTypes,
                             Range ageYears, Integer phantomCm, double ctdivolMgy, String source, long line) {
        this(category, targetRegions, acquisitionTypes, ageYears, phantomCm, ctdivolMgy, source, line, DEFAULT_PHANTOM_RATIO);
    }

    /** Region, type, age and phantom all fit. */
    public boolean appliesTo(TargetRegion region, AcquisitionType type, double age, int phantom) {
        return appliesOnAnyPhantom(region, type, age) && (phantomCm == null || phantomCm == phantom);
    }

    /** Region, type and age fit; the phantom may be the other one (then the CTDIvol is converted). */
    public boolean appliesOnAnyPhantom(TargetRegion region, AcquisitionType type, double age) {
        if (!targetRegions.isEmpty() && (region == null || !targetRegions.contains(region))) return false;
        return appliesToTypeAndAge(type, age);
    }

    public boolean appliesToTypeAndAge(AcquisitionType type, double age) {
        if (!acquisitionTypes.isEmpty() && (type == null || !acquisitionTypes.contains(type))) return false;
        return ageYears.contains(age);
    }

    /** True when a CTDIvol on {@code phantom} must be converted before it is compared with this value. */
    public boolean converts(int phantom) {
        return phantomCm != null && phantomCm != phantom && (phantom == 16 || phantom == 32);
    }

    /** A CTDIvol logged on {@code phantom}, expressed on this value's phantom. */
    public Double onOwnPhantom(Double ctdivol, int phantom) {
        if (ctdivol == null || !converts(phantom)) return ctdivol;
        return phantom == 32 ? ctdivol * phantomRatio16To32 : ctdivol / phantomRatio16To32;
    }

    /** This value expressed on {@code phantom}: what "strictest" compares across phantoms. */
    public double valueOn(int phantom) {
        if (!converts(phantom)) return ctdivolMgy;
        return phantomCm == 32 ? ctdivolMgy * phantomRatio16To32 : ctdivolMgy / phantomRatio16To32;
    }

    public NotificationValue withPhantomRatio(double ratio) {
        return new NotificationValue(category, targetRegions, acquisitionTypes, ageYears, phantomCm, ctdivolMgy, source, line, ratio);
    }

    public NotificationValue withCategory(String text) {
        return new NotificationValue(text, targetRegions, acquisitionTypes, ageYears, phantomCm, ctdivolMgy, source, line,
                phantomRatio16To32);
    }
}
