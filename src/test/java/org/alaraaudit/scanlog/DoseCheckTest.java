package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.spill.PatientPartitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner's Dose Check record: read from OpenREM's prose or canonical columns, carried to ScanRow. */
class DoseCheckTest {
    @TempDir
    Path dir;

    /** OpenREM's own test expectation for the Toshiba Aquilion file, event 1 (CSV wording). */
    private static final String TOSHIBA_E1 = "Dose Check Alerts: DLP alert is configured at 100.00 mGy.cm with an accumulated "
            + "forward estimate of 251.20 mGy.cm. CTDIvol alert is configured at 10.00 mGy with no "
            + "accumulated forward estimate recorded. Person authorizing irradiation: Luuk. ";

    @Test
    void csvProseGivesAlertValuesForwardEstimatesAndNoReason() {
        Map<String, String> d = DoseCheck.parse(TOSHIBA_E1);
        assertEquals("yes", d.get(DoseCheck.ALERT), "251.2 mGy.cm forward estimate above the 100 mGy.cm alert");
        assertEquals("100", d.get(DoseCheck.DLP_ALERT));
        assertEquals("251.2", d.get(DoseCheck.DLP_FORWARD));
        assertEquals("10", d.get(DoseCheck.CTDIVOL_ALERT));
        assertNull(d.get(DoseCheck.CTDIVOL_FORWARD));
        assertNull(d.get(DoseCheck.REASON));
    }

    @Test
    void xlsxMultiLineAlertTextReadsTheSame() {
        String xlsx = "Dose check alerts:\nDLP alert is configured at 100.0 mGy.cm\nwith an accumulated forward estimate of "
                + "502.4 mGy.cm\nCTDIvol alert is configured at 10.0 mGy\nwith an accumulated forward estimate of 10.6 mGy\n"
                + "Person authorizing irradiation: Luuk";
        Map<String, String> d = DoseCheck.parse(xlsx);
        assertEquals(Map.of(DoseCheck.ALERT, "yes", DoseCheck.DLP_ALERT, "100", DoseCheck.DLP_FORWARD, "502.4",
                DoseCheck.CTDIVOL_ALERT, "10", DoseCheck.CTDIVOL_FORWARD, "10.6"), d);
    }

    @Test
    void aReasonForProceedingIsReadUpToThePersonAuthorising() {
        Map<String, String> csv = DoseCheck.parse("Dose Check Alerts: DLP alert is configured at 400.00 mGy.cm with an "
                + "accumulated forward estimate of 410.50 mGy.cm. Reason for proceeding: Dr. Ahn approved; motion repeat. "
                + "Person authorizing irradiation: Dr Ahn. Dose Check Notifications: DLP notification is configured at "
                + "300.00 mGy.cm with an accumulated forward estimate of 410.50 mGy.cm. ");
        assertEquals("Dr. Ahn approved; motion repeat", csv.get(DoseCheck.REASON));
        assertEquals("400", csv.get(DoseCheck.DLP_ALERT), "the notification's 300 is not the alert value");
        Map<String, String> xlsx = DoseCheck.parse("Dose check alerts:\nDLP alert is configured at 400.0 mGy.cm\n"
                + "with an accumulated forward estimate of 410.5 mGy.cm\nReason for proceeding: Patient repositioned\n"
                + "Person authorizing irradiation: Dr Ahn");
        assertEquals("Patient repositioned", xlsx.get(DoseCheck.REASON));
    }

    @Test
    void notificationsAloneAreNoAlertRecord() {
        assertTrue(DoseCheck.parse("Dose Check Notifications: DLP notification is configured at 300.00 mGy.cm with no "
                + "accumulated forward estimate recorded. ").isEmpty());
        assertTrue(DoseCheck.parse("").isEmpty());
        assertTrue(DoseCheck.parse(null).isEmpty());
    }

    @Test
    void anAlertValueNotReachedIsACheckWithoutAlert() {
        Map<String, String> d = DoseCheck.parse("Dose Check Alerts: DLP alert is configured at 1000.00 mGy.cm with an "
                + "accumulated forward estimate of 251.20 mGy.cm. ");
        assertEquals("no", d.get(DoseCheck.ALERT));
    }

    private List<ScanRow> validRows(Path f) {
        RowValidator v = new RowValidator(new Pseudonymiser(AuditFixture.SECRET), LocalDateTime.of(2026, 11, 2, 7, 0), 1000, w -> { });
        ScanLogInput in = new ScanLogInput(List.of(f), v, new Exclusions(List.of()), new ArrayList<>());
        List<ScanRow> out = AuditedRows.read(in);
        assertEquals(0, in.accounting().rejected(), in.rejections().toString());
        return out;
    }

    @Test
    void scanRowsCarryTheRecordFromEveryFormatAlike() {
        for (String name : List.of(OpenRemExportWriter.CSV, OpenRemExportWriter.XLSX, OpenRemExportWriter.CANONICAL)) {
            List<ScanRow> rows = validRows(OpenRemTestFiles.file(name));
            List<ScanRow> toshiba = rows.stream().filter(r -> r.study().accessionNumber().equals("RCH26101204")).toList();
            ScanRow e2 = toshiba.get(1);
            assertTrue(e2.doseCheck().alert(), name);
            assertEquals(100.0, e2.doseCheck().dlpAlertMgycm(), name);
            assertEquals(502.4, e2.doseCheck().dlpForwardEstimateMgycm(), name);
            assertEquals(10.0, e2.doseCheck().ctdivolAlertMgy(), name);
            assertEquals(10.6, e2.doseCheck().ctdivolForwardEstimateMgy(), name);
            assertNull(e2.doseCheck().reason(), name);
            assertTrue(e2.doseCheck().overriddenWithoutReason(), name);

            List<ScanRow> withReason = rows.stream().filter(r -> r.study().accessionNumber().equals("RCH26101405")).toList();
            assertEquals("Patient repositioned after motion", withReason.get(0).doseCheck().reason(), name);
            assertFalse(withReason.get(0).doseCheck().overriddenWithoutReason(), name);
            assertNull(withReason.get(1).doseCheck(), name + ": a notification only");

            ScanRow plain = rows.stream().filter(r -> r.study().accessionNumber().equals("RCH26100501")).findFirst().orElseThrow();
            assertNull(plain.doseCheck(), name);
        }
    }

    @Test
    void canonicalColumnsAreValidatedLikeAnyNumber() throws Exception {
        Path f = dir.resolve("log.csv");
        Files.writeString(f, new AuditFixture().row(DoseCheck.ALERT, "yes", DoseCheck.DLP_ALERT, "1OO").csv(), StandardCharsets.UTF_8);
        RowValidator v = new RowValidator(new Pseudonymiser(AuditFixture.SECRET), LocalDateTime.of(2026, 11, 2, 7, 0), 1000, w -> { });
        ScanLogInput in = new ScanLogInput(List.of(f), v, new Exclusions(List.of()), new ArrayList<>());
        in.read((r, o) -> { }, n -> { });
        Rejection r = in.rejections().get(0);
        assertEquals(DoseCheck.DLP_ALERT, r.column());
        assertEquals("1OO", r.value());
        assertTrue(r.reason().contains("not a number"));

        Files.writeString(f, new AuditFixture().row(DoseCheck.ALERT, "maybe").csv(), StandardCharsets.UTF_8);
        in = new ScanLogInput(List.of(f), v, new Exclusions(List.of()), new ArrayList<>());
        in.read((x, o) -> { }, n -> { });
        assertTrue(in.rejections().get(0).reason().contains("yes or no"));

        Files.writeString(f, new AuditFixture().row(DoseCheck.ALERT, "Yes").csv(), StandardCharsets.UTF_8);
        List<ScanRow> rows = validRows(f);
        assertTrue(rows.get(0).doseCheck().alert());
        assertTrue(rows.get(0).doseCheck().overriddenWithoutReason(), "an alert with no reason column");
    }

    @Test
    void theFieldsSurviveTheDiskSpillOfPatientPartitions() {
        List<ScanRow> rows = validRows(OpenRemTestFiles.file(OpenRemExportWriter.CSV_NO_PATIENT_ID));
        List<ScanRow> back = new ArrayList<>();
        try (PatientPartitions p = new PatientPartitions(0)) {
            for (int i = 0; i < rows.size(); i++) p.add(rows.get(i), i);
            assertTrue(p.spilled());
            p.forEachPatient(i -> false, back::addAll);
        }
        assertEquals(rows.size(), back.size());
        assertTrue(back.containsAll(rows), "every field, the dose-check ones and patientPerStudy included, round-trips");
        assertTrue(back.stream().allMatch(ScanRow::patientPerStudy));
    }
}
