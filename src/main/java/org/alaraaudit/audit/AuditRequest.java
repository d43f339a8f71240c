package org.alaraaudit.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.alaraaudit.scanlog.ScanLogOptions;

/**
 * What a user asked of one audit run, after the command line has been parsed. {@code eventRows}: whether the run
 * keeps a row of every irradiation event for the workbook's event sheet; a run writing no workbook counts only the
 * scanners, and spares writing a temporary file of every event.
 */
public record AuditRequest(List<Path> inputs, AuditPeriod period, Double pediatricAgeYears, String drlSet,
                           String institution, Instant runTime, ZoneId zone, byte[] secret, int inMemoryRowLimit,
                           ScanLogOptions scanLogOptions, boolean eventRows) {

    /** A request that keeps the event rows. */
    public AuditRequest(List<Path> inputs, AuditPeriod period, Double pediatricAgeYears, String drlSet,
                        String institution, Instant runTime, ZoneId zone, byte[] secret, int inMemoryRowLimit,
                        ScanLogOptions scanLogOptions) {
        this(inputs, period, pediatricAgeYears, drlSet, institution, runTime, zone, secret, inMemoryRowLimit,
                scanLogOptions, true);
    }

    /** A request whose inputs' profiles are detected from their headers. */
    public AuditRequest(List<Path> inputs, AuditPeriod period, Double pediatricAgeYears, String drlSet,
                        String institution, Instant runTime, ZoneId zone, byte[] secret, int inMemoryRowLimit) {
        this(inputs, period, pediatricAgeYears, drlSet, institution, runTime, zone, secret, inMemoryRowLimit,
                ScanLogOptions.DEFAULTS);
    }

    /** The same request, keeping the event rows or not. */
    public AuditRequest withEventRows(boolean keep) {
        return new AuditRequest(inputs, period, pediatricAgeYears, drlSet, institution, runTime, zone, secret,
                inMemoryRowLimit, scanLogOptions, keep);
    }
}
