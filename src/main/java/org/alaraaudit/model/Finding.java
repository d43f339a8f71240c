package org.alaraaudit.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What a rule found, with the measured value, the reference it was compared with, its unit and its source, so a
 * reviewer can check it without the tool. The columns are those of findings.csv; {@code relatedAccessionNumber}
 * names the other study of a pair finding (the earlier study a repeat follows), else null.
 */
public record Finding(
        String findingId,
        String ruleId,
        Severity severity,
        String scope,
        String facility,
        String stationName,
        String accessionNumber,
        LocalDateTime studyDatetime,
        String patientRef,
        Double ageYears,
        String protocolName,
        String standardProtocol,
        TargetRegion targetRegion,
        String quantity,
        Double measuredValue,
        Double referenceValue,
        String unit,
        String referenceSource,
        String message,
        List<SourceLine> inputLines,
        boolean pediatric,
        String relatedAccessionNumber) {

    public String inputLinesText() {
        StringBuilder sb = new StringBuilder();
        for (SourceLine l : inputLines) {
            if (sb.length() > 0) sb.append(';');
            sb.append(l);
        }
        return sb.toString();
    }
}
