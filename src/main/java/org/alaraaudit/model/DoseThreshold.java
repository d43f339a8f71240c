package org.alaraaudit.model;

/**
 * A row of the cumulative-dose table: a level of one metric for one population (every patient, or pediatric
 * patients only), with where the number comes from.
 */
public record DoseThreshold(DoseMetric metric, Population population, double threshold, String unit, String source,
                            long line) {

    /** {@code PEDIATRIC} rows apply to patients below the run's pediatric limit; {@code ANY} to everyone. */
    public boolean appliesTo(boolean pediatric) {
        return population == Population.ANY || (population == Population.PEDIATRIC) == pediatric;
    }
}
