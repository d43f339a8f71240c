package org.alaraaudit.dicom;

/** The data element tags the dose-report reader needs, as {@code (group << 16) | element}. */
public final class Tag {
    private Tag() {}

    public static final int TRANSFER_SYNTAX_UID = 0x00020010;
    public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    public static final int SOP_CLASS_UID = 0x00080016;
    public static final int SOP_INSTANCE_UID = 0x00080018;
    public static final int STUDY_DATE = 0x00080020;
    public static final int CONTENT_DATE = 0x00080023;
    public static final int STUDY_TIME = 0x00080030;
    public static final int CONTENT_TIME = 0x00080033;
    public static final int ACCESSION_NUMBER = 0x00080050;
    public static final int MODALITY = 0x00080060;
    public static final int MANUFACTURER = 0x00080070;
    public static final int INSTITUTION_NAME = 0x00080080;
    public static final int CODE_VALUE = 0x00080100;
    public static final int CODING_SCHEME_DESIGNATOR = 0x00080102;
    public static final int CODE_MEANING = 0x00080104;
    public static final int LONG_CODE_VALUE = 0x00080119;
    public static final int URN_CODE_VALUE = 0x00080120;
    public static final int STATION_NAME = 0x00081010;
    public static final int STUDY_DESCRIPTION = 0x00081030;
    public static final int MANUFACTURER_MODEL_NAME = 0x00081090;
    public static final int PATIENT_ID = 0x00100020;
    public static final int PATIENT_BIRTH_DATE = 0x00100030;
    public static final int PATIENT_SEX = 0x00100040;
    public static final int PATIENT_AGE = 0x00101010;
    public static final int PATIENT_SIZE = 0x00101020;
    public static final int PATIENT_WEIGHT = 0x00101030;
    public static final int STUDY_INSTANCE_UID = 0x0020000D;
    public static final int SERIES_INSTANCE_UID = 0x0020000E;
    public static final int MEASUREMENT_UNITS_CODE_SEQUENCE = 0x004008EA;
    public static final int RELATIONSHIP_TYPE = 0x0040A010;
    public static final int VALUE_TYPE = 0x0040A040;
    public static final int CONCEPT_NAME_CODE_SEQUENCE = 0x0040A043;
    public static final int DATE_TIME = 0x0040A120;
    public static final int DATE = 0x0040A121;
    public static final int TIME = 0x0040A122;
    public static final int PERSON_NAME = 0x0040A123;
    public static final int UID = 0x0040A124;
    public static final int TEXT_VALUE = 0x0040A160;
    public static final int CONCEPT_CODE_SEQUENCE = 0x0040A168;
    public static final int MEASURED_VALUE_SEQUENCE = 0x0040A300;
    public static final int NUMERIC_VALUE = 0x0040A30A;
    public static final int CONTENT_SEQUENCE = 0x0040A730;
    public static final int PIXEL_DATA = 0x7FE00010;

    static final int ITEM = 0xFFFEE000;
    static final int ITEM_DELIMITATION = 0xFFFEE00D;
    static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    /** {@code (0040,A730)}: the form DICOM JSON and messages use. */
    public static String hex(int tag) { return String.format("%08X", tag); }
}
