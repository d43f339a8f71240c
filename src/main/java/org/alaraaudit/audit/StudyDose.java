package org.alaraaudit.audit;

import java.time.LocalDateTime;
import org.alaraaudit.model.DoseMetric;

/**
 * One study's estimated dose of one metric: what the history store keeps per study, and what the audit sums
 * over the look-back window. {@code acquisitions} had an estimate; {@code notEstimated} could not get one
 * (region not covered, dose index missing), so the sum is a lower bound when it is not zero.
 */
public record StudyDose(String facility, String accessionNumber, LocalDateTime studyDatetime, DoseMetric metric,
                        double value, int acquisitions, int notEstimated) {

    public String studyKey() { return facility + "\u001f" + accessionNumber; }
}
