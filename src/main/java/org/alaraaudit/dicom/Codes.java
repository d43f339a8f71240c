package org.alaraaudit.dicom;

import java.util.Set;

/** The concept codes (DCM, SRT and SCT) of the dose templates TID 10001, 10003, 10011, 10013, 10014 and 10015. */
final class Codes {
    private Codes() {}

    static final String XRAY_RADIATION_DOSE_REPORT = "113701";
    static final String PROCEDURE_REPORTED = "121058";
    static final Set<String> MAMMOGRAPHY = Set.of("P5-40010", "71651007");
    static final Set<String> FLUOROSCOPY = Set.of("P5-06000", "44491008");

    // Study level.
    static final String START_OF_IRRADIATION = "113809";
    static final String DEVICE_OBSERVER_NAME = "121013";
    static final String DEVICE_OBSERVER_UID = "121012";
    static final String DEVICE_OBSERVER_LOCATION = "121017";

    // CT (TID 10011, 10013, 10014).
    static final String CT_ACCUMULATED = "113811";
    static final String TOTAL_EVENTS = "113812";
    static final String CT_DLP_TOTAL = "113813";
    static final String CT_ACQUISITION = "113819";
    static final String ACQUISITION_PROTOCOL = "125203";
    static final String TARGET_REGION = "123014";
    static final String CT_ACQUISITION_TYPE = "113820";
    static final String IRRADIATION_EVENT_UID = "113769";
    static final String DATETIME_STARTED = "111526";
    static final String CT_ACQUISITION_PARAMETERS = "113822";
    static final String CT_EXPOSURE_TIME = "113824";
    static final String SCANNING_LENGTH = "113825";
    static final String CT_SOURCE_PARAMETERS = "113831";
    static final String KVP = "113733";
    static final String TUBE_CURRENT = "113734";
    static final String CT_DOSE = "113829";
    static final String MEAN_CTDIVOL = "113830";
    static final String PHANTOM = "113835";
    static final String DLP = "113838";
    static final String SSDE = "113930";
    /** Patient size items (TID 10013, CP-1654): found by meaning, since vendors place them at different depths. */
    static final Set<String> WATER_EQUIVALENT_DIAMETER = Set.of("water equivalent diameter");
    static final Set<String> EFFECTIVE_DIAMETER = Set.of("derived effective diameter", "effective diameter");

    // Dose Check (TID 10015).
    static final String DOSE_CHECK_ALERT = "113900";
    static final String DLP_ALERT_VALUE = "113903";
    static final String CTDIVOL_ALERT_VALUE = "113904";
    static final String ACCUMULATED_DLP_FORWARD = "113905";
    static final String ACCUMULATED_CTDIVOL_FORWARD = "113906";
    static final String REASON_FOR_PROCEEDING = "113907";
    static final String DOSE_CHECK_NOTIFICATION = "113908";
    static final String DLP_NOTIFICATION_VALUE = "113911";
    static final String CTDIVOL_NOTIFICATION_VALUE = "113912";
    static final String DLP_FORWARD = "113913";
    static final String CTDIVOL_FORWARD = "113914";
    static final String PERSON_NAME = "113870";

    // Projection X-ray (TID 10001, 10002, 10003).
    static final String ACCUMULATED_XRAY = "113702";
    static final String DAP_TOTAL = "113722";
    static final String DOSE_RP_TOTAL = "113725";
    static final String FLUORO_DAP_TOTAL = "113726";
    static final String ACQUISITION_DAP_TOTAL = "113727";
    static final String TOTAL_FLUORO_TIME = "113730";
    static final String IRRADIATION_EVENT = "113706";
    static final String ACQUISITION_PLANE = "113764";
    static final String IRRADIATION_EVENT_TYPE = "113721";
    static final Set<String> ANATOMICAL_STRUCTURE = Set.of("T-D0005", "91723000");
    static final String IMAGE_VIEW = "111031";
    static final String DAP = "122130";
    static final String DOSE_RP = "113738";
    static final String EXPOSURE_INDEX = "113845";
    static final String TARGET_EXPOSURE_INDEX = "113846";
    static final String DEVIATION_INDEX = "113847";
    static final String IRRADIATION_DURATION = "113742";
    static final String EXPOSURE = "113736";
    static final String PROJECTION_EXPOSURE_TIME = "113735";
}
