package org.alaraaudit.sample;

/** The synthetic facilities and their devices. */
final class Site {
    private Site() {
    }

    /** One scanner or X-ray room. {@code sizeReport}: which patient-size values its dose reports carry. */
    record Station(int facility, String name, String manufacturer, String model, boolean ct,
                   SizeReport sizeReport, String pedSuffix) {
    }

    enum SizeReport { NONE, WATER_EQUIVALENT, EFFECTIVE, SSDE_AND_WATER_EQUIVALENT }

    static final int ST_ELSEWHERE = 0;
    static final int COUNTY_GENERAL = 1;

    static final String[] FACILITY_NAMES = {"St Elsewhere Children's", "County General"};
    static final String[] ACCESSION_PREFIX = {"SEC", "CGH"};

    /** Share of all studies done at each facility. */
    static final double[] FACILITY_SHARE = {0.5, 0.5};
    /**
     * Share of children among each facility's new patients in plain studies. Planted cases add
     * children (about 9% of studies), which brings the overall pediatric share to about 30%.
     */
    static final double[] PEDIATRIC_SHARE = {0.30, 0.15};

    static final Station SEC_CT1 = new Station(ST_ELSEWHERE, "SECH-CT1", "SIEMENS", "SOMATOM Force", true,
            SizeReport.WATER_EQUIVALENT, "");
    static final Station SEC_CT2 = new Station(ST_ELSEWHERE, "SECH-CT2", "GE MEDICAL SYSTEMS", "Revolution CT", true,
            SizeReport.SSDE_AND_WATER_EQUIVALENT, " C+");
    static final Station SEC_DX1 = new Station(ST_ELSEWHERE, "SECH-DX1", "Carestream Health", "DRX-Evolution Plus", false,
            SizeReport.NONE, "");
    static final Station CGH_CT_ED = new Station(COUNTY_GENERAL, "CGH-CT-ED", "Canon Medical Systems", "Aquilion ONE", true,
            SizeReport.EFFECTIVE, "");
    static final Station CGH_CT2 = new Station(COUNTY_GENERAL, "CGH-CT2", "Philips", "Incisive CT", true,
            SizeReport.NONE, " V2");
    static final Station CGH_DX1 = new Station(COUNTY_GENERAL, "CGH-DX1", "Canon Inc.", "CXDI-710C Wireless", false,
            SizeReport.NONE, "");

    static final Station SEC_RF1 = new Station(ST_ELSEWHERE, "SECH-RF1", "Philips", "Azurion 7 B20/15", false,
            SizeReport.NONE, "");
    static final Station CGH_RF1 = new Station(COUNTY_GENERAL, "CGH-RF1", "Siemens Healthineers", "Artis icono biplane", false,
            SizeReport.NONE, "");
    /** Fluoroscopy rooms: a pediatric one at St Elsewhere, a biplane cardiac room at County General. */
    static final Station[] RF = {SEC_RF1, CGH_RF1};

    static final Station[][] CT = {{SEC_CT1, SEC_CT2}, {CGH_CT_ED, CGH_CT2}};
    static final double[][] CT_SHARE = {{0.6, 0.4}, {0.55, 0.45}};
    static final Station[] DX = {SEC_DX1, CGH_DX1};
    static final Station[] ALL_CT = {SEC_CT1, SEC_CT2, CGH_CT_ED, CGH_CT2};

    /**
     * Ratio of the median pediatric CTDIvol to the US DRL of the band, per facility and exam
     * (head, chest, abdomen-pelvis, chest-abdomen-pelvis). St Elsewhere sits well below; County
     * General's body protocols were never child-sized, so its body medians exceed the DRL.
     */
    static final double[][] PED_DOSE_TO_DRL = {
        {0.62, 0.65, 0.64, 0.66},
        {0.72, 1.12, 1.22, 1.16},
    };
}
