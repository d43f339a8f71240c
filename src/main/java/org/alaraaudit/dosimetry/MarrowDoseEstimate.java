package org.alaraaudit.dosimetry;

/**
 * An estimated red bone marrow dose (mGy) for one acquisition: the coefficient, the CTDIvol it was applied
 * to (on the coefficient's phantom), the coefficient set, and every assumption made, including any phantom
 * factor. An estimate from reference phantoms, never a measured dose or an individual risk.
 */
public record MarrowDoseEstimate(double mgy, double coefficient, double ctdivolMgy, String dataset, String assumption) {}
