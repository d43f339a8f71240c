package org.alaraaudit.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.alaraaudit.scanlog.ScanLogOptions;

/** What a user asked of one audit run, after the command line has been parsed. */
public record AuditRequest(List<Path> inputs, AuditPeriod period, Double pediatricAgeYears, String drlSet,
                           String institution, Instant runTime, ZoneId zone, byte[] secret, int inMemoryRowLimit,
                           ScanLogOptions scanLogOptions) {

    /** A request whose inputs' profiles are detected from their headers. */
    public AuditRequest(List<Path> inputs, AuditPeriod period, Double pediatricAgeYears, String drlSet,
                        String institution, Instant runTime, ZoneId zone, byte[] secret, int inMemoryRowLimit) {
        this(inputs, period, pediatricAgeYears, drlSet, institution, runTime, zone, secret, inMemoryRowLimit,
                ScanLogOptions.DEFAULTS);
    }
}
