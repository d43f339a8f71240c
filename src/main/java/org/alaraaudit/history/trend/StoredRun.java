package org.alaraaudit.history.trend;

import java.time.Instant;
import java.time.LocalDate;

/** A stored audit run that the trend's months draw on: how its figures were made, for the report's sources. */
public record StoredRun(LocalDate from, LocalDate to, String facilities, Instant generatedAt, String toolVersion,
                        String ruleSetDigest, long studies, String inputs) {}
