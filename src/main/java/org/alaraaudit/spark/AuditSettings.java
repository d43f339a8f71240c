package org.alaraaudit.spark;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.alaraaudit.audit.AuditPeriod;

/**
 * What every executor needs to audit as the driver would: where the rule base is, the period and the run's
 * clock. The site secret is not here: it travels as a broadcast, never in a task's description.
 */
record AuditSettings(String rules, LocalDate from, LocalDate to, Double pediatricAgeYears, String drlSet,
                     Instant runTime, String zone) implements Serializable {

    AuditPeriod period() { return from == null && to == null ? AuditPeriod.WHOLE_INPUT : new AuditPeriod(from, to); }

    LocalDateTime now() { return LocalDateTime.ofInstant(runTime, ZoneId.of(zone)); }
}
