package org.alaraaudit.scanlog;

import java.time.LocalDateTime;
import org.alaraaudit.model.AcquisitionType;
import org.alaraaudit.model.Modality;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.model.TargetRegion;

/**
 * A validated canonical row: one irradiation event with its study's columns. The patient is already
 * pseudonymised; the raw identifier and birth date never leave the validator. Absent values are null.
 */
public record ScanRow(
        SourceLine source,
        String patientRef,
        double ageYears,
        String sex,
        Double weightKg,
        Double heightCm,
        String facility,
        String stationName,
        String manufacturer,
        String model,
        String accessionNumber,
        LocalDateTime studyDatetime,
        Modality modality,
        String studyDescription,
        String indication,
        String protocolName,
        AcquisitionType acquisitionType,
        TargetRegion targetRegion,
        LocalDateTime eventDatetime,
        String eventUid,
        Double kvp,
        Double mas,
        Double ctdivolMgy,
        Integer phantomCm,
        Double dlpMgycm,
        Double scanLengthMm,
        Double ssdeMgy,
        Double effectiveDiameterCm,
        Double waterEquivalentDiameterCm,
        Double dapGycm2,
        Double fluoroTimeS) {

    /** A study is (facility, accession number). */
    public String studyKey() { return facility + "\u001f" + accessionNumber; }
}
