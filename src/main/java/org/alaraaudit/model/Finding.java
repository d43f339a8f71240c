package org.alaraaudit.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What a rule found, with the measured value, the reference it was compared with, its unit and its source, so a
 * reviewer can check it without the tool. Built from three parts: {@link Where} it was found, what was
 * {@link Measured}, and {@link Against} what; the flat accessors are the columns of findings.csv.
 * {@code relatedAccessionNumber} names the other study of a pair finding (the earlier study a repeat follows),
 * else null.
 */
public record Finding(
        String findingId,
        String ruleId,
        Severity severity,
        String scope,
        Where where,
        Measured measured,
        Against against,
        String message,
        List<SourceLine> inputLines,
        String relatedAccessionNumber) {

    /**
     * The place, study and patient a finding is on; the study-level values are null for a period-level finding
     * (a facility's protocol or DRL group).
     */
    public record Where(String facility, String stationName, String accessionNumber, LocalDateTime studyDatetime,
                        String patientRef, Double ageYears, boolean pediatric, String protocolName,
                        String standardProtocol, TargetRegion targetRegion) {

        /** On a study and its patient, at the given protocol and region. */
        public static Where onStudy(Study s, String protocolName, String standardProtocol, TargetRegion region) {
            return new Where(s.getFacility(), s.getStationName(), s.getAccessionNumber(), s.getStudyDatetime(),
                    s.getPatientRef(), s.getAgeYears(), s.isPediatric(), protocolName, standardProtocol, region);
        }

        /** On a facility's (and station's) practice over the period, not on one study. */
        public static Where inPeriod(String facility, String stationName, String protocolName, String standardProtocol,
                                     TargetRegion region) {
            return new Where(facility, stationName, null, null, null, null, true, protocolName, standardProtocol, region);
        }
    }

    /** The quantity a rule measured, its value and unit. */
    public record Measured(String quantity, Double value, String unit) {}

    /** The reference value the measurement was compared with, in the measurement's unit, and where it comes from. */
    public record Against(Double value, String source) {}

    public String facility() { return where.facility(); }

    public String stationName() { return where.stationName(); }

    public String accessionNumber() { return where.accessionNumber(); }

    public LocalDateTime studyDatetime() { return where.studyDatetime(); }

    public String patientRef() { return where.patientRef(); }

    public Double ageYears() { return where.ageYears(); }

    public boolean pediatric() { return where.pediatric(); }

    public String protocolName() { return where.protocolName(); }

    public String standardProtocol() { return where.standardProtocol(); }

    public TargetRegion targetRegion() { return where.targetRegion(); }

    public String quantity() { return measured.quantity(); }

    public Double measuredValue() { return measured.value(); }

    public String unit() { return measured.unit(); }

    public Double referenceValue() { return against.value(); }

    public String referenceSource() { return against.source(); }

    public String inputLinesText() {
        StringBuilder sb = new StringBuilder();
        for (SourceLine l : inputLines) {
            if (sb.length() > 0) sb.append(';');
            sb.append(l);
        }
        return sb.toString();
    }
}
