package org.alaraaudit.dosimetry;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.alaraaudit.dosimetry.KFactorTable.KFactor;
import org.alaraaudit.model.TargetRegion;

/**
 * Effective dose = DLP × k for the region and the patient's age band, with the DLP first expressed on the
 * phantom the coefficient goes with (dose-references.md section 4: "with the DLP phantom matched to the
 * coefficient set"). Pediatric Shrimpton body coefficients are (probably) 16 cm-normalised while children's
 * body DLP is mostly logged on 32 cm; without the conversion the estimate would be about half the true one.
 *
 * <p>Method: each pediatric coefficient is applied only to a DLP on the normalisation it assumes (16 cm), the
 * adult one to a 32 cm body DLP; the conversion uses AAPM 204's ratio 2.0, not the marrow-dose policy factor
 * 2.5. Patients take the coefficient of the nearest tabulated age (the band edges of k-factors.csv lie halfway
 * between tabulated ages, the adult phantom counted as 18 y), so neighbouring ages differ at most as much as the
 * published table does between two of its own ages, and nothing changes at the pediatric limit.
 */
public final class EffectiveDose {

    private final KFactorTable table;
    private final PhantomConversion conversion;

    public EffectiveDose(KFactorTable table, PhantomConversion conversion) {
        this.table = Objects.requireNonNull(table, "table");
        this.conversion = Objects.requireNonNull(conversion, "conversion");
    }

    /** With the AAPM 204 ratio 2.0 between the phantoms. */
    public EffectiveDose(KFactorTable table) { this(table, PhantomConversion.aapm204(PhantomConversion.AAPM204_RATIO)); }

    /**
     * Empty ("not estimated") for a region without a coefficient (spine, extremity, other; a child's neck),
     * an age outside the table, a coefficient whose phantom is not stated, a head or neck DLP on the other
     * phantom, or a DLP that is not a number.
     *
     * @param dlpPhantomCm the CTDI phantom the DLP refers to (16 or 32)
     */
    public Optional<EffectiveDoseEstimate> estimate(TargetRegion region, double ageYears, double dlpMgyCm, int dlpPhantomCm) {
        Optional<String> coefficientRegion = coefficientRegion(region);
        if (coefficientRegion.isEmpty() || !Double.isFinite(ageYears) || ageYears < 0) return Optional.empty();
        if (!Double.isFinite(dlpMgyCm) || dlpMgyCm < 0) return Optional.empty();
        Optional<KFactor> found = table.find(coefficientRegion.get(), ageYears);
        if (found.isEmpty() || found.get().dlpPhantomCm() == null) return Optional.empty();
        KFactor factor = found.get();
        OptionalDouble dlp = conversion.express(dlpMgyCm, dlpPhantomCm, factor.dlpPhantomCm(), region);
        if (dlp.isEmpty()) return Optional.empty();

        double converted = dlp.getAsDouble();
        java.util.function.Supplier<String> assumption = () -> {
            StringBuilder text = new StringBuilder()
                    .append(coefficientRegion.get()).append(" k ").append(Figures.format(factor.k()))
                    .append(" (").append(AgeBand.phantomAgeLabel(factor.coefficientAge())).append(" coefficient; patient ")
                    .append(Figures.format(ageYears)).append(" y, band ").append(factor.band().label()).append(')');
            borrowedFor(region).ifPresent(scan -> text.append(", used for ").append(scan));
            text.append("; DLP ")
                    .append(conversion.describe(dlpMgyCm, dlpPhantomCm, converted, factor.dlpPhantomCm(), "mGy·cm"))
                    .append("; population-level estimate, not an individual risk");
            return text.toString();
        };
        String caveat = factor.unverified() ? "the " + coefficientRegion.get() + " coefficient " + Figures.format(factor.k())
                + " (" + AgeBand.phantomAgeLabel(factor.coefficientAge()) + ") is unverified: its source was not found" : null;
        return Optional.of(new EffectiveDoseEstimate(converted * factor.k(), factor.k(), table.dataset(), assumption, caveat));
    }

    /**
     * The coefficient region of a scan region. Abdomen-only and pelvis-only scans take the abdomen-pelvis
     * coefficient and whole-body scans the trunk one (the nearest published regions); spine, extremity and
     * other have none.
     */
    static Optional<String> coefficientRegion(TargetRegion region) {
        if (region == null) return Optional.empty();
        switch (region) {
            case HEAD: return Optional.of("head");
            case NECK: return Optional.of("neck");
            case CHEST: return Optional.of("chest");
            case ABDOMEN: case PELVIS: case ABDOMEN_PELVIS: return Optional.of("abdomen-pelvis");
            case CHEST_ABDOMEN_PELVIS: case WHOLE_BODY: return Optional.of("trunk");
            default: return Optional.empty();
        }
    }

    /** Says so when the coefficient was published for a wider region than the one scanned. */
    private static Optional<String> borrowedFor(TargetRegion region) {
        switch (region) {
            case ABDOMEN: return Optional.of("an abdomen-only scan");
            case PELVIS: return Optional.of("a pelvis-only scan");
            case WHOLE_BODY: return Optional.of("a whole-body scan");
            default: return Optional.empty();
        }
    }
}
