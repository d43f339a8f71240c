package org.alaraaudit.dosimetry;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.alaraaudit.dosimetry.BodySize.Diameter;
import org.alaraaudit.dosimetry.SsdeCoefficients.Fit;

/**
 * Size-specific dose estimate per AAPM Reports 204 and 220: SSDE = f(D) × CTDIvol for the event's phantom.
 *
 * <p>Report 204 is a body-CT method; applied to a head it overestimates (by up to 12% against TG-293 in one
 * pediatric study, dose-references.md section 3), so callers should present it as a body metric.
 */
public final class Ssde {

    private final SsdeCoefficients coefficients;

    public Ssde(SsdeCoefficients coefficients) {
        this.coefficients = Objects.requireNonNull(coefficients, "coefficients");
    }

    /**
     * The scanner's own SSDE if it exported one; otherwise f(D) × CTDIvol from the preferred diameter of
     * {@code size}. Empty ("not computed") when there is no usable size, no CTDIvol, no fit for the phantom, or
     * the diameter is outside the tabulated range: the preferred diameter then decides, and a less preferred
     * measure is not tried, because it describes the same patient less well.
     *
     * @param exportedSsdeMgy the SSDE from the scan log, null when absent
     * @param ctdivolMgy      the event's CTDIvol, null when absent
     * @param phantomCm       the CTDI phantom the CTDIvol refers to (16 or 32)
     */
    public Optional<SsdeEstimate> estimate(Double exportedSsdeMgy, Double ctdivolMgy, int phantomCm, BodySize size) {
        if (exported(exportedSsdeMgy)) return Optional.of(new SsdeEstimate(exportedSsdeMgy, "exported"));
        Optional<Diameter> diameter = diameter(ctdivolMgy, size);
        OptionalDouble factor = diameter.isEmpty() ? OptionalDouble.empty() : conversionFactor(phantomCm, diameter.get().cm());
        if (factor.isEmpty()) return Optional.empty();
        double f = factor.getAsDouble();
        String method = diameter.get().basis() + ", AAPM 204 conversion factor " + Figures.format(f) + " ("
                + phantomCm + " cm phantom) × CTDIvol " + Figures.format(ctdivolMgy) + " mGy";
        return Optional.of(new SsdeEstimate(f * ctdivolMgy, method));
    }

    /**
     * The mGy of {@link #estimate}, null where it is empty, without its method: the period's tallies group every
     * event by it and never show how it was obtained, and writing the method out was a tenth of assembling studies.
     */
    public Double mgy(Double exportedSsdeMgy, Double ctdivolMgy, int phantomCm, BodySize size) {
        if (exported(exportedSsdeMgy)) return exportedSsdeMgy;
        if (!usable(ctdivolMgy) || size == null) return null;
        Double cm = size.preferredDiameterCm();
        OptionalDouble factor = cm == null ? OptionalDouble.empty() : conversionFactor(phantomCm, cm);
        return factor.isEmpty() ? null : factor.getAsDouble() * ctdivolMgy;
    }

    private static boolean exported(Double ssdeMgy) { return ssdeMgy != null && Double.isFinite(ssdeMgy) && ssdeMgy > 0; }

    /** The diameter an estimate is made from; empty when there is no usable CTDIvol or size. */
    private static Optional<Diameter> diameter(Double ctdivolMgy, BodySize size) {
        if (!usable(ctdivolMgy) || size == null) return Optional.empty();
        return size.preferredDiameter();
    }

    private static boolean usable(Double ctdivolMgy) { return ctdivolMgy != null && Double.isFinite(ctdivolMgy) && ctdivolMgy >= 0; }

    /** f(D) for the phantom, empty outside the tabulated diameter range or for a phantom without a fit. */
    public OptionalDouble conversionFactor(int phantomCm, double diameterCm) {
        Optional<Fit> fit = coefficients.forPhantom(phantomCm);
        if (fit.isEmpty() || !fit.get().covers(diameterCm)) return OptionalDouble.empty();
        return OptionalDouble.of(fit.get().factor(diameterCm));
    }
}
