package org.alaraaudit.dosimetry;

import java.util.Optional;

/**
 * The patient size measures an SSDE can be based on, each in cm and null when not logged. Scanners write 0
 * for "not measured", so a value that is not a positive number counts as absent.
 */
public record BodySize(Double waterEquivalentDiameterCm, Double effectiveDiameterCm, Double apDimensionCm,
                       Double lateralDimensionCm) {

    public static final BodySize UNKNOWN = new BodySize(null, null, null, null);

    /** A diameter and what it was taken from, for the estimate's method note. */
    public record Diameter(double cm, String basis) {}

    public BodySize {
        waterEquivalentDiameterCm = measured(waterEquivalentDiameterCm);
        effectiveDiameterCm = measured(effectiveDiameterCm);
        apDimensionCm = measured(apDimensionCm);
        lateralDimensionCm = measured(lateralDimensionCm);
    }

    public static BodySize ofWaterEquivalentDiameter(double cm) { return new BodySize(cm, null, null, null); }

    public static BodySize ofEffectiveDiameter(double cm) { return new BodySize(null, cm, null, null); }

    public static BodySize ofApAndLateral(double apCm, double lateralCm) { return new BodySize(null, null, apCm, lateralCm); }

    /**
     * The diameter AAPM prefers among those present: water-equivalent (Report 220 replaces Report 204's
     * effective diameter with it), then the effective diameter, then sqrt(AP × LAT) (AJR 2015;204:167).
     * Never estimated from age.
     */
    public Optional<Diameter> preferredDiameter() {
        if (waterEquivalentDiameterCm != null) {
            return Optional.of(new Diameter(waterEquivalentDiameterCm,
                    "water-equivalent diameter " + Figures.format(waterEquivalentDiameterCm) + " cm"));
        }
        if (effectiveDiameterCm != null) {
            return Optional.of(new Diameter(effectiveDiameterCm, "effective diameter " + Figures.format(effectiveDiameterCm) + " cm"));
        }
        if (apDimensionCm != null && lateralDimensionCm != null) {
            double d = Math.sqrt(apDimensionCm * lateralDimensionCm);
            return Optional.of(new Diameter(d, "effective diameter sqrt(AP " + Figures.format(apDimensionCm) + " × LAT "
                    + Figures.format(lateralDimensionCm) + ") = " + Figures.format(d) + " cm"));
        }
        return Optional.empty();
    }

    /**
     * The centimetres of {@link #preferredDiameter}, null where it is empty, without the account of how it was
     * measured: the period's tallies estimate every event's SSDE from it and never show the account.
     */
    public Double preferredDiameterCm() {
        if (waterEquivalentDiameterCm != null) return waterEquivalentDiameterCm;
        if (effectiveDiameterCm != null) return effectiveDiameterCm;
        if (apDimensionCm != null && lateralDimensionCm != null) return Math.sqrt(apDimensionCm * lateralDimensionCm);
        return null;
    }

    private static Double measured(Double cm) {
        return cm != null && Double.isFinite(cm) && cm > 0 ? cm : null;
    }
}
