package org.alaraaudit.dosimetry;

/**
 * An effective dose estimate (mSv) for population-level comparison only, never an individual's risk
 * (dose-references.md section 4), with the coefficient, its dataset and what was assumed to get there.
 */
public record EffectiveDoseEstimate(double msv, double k, String dataset, String assumption) {}
