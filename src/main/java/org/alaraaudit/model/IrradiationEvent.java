package org.alaraaudit.model;

import java.time.LocalDateTime;

/** One CT acquisition, radiograph or fluoroscopy run, as the rules see it. Immutable. */
public final class IrradiationEvent {
    private final Study study;
    private final int index;
    private final EventRecord r;
    private final Double studyProtocolDlp;
    private final Double rangeStudyProtocolDlp;
    private final boolean studyProtocolDlpShort;
    private final boolean firstOfProtocol;

    IrradiationEvent(Study study, int index, EventRecord record, Double studyProtocolDlp, Double rangeStudyProtocolDlp,
                     boolean studyProtocolDlpShort, boolean firstOfProtocol) {
        this.study = study;
        this.index = index;
        this.r = record;
        this.studyProtocolDlp = studyProtocolDlp;
        this.rangeStudyProtocolDlp = rangeStudyProtocolDlp;
        this.studyProtocolDlpShort = studyProtocolDlpShort;
        this.firstOfProtocol = firstOfProtocol;
    }

    public Study getStudy() { return study; }

    /** 1-based position in the study, in event time order. */
    public int getIndex() { return index; }

    public EventRecord getRecord() { return r; }

    public SourceLine getSource() { return r.source(); }

    public String getProtocolName() { return r.protocolName(); }

    public String getStandardProtocol() { return r.standardProtocol(); }

    public CatalogEntry getProtocol() { return r.protocol(); }

    public boolean isMapped() { return r.protocol() != null; }

    public Population getPopulation() { return r.protocol() == null ? null : r.protocol().population(); }

    public boolean isAdultProtocol() { return getPopulation() == Population.ADULT; }

    public boolean isPediatricProtocol() { return getPopulation() == Population.PEDIATRIC; }

    public AcquisitionType getAcquisitionType() { return r.acquisitionType(); }

    public boolean isDiagnostic() { return r.diagnostic(); }

    /** A perfusion series (a stationary series that is not bolus tracking). */
    public boolean isPerfusion() { return r.seriesKind() == SeriesKind.PERFUSION; }

    public TargetRegion getTargetRegion() { return r.targetRegion(); }

    public boolean isHead() { return r.targetRegion() == TargetRegion.HEAD; }

    /** No region a threshold can be chosen by: blank, not inferable, or OTHER. */
    public boolean isRegionUnknown() { return r.targetRegion() == null || r.targetRegion() == TargetRegion.OTHER; }

    public boolean isBody() { return r.targetRegion() != null && r.targetRegion().isBody(); }

    public LocalDateTime getEventDatetime() { return r.eventDatetime(); }

    public String getEventUid() { return r.eventUid(); }

    public Double getKvp() { return r.kvp(); }

    public Double getMas() { return r.mas(); }

    public Double getCtdivol() { return r.ctdivolMgy(); }

    public int getPhantom() { return r.phantomCm(); }

    public Double getDlp() { return r.dlpMgycm(); }

    public Double getScanLengthMm() { return r.scanLengthMm(); }

    public Double getSsde() { return r.ssdeMgy(); }

    public Double getEffectiveDiameter() { return r.effectiveDiameterCm(); }

    public Double getWaterEquivalentDiameter() { return r.waterEquivalentDiameterCm(); }

    public Double getDap() { return r.dapGycm2(); }

    public Double getFluoroTime() { return r.fluoroTimeS(); }

    public ProjectionDose getProjection() { return r.projection(); }

    public String getBodyPart() { return r.projection().bodyPart(); }

    public String getView() { return r.projection().view(); }

    public Double getExposureIndex() { return r.projection().exposureIndex(); }

    public Double getTargetExposureIndex() { return r.projection().targetExposureIndex(); }

    /** As exported, else 10·log10(EI / EI_T); null when neither is known. */
    public Double getDeviationIndex() { return r.projection().deviationIndex(); }

    public boolean isDeviationIndexComputed() { return r.projection().deviationIndexComputed(); }

    public Double getKar() { return r.projection().kaRMgy(); }

    public Double getPeakSkinDose() { return r.projection().peakSkinDoseMgy(); }

    /** The patient's pseudonym: a rule that pairs events joins on it, so that Drools can index the join. */
    public String getPatientRef() { return study.getPatientRef(); }

    /**
     * Exposed before the other event: by event time, and at the same time (exports that give only the study's
     * time) by study and position in it, so that of two events exactly one is the earlier.
     */
    public boolean before(IrradiationEvent other) {
        int c = r.eventDatetime().compareTo(other.r.eventDatetime());
        if (c != 0) return c < 0;
        c = study.getKey().compareTo(other.study.getKey());
        return c != 0 ? c < 0 : index < other.index;
    }

    /**
     * The same image as the other event: a radiograph of the same patient, body part and view. RADIOGRAPH_RETAKE
     * and the retake rates of the report both take a retake as such a pair within the retake window.
     */
    public boolean sameImageAs(IrradiationEvent other) {
        return isRadiograph() && other.isRadiograph() && r.projection().bodyPart() != null && r.projection().view() != null
                && getPatientRef().equals(other.getPatientRef())
                && r.projection().bodyPart().equals(other.getBodyPart()) && r.projection().view().equals(other.getView());
    }

    /** Minutes from the other event to this one (negative when this one came first). */
    public double minutesAfter(IrradiationEvent other) {
        return java.time.Duration.between(other.r.eventDatetime(), r.eventDatetime()).getSeconds() / 60.0;
    }

    /** A radiograph (DX or CR): the modalities with an exposure index and a detector target. */
    public boolean isRadiograph() { return study.isRadiography(); }

    public NotificationValue getNotificationValue() { return r.notificationValue(); }

    public ReferenceLevel getReferenceLevel() { return r.referenceLevel(); }

    /** The exam's contrast (the same for every event of the study), null when not known. */
    public Contrast getContrast() { return r.contrast(); }

    /** CTDIvol above the pediatric DRL of the patient's band, on the DRL's own phantom. */
    public boolean isAboveCtdivolDrl() {
        ReferenceLevel l = r.referenceLevel();
        return l != null && l.ctdivolMgy() != null && r.ctdivolMgy() != null && l.phantomCm() == r.phantomCm()
                && r.ctdivolMgy() > l.ctdivolMgy();
    }

    /** Total DLP of this study's events run with the same device protocol: the "study DLP" of the expected range. */
    public Double getStudyProtocolDlp() { return studyProtocolDlp; }

    /**
     * {@link #getStudyProtocolDlp()} on the phantom of the protocol's expected range, each acquisition logged on the
     * other phantom converted (CatalogEntry#onRangePhantom): what the range's DLP ends are compared with.
     */
    public Double getRangeStudyProtocolDlp() { return rangeStudyProtocolDlp; }

    /** The CTDIvol on the phantom of the protocol's expected range (as logged when it is that phantom's, or no row). */
    public Double getRangeCtdivol() {
        if (r.ctdivolMgy() == null || r.protocol() == null) return r.ctdivolMgy();
        return r.protocol().onRangePhantom(r.ctdivolMgy(), r.phantomCm());
    }

    /** Whether this acquisition was logged on another phantom than its protocol's expected range refers to. */
    public boolean isOnOtherPhantomThanRange() { return r.protocol() != null && r.protocol().converts(r.phantomCm()); }

    /**
     * True when a diagnostic acquisition of this protocol in the study has no DLP: the protocol's study DLP is then the
     * rest's, at most understated, so it shows a dose above a range but never one below it, and enters no median.
     */
    public boolean isStudyProtocolDlpShort() { return studyProtocolDlpShort; }

    /** The study-level DLP checks are reported once, on the first diagnostic event of the protocol. */
    public boolean isFirstOfProtocol() { return firstOfProtocol; }

    public boolean isCt() { return study.getModality() == Modality.CT; }

    /** Radiography and fluoroscopy events are documented by their dose-area product. */
    public boolean isDapModality() { return study.getModality().reportsDap(); }

    public DoseCheckRecord getDoseCheck() { return r.doseCheck(); }

    /** The scanner's Dose Check alerted and the operator went on without recording why. */
    public boolean isDoseCheckOverriddenWithoutReason() { return r.doseCheck() != null && r.doseCheck().overriddenWithoutReason(); }

    /** CTDIvol above the notification value, both on the value's phantom (converted when logged on the other). */
    public boolean isAboveNotificationValue() {
        NotificationValue n = r.notificationValue();
        return n != null && r.ctdivolMgy() != null && n.onOwnPhantom(r.ctdivolMgy(), r.phantomCm()) > n.ctdivolMgy();
    }

    /** The CTDIvol on the notification value's phantom; null without CTDIvol or value. */
    public Double getNotificationCtdivol() {
        NotificationValue n = r.notificationValue();
        return n == null ? null : n.onOwnPhantom(r.ctdivolMgy(), r.phantomCm());
    }

    /** How a message states the comparison: the logged CTDIvol, and its conversion when the phantoms differ. */
    public String getNotificationComparisonText() {
        NotificationValue n = r.notificationValue();
        if (n == null || r.ctdivolMgy() == null) return "";
        // The value compared with the notification value reads apart from it: 25.01 against 25, not 25.0.
        if (!n.converts(r.phantomCm())) {
            return "CTDIvol " + ThresholdText.beside(r.ctdivolMgy(), n.ctdivolMgy(), 1) + " mGy (" + r.phantomCm() + " cm phantom)";
        }
        // The logged value too with the decimals that make the conversion add up: 40.01 x 2 = 80.02, not 40.0.
        return String.format(java.util.Locale.ROOT, "CTDIvol %s mGy (%d cm phantom) = %s mGy on the %d cm phantom (%s %s, AAPM Report 204 ratio)",
                ThresholdText.beside(r.ctdivolMgy(), n.valueOn(r.phantomCm()), 1), r.phantomCm(),
                ThresholdText.beside(getNotificationCtdivol(), n.ctdivolMgy(), 1), n.phantomCm(),
                r.phantomCm() == 32 ? "x" : "/", trim(n.phantomRatio16To32()));
    }

    /** The notification value with its phantom, e.g. "25 mGy (16 cm phantom)". */
    public String getNotificationValueText() {
        NotificationValue n = r.notificationValue();
        if (n == null) return "";
        return trim(n.ctdivolMgy()) + " mGy" + (n.phantomCm() == null ? "" : " (" + n.phantomCm() + " cm phantom)");
    }

    /**
     * The notification value's category as a message names it after its value: "Pediatric torso <10 y", the phantom
     * the category's name repeats left to the value text ("10 mGy (32 cm phantom)"), which gives it once.
     */
    public String getNotificationCategoryText() {
        NotificationValue n = r.notificationValue();
        if (n == null) return "";
        // Anywhere in the name: a category chosen for an unknown region wraps it ("region unknown (Pediatric torso <10 y (16 cm phantom))").
        return n.phantomCm() == null ? n.category() : n.category().replaceAll("\\s*\\(" + n.phantomCm() + " cm phantom\\)", "");
    }

    /** A child's stationary head series: the adult brain-perfusion value does not apply, the message says so. */
    public boolean isChildHeadStationary() {
        return study.isPediatric() && r.targetRegion() == TargetRegion.HEAD && r.acquisitionType() == AcquisitionType.STATIONARY;
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(java.util.Locale.ROOT, "%s", d);
    }

    public Double getExpectedCtdivolMin() { return r.protocol() == null ? null : r.protocol().expectedCtdivolMinMgy(); }

    public Double getExpectedCtdivolMax() { return r.protocol() == null ? null : r.protocol().expectedCtdivolMaxMgy(); }

    public Double getExpectedDlpMin() { return r.protocol() == null ? null : r.protocol().expectedDlpMinMgycm(); }

    public Double getExpectedDlpMax() { return r.protocol() == null ? null : r.protocol().expectedDlpMaxMgycm(); }

    public boolean isOutsideProtocolAgeRange() {
        return r.protocol() != null && !r.protocol().ageYears().contains(study.getAgeYears());
    }

    /** Only a known weight can be outside the protocol's weight range. */
    public boolean isOutsideProtocolWeightRange() {
        return r.protocol() != null && study.getWeightKg() != null && !r.protocol().weightKg().contains(study.getWeightKg());
    }

    // Convenience for rules: the study's facts without a join.
    public boolean isInPeriod() { return study.isInPeriod(); }

    public boolean isPediatric() { return study.isPediatric(); }

    public double getAgeYears() { return study.getAgeYears(); }

    public String getAgeText() { return study.getAgeText(); }

    public Double getWeightKg() { return study.getWeightKg(); }

    public Modality getModality() { return study.getModality(); }

    @Override
    public String toString() { return "IrradiationEvent[" + study.getAccessionNumber() + "#" + index + " " + r.protocolName() + "]"; }
}
