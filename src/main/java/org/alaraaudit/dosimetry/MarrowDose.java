package org.alaraaudit.dosimetry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.alaraaudit.dosimetry.MarrowDoseCoefficients.Coefficient;
import org.alaraaudit.model.TargetRegion;

/**
 * Red bone marrow dose per diagnostic acquisition = coefficient(region, age band, sex) × CTDIvol expressed on
 * the coefficient's phantom (marrow-dose.md section 4). Regions the table does not cover get no estimate
 * rather than a borrowed coefficient (section 3), and so does a scan logged with DLP only (section 6): the
 * caller passes CTDIvol or nothing.
 */
public final class MarrowDose {

    private final MarrowDoseCoefficients coefficients;
    private final PhantomConversion conversion;
    private final UnknownSexRule unknownSex;

    public MarrowDose(MarrowDoseCoefficients coefficients, PhantomConversion conversion, UnknownSexRule unknownSex) {
        this.coefficients = Objects.requireNonNull(coefficients, "coefficients");
        this.conversion = Objects.requireNonNull(conversion, "conversion");
        this.unknownSex = Objects.requireNonNull(unknownSex, "unknownSex");
    }

    /** The default policy: 32->16 cm factor 2.5, and the larger coefficient when sex is unknown. */
    public MarrowDose(MarrowDoseCoefficients coefficients) {
        this(coefficients, PhantomConversion.defaultPolicy(), UnknownSexRule.LARGER);
    }

    /**
     * @param sex              the patient's sex; {@link Sex#UNKNOWN} when not logged or "other"
     * @param ctdivolPhantomCm the CTDI phantom the CTDIvol refers to (16 or 32)
     */
    public Optional<MarrowDoseEstimate> estimate(TargetRegion region, double ageYears, Sex sex, double ctdivolMgy,
                                                 int ctdivolPhantomCm) {
        Optional<String> coefficientRegion = coefficientRegion(region);
        if (coefficientRegion.isEmpty() || !Double.isFinite(ageYears) || ageYears < 0) return Optional.empty();
        if (!Double.isFinite(ctdivolMgy) || ctdivolMgy < 0) return Optional.empty();
        List<Coefficient> found = coefficients.find(coefficientRegion.get(), ageYears);
        if (found.isEmpty()) return Optional.empty();

        Choice choice = choose(found, sex == null ? Sex.UNKNOWN : sex);
        Coefficient row = choice.row();
        double value = choice.value();

        OptionalDouble ctdivol = conversion.express(ctdivolMgy, ctdivolPhantomCm, row.ctdivolPhantomCm(), region);
        if (ctdivol.isEmpty()) return Optional.empty();
        double converted = ctdivol.getAsDouble();
        java.util.function.Supplier<String> assumption = () -> row.region() + " coefficient " + Figures.format(value) + " mGy/mGy ("
                + AgeBand.phantomAgeLabel(row.phantomAge()) + " phantom; patient " + Figures.format(ageYears) + " y, band "
                + row.band().label() + "), " + choice.sexNote().get()
                + "; CTDIvol " + conversion.describe(ctdivolMgy, ctdivolPhantomCm, converted, row.ctdivolPhantomCm(), "mGy")
                + "; reference-phantom estimate for the standard scan range, not a measured dose";
        return Optional.of(new MarrowDoseEstimate(value * converted, value, converted, row.dataset(), assumption));
    }

    /**
     * The row whose band and phantom apply, the coefficient value (combined for unknown sex) and why; the why is
     * worded only when an estimate's assumptions are read, not for each of a run's million acquisitions.
     */
    private record Choice(Coefficient row, double value, java.util.function.Supplier<String> sexNote) {}

    private Choice choose(List<Coefficient> found, Sex sex) {
        Coefficient female = null;
        Coefficient male = null;
        for (Coefficient c : found) {
            if (c.sex() == Sex.F && female == null) female = c;
            if (c.sex() == Sex.M && male == null) male = c;
        }
        Coefficient own = sex == Sex.F ? female : sex == Sex.M ? male : null;
        if (own != null) return new Choice(own, own.value(), () -> sex.phantomWord() + " phantom");
        if (female != null && male != null) {
            double f = female.value();
            double m = male.value();
            // The table guarantees both rows share band and phantom, so either row stands for them.
            return new Choice(male, unknownSex.combine(f, m), () -> unknownSex.describe(f, m));
        }
        Coefficient only = female != null ? female : male;
        if (only == null) throw new java.util.NoSuchElementException("no female or male coefficient among " + found);
        return new Choice(only, only.value(), () -> "only the " + only.sex().phantomWord() + " phantom is tabulated at this age, used for "
                + (sex == Sex.UNKNOWN ? "a patient of unknown sex" : "a " + sex.phantomWord() + " patient"));
    }

    /**
     * Only the four NCICT scan ranges. Abdomen-only, pelvis-only, neck, spine, extremity and whole-body scans
     * are "RBM not estimated" (marrow-dose.md section 3), unlike effective dose, which borrows a region.
     */
    static Optional<String> coefficientRegion(TargetRegion region) {
        if (region == null) return Optional.empty();
        switch (region) {
            case HEAD: return Optional.of("head");
            case CHEST: return Optional.of("chest");
            case ABDOMEN_PELVIS: return Optional.of("abdomen-pelvis");
            case CHEST_ABDOMEN_PELVIS: return Optional.of("chest-abdomen-pelvis");
            default: return Optional.empty();
        }
    }
}
