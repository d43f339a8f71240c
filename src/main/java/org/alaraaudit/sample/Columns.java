package org.alaraaudit.sample;

import java.util.List;

/** The canonical scan-log columns, in the order the generator writes them. */
final class Columns {
    private Columns() {
    }

    static final int PATIENT_ID = 0;
    static final int BIRTH_DATE = 1;
    static final int AGE_YEARS = 2;
    static final int SEX = 3;
    static final int WEIGHT_KG = 4;
    static final int HEIGHT_CM = 5;
    static final int FACILITY = 6;
    static final int STATION_NAME = 7;
    static final int MANUFACTURER = 8;
    static final int MODEL = 9;
    static final int ACCESSION_NUMBER = 10;
    static final int STUDY_DATETIME = 11;
    static final int MODALITY = 12;
    static final int STUDY_DESCRIPTION = 13;
    static final int INDICATION = 14;
    static final int PROTOCOL_NAME = 15;
    static final int ACQUISITION_TYPE = 16;
    static final int TARGET_REGION = 17;
    static final int EVENT_DATETIME = 18;
    static final int EVENT_UID = 19;
    static final int KVP = 20;
    static final int MAS = 21;
    static final int CTDIVOL_MGY = 22;
    static final int PHANTOM = 23;
    static final int DLP_MGYCM = 24;
    static final int SCAN_LENGTH_MM = 25;
    static final int SSDE_MGY = 26;
    static final int EFFECTIVE_DIAMETER_CM = 27;
    static final int WATER_EQUIVALENT_DIAMETER_CM = 28;
    static final int DAP_GYCM2 = 29;
    static final int FLUORO_TIME_S = 30;
    static final int BODY_PART = 31;
    static final int VIEW = 32;
    static final int EXPOSURE_INDEX = 33;
    static final int TARGET_EXPOSURE_INDEX = 34;
    static final int DEVIATION_INDEX = 35;
    static final int KA_R_MGY = 36;
    static final int PEAK_SKIN_DOSE_MGY = 37;
    static final int PLANE = 38;

    static final List<String> NAMES = List.of(
            "patient_id", "birth_date", "age_years", "sex", "weight_kg", "height_cm",
            "facility", "station_name", "manufacturer", "model", "accession_number", "study_datetime",
            "modality", "study_description", "indication", "protocol_name", "acquisition_type", "target_region",
            "event_datetime", "event_uid", "kvp", "mas", "ctdivol_mgy", "phantom", "dlp_mgycm", "scan_length_mm",
            "ssde_mgy", "effective_diameter_cm", "water_equivalent_diameter_cm", "dap_gycm2", "fluoro_time_s",
            "body_part", "view", "exposure_index", "target_exposure_index", "deviation_index", "ka_r_mgy",
            "peak_skin_dose_mgy", "plane");

    static final int COUNT = NAMES.size();
}
