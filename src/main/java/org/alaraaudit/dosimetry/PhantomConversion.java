package org.alaraaudit.dosimetry;

import java.util.EnumSet;
import java.util.OptionalDouble;
import java.util.Set;

import org.alaraaudit.model.TargetRegion;

/**
 * Re-expresses a trunk CTDIvol or DLP logged against one CTDI phantom as if it had been logged against the
 * other, because the pediatric coefficients are normalised to the 16 cm phantom while scanners mostly log
 * children's body scans against 32 cm (marrow-dose.md section 2; dose-references.md section 0).
 *
 * <p>The factor is a policy value, not a published constant: no 16/32 cm ratio for the reference scanner was
 * found, and the evidence spans about 2.0 to 2.6 (AAPM 204 fit ratio about 2.0-2.1; NCICT worked examples
 * about 2.3-2.5; UCSF registry 2-3). The default 2.5 sits at the high end so that the estimates err towards
 * over-estimation, as marrow-dose.md section 2 suggests for a screening tool; it is used for marrow dose only.
 * Effective dose uses AAPM Report 204's ratio (2.0; {@link #aapm204}): with 2.5 a child's body DLP became
 * 2.5 times larger the day before the 18th birthday than on it, and the estimate jumped 2.3-2.5 times there,
 * more than the published coefficients differ between their own ages.
 */
public record PhantomConversion(double factor16Per32, String basis) {

    public static final double DEFAULT_FACTOR = 2.5;
    /** AAPM Report 204: CTDIvol(16 cm) / CTDIvol(32 cm) is 2.00-2.11 from 8 to 32 cm effective diameter. */
    public static final double AAPM204_RATIO = 2.0;
    private static final String POLICY_BASIS = "local policy 32->16 cm factor, not a published constant";

    // The factor was derived from trunk-sized patients; a head or neck logged on the "wrong" phantom has no
    // such evidence, so it is left unconverted (and the estimate is not made).
    private static final Set<TargetRegion> TRUNK = EnumSet.of(TargetRegion.CHEST, TargetRegion.ABDOMEN,
            TargetRegion.PELVIS, TargetRegion.ABDOMEN_PELVIS, TargetRegion.CHEST_ABDOMEN_PELVIS, TargetRegion.WHOLE_BODY);

    public PhantomConversion {
        if (!Double.isFinite(factor16Per32) || factor16Per32 <= 0) {
            throw new IllegalArgumentException("the 32->16 cm phantom factor must be a positive number, got " + factor16Per32);
        }
    }

    /** The marrow-dose policy factor ({@code phantom_factor_32_to_16}). */
    public PhantomConversion(double factor16Per32) { this(factor16Per32, POLICY_BASIS); }

    public static PhantomConversion defaultPolicy() { return new PhantomConversion(DEFAULT_FACTOR); }

    /** The AAPM Report 204 ratio ({@code phantom_ratio_16_to_32}), for effective dose and comparisons. */
    public static PhantomConversion aapm204(double ratio) {
        return new PhantomConversion(ratio, "16/32 cm ratio of local policy, the low end of the 2.00-2.11 AAPM Report 204 implies (settings phantom_ratio_16_to_32)");
    }

    /**
     * The value referenced to {@code toCm}: unchanged when the phantoms match, times the factor from 32 to 16 cm,
     * divided by it from 16 to 32 cm. Empty when a phantom is not 16 or 32, or when the phantoms differ for a
     * region outside the trunk.
     */
    public OptionalDouble express(double value, int fromCm, int toCm, TargetRegion region) {
        if (!isStandard(fromCm) || !isStandard(toCm)) return OptionalDouble.empty();
        if (fromCm == toCm) return OptionalDouble.of(value);
        if (region == null || !TRUNK.contains(region)) return OptionalDouble.empty();
        return OptionalDouble.of(fromCm == 32 ? value * factor16Per32 : value / factor16Per32);
    }

    /** The phantom note every converted estimate must carry (marrow-dose.md section 2: print the factor used). */
    String describe(double value, int fromCm, double converted, int toCm, String unit) {
        if (fromCm == toCm) return Figures.format(value) + " " + unit + " on the " + fromCm + " cm phantom, used as logged";
        String op = fromCm == 32 ? " × " : " ÷ ";
        return Figures.format(value) + " " + unit + " on the " + fromCm + " cm phantom" + op + Figures.format(factor16Per32)
                + " (" + basis + ") = " + Figures.format(converted) + " " + unit + " on "
                + toCm + " cm";
    }

    static boolean isStandard(int phantomCm) { return phantomCm == 16 || phantomCm == 32; }
}
