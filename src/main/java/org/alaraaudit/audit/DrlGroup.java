package org.alaraaudit.audit;

/**
 * One facility x exam type x band group of the period, with its median compared to the DRL (ICRP 135: DRLs
 * judge groups, never individual patients). {@code n} counts values (acquisitions for CTDIvol, studies for DLP),
 * {@code studies} the studies they come from, on which the minimum sample is judged. {@code phantomCm} is the
 * phantom of the group's values, {@code drlPhantomCm} the DRL's; when they differ the status is NOT_COMPARABLE.
 */
public record DrlGroup(String facility, String examType, String band, String quantity, int n, Double median,
                       Double p75, Double drl, Double ratio, String status, String source, int phantomCm,
                       int studies, String drlSet, int drlPhantomCm, String note) {}
