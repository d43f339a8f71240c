package org.alaraaudit.model;

import java.time.LocalDateTime;

/**
 * What one irradiation event was, as read and resolved against the policy tables, before it is placed in its
 * study. Absent values are null. {@code contrast} is the exam's, as the DRL sets class exams: the same for every
 * event of a study, null when not known.
 * {@code projection} holds the radiography and fluoroscopy values, {@link ProjectionDose#NONE} for CT.
 */
public record EventRecord(
        SourceLine source,
        String protocolName,
        CatalogEntry protocol,
        AcquisitionType acquisitionType,
        TargetRegion targetRegion,
        LocalDateTime eventDatetime,
        String eventUid,
        Double kvp,
        Double mas,
        Double ctdivolMgy,
        int phantomCm,
        Double dlpMgycm,
        Double scanLengthMm,
        Double ssdeMgy,
        Double effectiveDiameterCm,
        Double waterEquivalentDiameterCm,
        Double dapGycm2,
        Double fluoroTimeS,
        NotificationValue notificationValue,
        ReferenceLevel referenceLevel,
        DoseCheckRecord doseCheck,
        SeriesKind seriesKind,
        Contrast contrast,
        ProjectionDose projection) {

    /**
     * A blank type counts as diagnostic; localizers and bolus-tracking monitoring do not. A perfusion or other
     * stationary series that is not bolus tracking is an image set like any other. Whether diagnostic or not,
     * every event counts in the accumulated and organ doses.
     */
    public boolean diagnostic() {
        return (acquisitionType == null || acquisitionType.isDiagnostic()) && seriesKind != SeriesKind.BOLUS_TRACKING;
    }

    public String standardProtocol() {
        if (protocolName == null) return null;
        return protocol != null ? protocol.standardNameFor(protocolName) : protocolName.trim();
    }
}
