package org.alaraaudit.audit;

/**
 * One facility x exam type x band group of the period, with its median compared to the DRL (ICRP 135: DRLs
 * judge groups, never individual patients).
 */
public record DrlGroup(String facility, String examType, String band, String quantity, int n, Double median,
                       Double p75, Double drl, Double ratio, String status, String source, int phantomCm) {}
