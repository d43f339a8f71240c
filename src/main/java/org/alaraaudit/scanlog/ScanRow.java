package org.alaraaudit.scanlog;

import java.time.LocalDateTime;
import org.alaraaudit.model.AcquisitionType;
import org.alaraaudit.model.Contrast;
import org.alaraaudit.model.Modality;
import org.alaraaudit.model.ProjectionDose;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.model.TargetRegion;

/**
 * A validated canonical row: one irradiation event with its study's columns. The patient is already
 * pseudonymised; the raw identifier and birth date never leave the validator. Absent values are null.
 *
 * <p>The dose-check fields are the scanner's Dose Check (NEMA XR 25) record of the event, null when the export
 * has none: {@code doseCheckAlert} is true when the scanner alerted (a forward estimate above its configured
 * alert value, or an operator authorising or giving a reason), false when a check ran without alert;
 * the configured alert values and accumulated forward estimates are in mGy·cm (DLP) and mGy (CTDIvol);
 * {@code doseCheckReason} is the operator's reason for proceeding. {@code patientPerStudy} is true when the
 * export named no patient and {@code patientRef} stands for the study alone (REPEAT_STUDY and
 * CUMULATIVE_DOSE cannot be assessed for it). {@code contrast} is the contrast column as given (with, without or
 * both), null when the column is blank or absent. {@code projection} holds the radiography and fluoroscopy values
 * (body part, view, exposure index, Ka,r, peak skin dose, plane), {@link ProjectionDose#NONE} when the row has none.
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
        Double fluoroTimeS,
        Boolean doseCheckAlert,
        Double doseCheckDlpAlertMgycm,
        Double doseCheckDlpForwardEstimateMgycm,
        Double doseCheckCtdivolAlertMgy,
        Double doseCheckCtdivolForwardEstimateMgy,
        String doseCheckReason,
        boolean patientPerStudy,
        Contrast contrast,
        ProjectionDose projection) {

    /** A study is (facility, accession number). */
    public String studyKey() { return facility + "\u001f" + accessionNumber; }

    /** The scanner raised a Dose Check alert for this event and the operator proceeded without recording why. */
    public boolean doseCheckOverriddenWithoutReason() {
        return Boolean.TRUE.equals(doseCheckAlert) && (doseCheckReason == null || doseCheckReason.isBlank());
    }
}
