package org.alaraaudit.scanlog;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The CT studies behind the OpenREM test exports in src/test/resources/openrem/: children's CT as OpenREM
 * stores it, with values taken from the real dose reports in shared/real-data (Siemens Flash dual-source tube
 * settings, GE head series at 16 cm, the Toshiba Aquilion Dose Check alert with its 100 mGy.cm / 10 mGy alert
 * values and 251.2 / 502.4 mGy.cm forward estimates, Siemens bolus-tracking series). Dates are in October 2026,
 * the month the audit fixture audits.
 */
final class OpenRemStudies {
    private OpenRemStudies() {}

    /** One X-ray tube's settings within an event (S1, S2). Values as OpenREM prints them; null = empty. */
    record Tube(String name, String kvp, String maxMa, String ma, String timePerRotation) {}

    /** The Dose Check (NEMA XR 25) details of an event, as OpenREM keeps them. */
    record DoseCheckDetails(String dlpAlert, String dlpForward, String ctdivolAlert, String ctdivolForward,
                            String reason, String person, String dlpNotification, String dlpNotificationForward) {
        boolean hasAlerts() { return dlpAlert != null || ctdivolAlert != null; }
    }

    /** One irradiation event; phantom is the DICOM code value (113691 body, 113690 head) or null. */
    record Event(String protocol, String standardName, String type, String exposureTime, String scanLength,
                 String sliceThickness, String totalCollimation, String pitch, String ctdivol, String phantomCode,
                 String dlp, Tube s1, Tube s2, String modulation, DoseCheckDetails doseCheck, String comment) {
        int sources() { return s2 != null ? 2 : s1 != null ? 1 : 0; }
    }

    record Study(String patientName, String patientId, LocalDate birthDate, String institution, String manufacturer,
                 String model, String station, String displayName, String accession, String operator, LocalDate date,
                 LocalTime time, String age, String sex, String heightM, String massKg, String description,
                 String standardName, String requested, List<Event> events) {
        String totalDlp() {
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            for (Event e : events) if (e.dlp() != null) sum = sum.add(new java.math.BigDecimal(e.dlp()));
            return sum.toPlainString();
        }
    }

    static final String HOSPITAL = "Riverside Children's Hospital";

    private static Event localiser(String protocol, String kv, String ma, String time, String length) {
        return new Event(protocol, "Localiser", "Constant Angle Acquisition", time, length, "0.6", "19.2", null,
                null, null, null, new Tube("A", kv, ma, ma, "0.5"), null, "None", null, null);
    }

    static List<Study> all() {
        List<Study> s = new ArrayList<>();

        // Dual-source flash chest of a 6-year-old on the 32 cm phantom: tubes at 100 and 140 kVp.
        s.add(new Study("Lind^Aava", "RCH0012345", LocalDate.of(2020, 3, 14), HOSPITAL, "SIEMENS",
                "SOMATOM Definition Flash", "CTFLASH01", "RCH Flash", "RCH26100501", "Tech^One",
                LocalDate.of(2026, 10, 5), LocalTime.of(9, 12, 30), "6.56", "F", "1.18", "21",
                "CT CHEST", "Chest", "CT Thorax", List.of(
                        localiser("Topogram", "100", "35", "2.3", "256"),
                        new Event("PED CHEST 5-10Y", "Chest", "Spiral Acquisition", "1.86", "212", "0.6", "38.4", "0.6",
                                "2.94", "113691", "70.4", new Tube("A", "100", "120", "77", "0.28"),
                                new Tube("B", "140", "80", "38", "0.28"), "XYZ_EC", null, null))));

        // Head of a 3-year-old: two scouts without dose values, then a sequenced head on the 16 cm phantom.
        s.add(new Study("Berg^Olli", "RCH0020001", LocalDate.of(2023, 8, 1), HOSPITAL, "GE MEDICAL SYSTEMS",
                "LightSpeed RT16", "CTGE02", "RCH LightSpeed", "RCH26100702", "Tech^Two",
                LocalDate.of(2026, 10, 7), LocalTime.of(14, 3, 11), "3.184", "M", "0.98", "14.5",
                "CT HEAD", "Head", "CT Brain", List.of(
                        new Event("Scout", "Localiser", "Constant Angle Acquisition", "1.1", "160", "1.25", "1.25", null,
                                null, null, null, new Tube("1", "120", "10", "10", "1.0"), null, "None", null, null),
                        new Event("Scout", "Localiser", "Constant Angle Acquisition", "1.1", "160", "1.25", "1.25", null,
                                null, null, null, new Tube("1", "120", "10", "10", "1.0"), null, "None", null, null),
                        new Event("PED HEAD 2-6Y", "Head", "Sequenced Acquisition", "8", "120", "1.25", "20", null,
                                "24.86", "113690", "298.3", new Tube("1", "120", "180", "180", "1.0"), null, "None", null, null))));

        // The same child again the next morning: a repeat of the head.
        s.add(new Study("Berg^Olli", "RCH0020001", LocalDate.of(2023, 8, 1), HOSPITAL, "GE MEDICAL SYSTEMS",
                "LightSpeed RT16", "CTGE02", "RCH LightSpeed", "RCH26100803", "Tech^Two",
                LocalDate.of(2026, 10, 8), LocalTime.of(9, 30, 0), "3.187", "M", "0.98", "14.5",
                "CT HEAD", "Head", "CT Brain", List.of(
                        new Event("Scout", "Localiser", "Constant Angle Acquisition", "1.1", "160", "1.25", "1.25", null,
                                null, null, null, new Tube("1", "120", "10", "10", "1.0"), null, "None", null, null),
                        new Event("PED HEAD 2-6Y", "Head", "Sequenced Acquisition", "8", "120", "1.25", "20", null,
                                "27.62", "113690", "331.4", new Tube("1", "120", "200", "200", "1.0"), null, "None", null, null))));

        // The Toshiba Aquilion Dose Check record: alerts at 100 mGy.cm and 10 mGy, exceeded, authorised, no reason.
        DoseCheckDetails first = new DoseCheckDetails("100.00", "251.20", "10.00", null, null, "Luuk", null, null);
        DoseCheckDetails second = new DoseCheckDetails("100.00", "502.40", "10.00", "10.60", null, "Luuk", null, null);
        s.add(new Study("Meri^Kai", "RCH0033310", LocalDate.of(2014, 5, 29), HOSPITAL, "TOSHIBA", "Aquilion Precision",
                "CTTOSH03", "RCH Aquilion", "RCH26101204", "Tech^Three", LocalDate.of(2026, 10, 12),
                LocalTime.of(7, 53, 19), "12.373", "M", "1.52", "44", "CT ABDOMEN", "Abdomen", "CT Abdomen", List.of(
                        new Event("Abdomen Routine ZC (NR)", "Abdomen", "Spiral Acquisition", "7.49", "487", "5", "40",
                                "0.813", "5.3", "113691", "251.2", new Tube("1", "120", "150", "150", "0.5"), null,
                                "XYZ_EC", first, null),
                        new Event("Abdomen Routine ZC (NR)", "Abdomen", "Spiral Acquisition", "7.49", "487", "5", "40",
                                "0.813", "5.3", "113691", "251.2", new Tube("1", "120", "150", "150", "0.5"), null,
                                "XYZ_EC", second, null))));

        // An alert with a reason for proceeding, and an event with a notification only (no alert).
        DoseCheckDetails withReason = new DoseCheckDetails("400.00", "410.50", null, null,
                "Patient repositioned after motion", "Dr Ahn", "300.00", "410.50");
        DoseCheckDetails notificationOnly = new DoseCheckDetails(null, null, null, null, null, null, "300.00", null);
        s.add(new Study("Saari^Ilona", "RCH0044021", LocalDate.of(2011, 9, 2), HOSPITAL, "TOSHIBA", "Aquilion Precision",
                "CTTOSH03", "RCH Aquilion", "RCH26101405", "Tech^Three", LocalDate.of(2026, 10, 14),
                LocalTime.of(11, 20, 5), "15.116", "F", "1.63", "52", "CT ABDOMEN PELVIS", "Abdomen", "CT Abdomen", List.of(
                        new Event("PED ABD 15-18Y", "Abdomen", "Spiral Acquisition", "9.2", "402", "0.5", "40", "0.813",
                                "8.9", "113691", "410.5", new Tube("1", "120", "300", "210", "0.5"), null, "XYZ_EC",
                                withReason, null),
                        new Event("PED ABD 15-18Y DELAYED", "Abdomen", "Spiral Acquisition", "4.1", "180", "0.5", "40",
                                "0.813", "4.2", "113691", "81.3", new Tube("1", "100", "300", "160", "0.5"), null, "XYZ_EC",
                                notificationOnly, null))));

        // Bolus-tracked chest angiogram of a 16-year-old: 22 events (topogram, pre-monitoring, 18 monitoring
        // scans alike in every value, two spiral phases).
        List<Event> cta = new ArrayList<>();
        cta.add(new Event("Topogram", "Localiser", "Constant Angle Acquisition", "3.1", "512", "0.6", "19.2", null,
                null, null, null, new Tube("A", "120", "35", "35", "0.5"), null, "None", null, null));
        cta.add(new Event("PreMonitoring", "Monitoring", "Stationary Acquisition", "0.28", "10", "10", "10", null,
                "0.77", "113691", "0.77", new Tube("A", "100", "20", "20", "0.28"), null, "None", null, null));
        for (int i = 0; i < 18; i++) {
            cta.add(new Event("Monitoring", "Monitoring", "Stationary Acquisition", "0.28", "10", "10", "10", null,
                    "1.53", "113691", "1.53", new Tube("A", "100", "40", "40", "0.28"), null, "None", null, null));
        }
        cta.add(new Event("CTA CHEST", "Chest angio", "Spiral Acquisition", "3.2", "318", "0.6", "38.4", "1.2",
                "3.1", "113691", "98.7", new Tube("A", "100", "160", "95", "0.28"), null, "XYZ_EC", null, null));
        cta.add(new Event("CTA CHEST LATE", "Chest angio", "Spiral Acquisition", "3.2", "318", "0.6", "38.4", "1.2",
                "2.8", "113691", "89.1", new Tube("A", "100", "160", "86", "0.28"), null, "XYZ_EC", null, null));
        s.add(new Study("Koski^Eero", "RCH0051177", LocalDate.of(2010, 6, 28), HOSPITAL, "SIEMENS",
                "SOMATOM Definition Flash", "CTFLASH01", "RCH Flash", "RCH26102006", "Tech^One",
                LocalDate.of(2026, 10, 20), LocalTime.of(16, 45, 0), "16.312", "M", "1.74", "61",
                "CT ANGIO CHEST", "Chest angio", "CT Pulmonary Angiogram", cta));
        return s;
    }
}
