package org.alaraaudit.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** What a user asked of one audit run, after the command line has been parsed. */
public record AuditRequest(List<Path> inputs, AuditPeriod period, Double pediatricAgeYears, String drlSet,
                           String institution, Instant runTime, ZoneId zone, byte[] secret, int inMemoryRowLimit) {}
