package org.alaraaudit.model;

import java.time.LocalDateTime;

/**
 * What one irradiation event was, as read and resolved against the policy tables, before it is placed in its
 * study: the row's {@code given} acquisition and {@code measured} values, and what the tables resolved. Absent
 * values are null. {@code targetRegion} is the given region, else the catalog's, else inferred; {@code phantomCm}
 * the logged phantom, else the region's; {@code contrast} is the exam's, as the DRL sets class exams: the same
 * for every event of a study, null when not known.
 * {@code projection} holds the radiography and fluoroscopy values, {@link ProjectionDose#NONE} for CT.
 */
public record EventRecord(
        SourceLine source,
        Acquisition given,
        Measurements measured,
        CatalogEntry protocol,
        TargetRegion targetRegion,
        int phantomCm,
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
        return (acquisitionType() == null || acquisitionType().isDiagnostic()) && seriesKind != SeriesKind.BOLUS_TRACKING;
    }

    public String standardProtocol() {
        String name = protocolName();
        if (name == null) return null;
        return protocol != null ? protocol.standardNameFor(name) : name.trim();
    }

    public String protocolName() { return given.protocolName(); }

    public AcquisitionType acquisitionType() { return given.acquisitionType(); }

    public LocalDateTime eventDatetime() { return given.eventDatetime(); }

    public String eventUid() { return given.eventUid(); }

    public Double kvp() { return measured.kvp(); }

    public Double mas() { return measured.mas(); }

    public Double ctdivolMgy() { return measured.ctdivolMgy(); }

    public Double dlpMgycm() { return measured.dlpMgycm(); }

    public Double scanLengthMm() { return measured.scanLengthMm(); }

    public Double ssdeMgy() { return measured.ssdeMgy(); }

    public Double effectiveDiameterCm() { return measured.effectiveDiameterCm(); }

    public Double waterEquivalentDiameterCm() { return measured.waterEquivalentDiameterCm(); }

    public Double dapGycm2() { return measured.dapGycm2(); }

    public Double fluoroTimeS() { return measured.fluoroTimeS(); }
}
