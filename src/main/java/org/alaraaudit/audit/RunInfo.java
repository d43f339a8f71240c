package org.alaraaudit.audit;

import java.time.Instant;
import java.util.List;
import org.alaraaudit.scanlog.InputFile;

/** What a report must say about how it was made, so a reviewer can check it against its sources. */
public record RunInfo(String toolVersion, String ruleSetDigest, String ruleSetLocation, List<InputFile> inputs,
                      AuditPeriod period, boolean periodGiven, double pediatricAgeYears, String drlSet,
                      Instant generatedAt, String institution) {}
