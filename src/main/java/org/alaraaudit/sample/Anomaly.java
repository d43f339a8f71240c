package org.alaraaudit.sample;

/**
 * Deliberate deviations the generator plants, each with its share of study slots. The shares
 * are small (together about 13% of studies), scale with the number of studies, and are spread
 * evenly over the run: each kind occurs exactly once in every block of 1/share slots, at a
 * random place in the block, so every kind is present from 1/share studies on (at most 1,000,
 * so 2,000 studies hold each kind at least twice).
 */
enum Anomaly {
    // Rarest first: when two kinds fall on the same slot, the first claims it, the other takes the next slot.
    /** Adult brain perfusion whose stationary events add up to more than 1000 mGy (CT_ALERT_VALUE). */
    PERFUSION_ALERT(0.0012),
    /** A patient with many CT studies over the period (CUMULATIVE_DOSE). */
    FREQUENT_PATIENT(0.0012),
    /** Rejected row: ctdivol_mgy like "12,5O". */
    REJECT_CTDI_TEXT(0.001),
    /** Rejected row: kvp 300. */
    REJECT_KVP(0.001),
    /** Rejected row: negative DLP. */
    REJECT_NEGATIVE_DLP(0.001),
    /** Rejected row: accession_number empty. */
    REJECT_NO_ACCESSION(0.001),
    /** A row written twice, identical in every column. */
    DUPLICATE_ROW(0.0015),
    /** A row re-sent with the same event_uid but corrected values. */
    DUPLICATE_EVENT_UID(0.0015),
    /** Scanner QA or phantom scan (excluded). */
    QA_PHANTOM(0.003),
    /** DX event without DAP (DOSE_DATA_MISSING). */
    DX_DAP_MISSING(0.003),
    /** CT diagnostic event without CTDIvol and DLP (DOSE_DATA_MISSING). */
    CT_DOSE_MISSING(0.004),
    /** Pediatric CT with a local protocol name the catalog does not know (UNMAPPED_PROTOCOL). */
    UNMAPPED_PROTOCOL(0.006),
    /** CTDIvol above the AAPM notification value (CT_NOTIFICATION_VALUE). */
    NOTIFICATION(0.006),
    /** Pediatric CTDIvol 1.2-3x the protocol's expected upper value (DOSE_ABOVE_EXPECTED_RANGE). */
    ABOVE_EXPECTED(0.006),
    /** Pediatric CTDIvol well below the protocol's expected lower value (DOSE_BELOW_EXPECTED_RANGE). */
    BELOW_EXPECTED(0.005),
    /** Pediatric body CT with two diagnostic phases (PEDIATRIC_MULTIPHASE). */
    PEDIATRIC_MULTIPHASE(0.008),
    /** Pediatric body CT at 120 kVp on a child under 45 kg (PEDIATRIC_HIGH_KVP). */
    PEDIATRIC_HIGH_KVP(0.008),
    /** Pediatric protocol of the wrong age band (PEDIATRIC_PROTOCOL_SIZE_MISMATCH). */
    WRONG_AGE_BAND(0.010),
    /** Adult protocol on a child (PEDIATRIC_ADULT_PROTOCOL). */
    ADULT_PROTOCOL_ON_CHILD(0.012),
    /** Pediatric CT for appendicitis, intussusception, pyloric stenosis (NONIONIZING_ALTERNATIVE). */
    NONIONIZING_INDICATION(0.012),
    /** A CT study that is repeated on the same region within 48 h (REPEAT_STUDY). */
    REPEAT_WITHIN_48H(0.025);

    final double share;

    Anomaly(double share) {
        this.share = share;
    }

    /** Slots between two occurrences. */
    double period() {
        return 1.0 / share;
    }
}
