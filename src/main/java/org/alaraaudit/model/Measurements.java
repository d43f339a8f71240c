package org.alaraaudit.model;

/**
 * What the scanner measured or recorded for one irradiation event: technique, dose indices and patient size.
 * Absent values are null; {@code phantomCm} is the CTDIvol phantom as logged.
 */
public record Measurements(Double kvp, Double mas, Double ctdivolMgy, Integer phantomCm, Double dlpMgycm,
                           Double scanLengthMm, Double ssdeMgy, Double effectiveDiameterCm,
                           Double waterEquivalentDiameterCm, Double dapGycm2, Double fluoroTimeS) {

    /** Nothing measured: the stand-in events of studies known only from the history store. */
    public static final Measurements NONE = new Measurements(null, null, null, null, null, null, null, null, null, null, null);

    /** The same measurements with another phantom: the one a dose was judged on. */
    public Measurements withPhantomCm(Integer phantom) {
        return new Measurements(kvp, mas, ctdivolMgy, phantom, dlpMgycm, scanLengthMm, ssdeMgy, effectiveDiameterCm,
                waterEquivalentDiameterCm, dapGycm2, fluoroTimeS);
    }

    /** The same measurements with another SSDE: an estimate where none was logged. */
    public Measurements withSsdeMgy(Double ssde) {
        return new Measurements(kvp, mas, ctdivolMgy, phantomCm, dlpMgycm, scanLengthMm, ssde, effectiveDiameterCm,
                waterEquivalentDiameterCm, dapGycm2, fluoroTimeS);
    }
}
