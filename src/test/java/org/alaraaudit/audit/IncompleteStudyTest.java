package org.alaraaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study of the period that lost a row to the validation (STUDY_INCOMPLETE): found by the rejected row's facility
 * and accession, flagged once, and kept out of every median and verdict its understated total would bend. The rows
 * are 8-year-olds' chest CTs, US set: DRL 2.5 mGy / 70 mGy·cm, expected range 0.625-2.5 mGy and 17.5-70 mGy·cm.
 */
class IncompleteStudyTest {
    @TempDir
    Path dir;

    /** A row the validation rejects: a negative DLP. */
    private static final String[] REJECTED = {"dlp_mgycm", "-50"};

    private static AuditFixture october() { return new AuditFixture().period(AuditPeriod.month(YearMonth.of(2026, 10))); }

    private static List<Finding> incomplete(AuditResult r) { return AuditFixture.findings(r, "STUDY_INCOMPLETE"); }

    private static String[] with(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aStudyOfThePeriodThatLostARowGetsOneFindingNamingTheRow() {
        AuditResult r = october()
                .row("accession_number", "ACC1")
                .row(with(REJECTED, "accession_number", "ACC1", "acquisition_type", "SPIRAL"))
                .row("patient_id", "MRN2", "accession_number", "ACC2")
                .audit(dir);
        assertEquals(1, r.rejected().size());
        List<Finding> f = incomplete(r);
        assertEquals(1, f.size(), f.toString());
        Finding one = f.get(0);
        assertEquals("ACC1", one.accessionNumber());
        assertEquals("MINOR", one.severity().name());
        assertEquals(1.0, one.measuredValue());
        assertEquals("rejected rows", one.quantity());
        assertTrue(one.message().startsWith("1 row of this study rejected (scan-log.csv:3): audited without it"),
                one.message());
        assertEquals("scan-log.csv:2", one.inputLinesText(), "the finding rests on the rows that were audited");
    }

    @Test
    void twoRejectedRowsOfOneStudyAreOneFindingCountingBoth() {
        AuditResult r = october()
                .row("accession_number", "ACC1")
                .row(with(REJECTED, "accession_number", "ACC1"))
                .row("accession_number", "ACC1", "kvp", "300")
                .audit(dir);
        List<Finding> f = incomplete(r);
        assertEquals(1, f.size(), f.toString());
        assertEquals(2.0, f.get(0).measuredValue());
        assertTrue(f.get(0).message().startsWith("2 rows of this study rejected (scan-log.csv:3, scan-log.csv:4): audited without them"),
                f.get(0).message());
    }

    @Test
    void theSameAccessionAtAnotherFacilityIsAnotherStudy() {
        AuditResult r = october()
                .row("accession_number", "ACC1")
                .row(with(REJECTED, "accession_number", "ACC1", "facility", "Other Hospital", "patient_id", "MRN9"))
                .audit(dir);
        assertEquals(1, r.rejected().size());
        assertTrue(incomplete(r).isEmpty(), incomplete(r).toString());
    }

    /**
     * The accession is the cell a damaged export loses most often (a reviewer found a child's head spiral rejected so,
     * its study audited on its scout alone and unflagged): the row's facility, patient and study start find the study.
     */
    @Test
    void aRejectedRowWithoutItsAccessionFindsItsStudyByFacilityPatientAndStart() {
        AuditResult r = october()
                .row("accession_number", "ACC1", "study_datetime", "2026-10-10T10:00:00")
                .row("accession_number", "", "study_datetime", "2026-10-10T10:00:00", "acquisition_type", "SPIRAL")
                .audit(dir);
        assertEquals(1, r.rejected().size());
        List<Finding> f = incomplete(r);
        assertEquals(1, f.size(), f.toString());
        assertEquals("ACC1", f.get(0).accessionNumber());
        assertTrue(f.get(0).message().startsWith("1 row of this study rejected (scan-log.csv:3)"), f.get(0).message());
    }

    @Test
    void aRejectedRowWithoutItsAccessionNamesNoStudyOfAnotherStartPatientOrFacility() {
        AuditResult r = october()
                .row("accession_number", "ACC1", "study_datetime", "2026-10-10T10:00:00")
                .row("accession_number", "", "study_datetime", "2026-10-10T10:00:01")
                .row("accession_number", "", "study_datetime", "2026-10-10T10:00:00", "patient_id", "MRN2")
                .row("accession_number", "", "study_datetime", "2026-10-10T10:00:00", "facility", "Other Hospital")
                .row("accession_number", "", "study_datetime", "not a date")
                .audit(dir);
        assertEquals(4, r.rejected().size());
        assertTrue(incomplete(r).isEmpty(), incomplete(r).toString());
    }

    @Test
    void anAccessionThatIsSomePatientsIdentifierStillFindsItsStudy() {
        // Reports withhold a rejected row's accession "1234" since patient 1234 exists, and "4711-01" since it holds
        // its own row's patient ID; the match is made on the cells as read, and shows neither.
        AuditResult r = october()
                .row("patient_id", "4711", "accession_number", "1234")
                .row(with(REJECTED, "patient_id", "4711", "accession_number", "1234"))
                .row("patient_id", "1234", "accession_number", "B1")
                .row("patient_id", "4711", "accession_number", "4711-01", "study_datetime", "2026-10-20T10:00:00")
                .row(with(REJECTED, "patient_id", "4711", "accession_number", "4711-01", "study_datetime", "2026-10-20T10:00:00"))
                .audit(dir);
        assertEquals(2, r.rejected().size());
        assertTrue(r.rejected().stream().allMatch(x -> org.alaraaudit.scanlog.Rejection.VALUE_WITHHELD.equals(x.accessionNumber())),
                r.rejected().toString());
        assertEquals(List.of("1234", "4711-01"), incomplete(r).stream().map(Finding::accessionNumber).sorted().toList());
    }

    @Test
    void aLineCutShortAfterItsStudyCellsFindsItsStudy() throws java.io.IOException {
        AuditFixture f = october().row("accession_number", "ACC1");
        java.nio.file.Path log = f.write(dir, "scan-log.csv");
        String header = f.csv().lines().findFirst().orElseThrow();
        assertTrue(header.startsWith("patient_id,age_years,sex,weight_kg,facility,station_name,accession_number,study_datetime,modality"), header);
        java.nio.file.Files.writeString(log, "MRN1,8,F,25,General,CT1,ACC1,2026-10-10T10:00:00\n", java.nio.file.StandardOpenOption.APPEND);
        AuditResult r = f.auditFiles(List.of(log));
        assertEquals(1, r.rejected().size());
        assertTrue(r.rejected().get(0).reason().startsWith("the row has 8 cells, the header has 16: it ends before modality"), r.rejected().toString());
        assertEquals("ACC1", r.rejected().get(0).accessionNumber(), "rejected.csv names the study too");
        assertEquals(List.of("ACC1"), incomplete(r).stream().map(Finding::accessionNumber).toList());
    }

    @Test
    void onlyAStudyInsideThePeriodIsFlaggedAtEitherEnd() {
        AuditResult r = october()
                .row("accession_number", "SEP", "study_datetime", "2026-09-30T23:59:59")
                .row(with(REJECTED, "accession_number", "SEP", "study_datetime", "2026-09-30T23:59:59"))
                .row("patient_id", "MRN2", "accession_number", "OCT1", "study_datetime", "2026-10-01T00:00:00")
                .row(with(REJECTED, "patient_id", "MRN2", "accession_number", "OCT1", "study_datetime", "2026-10-01T00:00:00"))
                .row("patient_id", "MRN3", "accession_number", "OCT31", "study_datetime", "2026-10-31T23:59:59")
                .row(with(REJECTED, "patient_id", "MRN3", "accession_number", "OCT31", "study_datetime", "2026-10-31T23:59:59"))
                .row("patient_id", "MRN4", "accession_number", "NOV", "study_datetime", "2026-11-01T00:00:00")
                .row(with(REJECTED, "patient_id", "MRN4", "accession_number", "NOV", "study_datetime", "2026-11-01T00:00:00"))
                .audit(dir);
        assertEquals(4, r.rejected().size());
        assertEquals(List.of("OCT1", "OCT31"), incomplete(r).stream().map(Finding::accessionNumber).sorted().toList());
    }

    @Test
    void aRejectedRowWhoseDateIsTheFaultStillFindsItsStudy() {
        AuditResult r = october()
                .row("accession_number", "ACC1")
                .row("accession_number", "ACC1", "study_datetime", "2026-10-40T10:00:00")
                .audit(dir);
        assertEquals(1, r.rejected().size());
        assertEquals(1, incomplete(r).size());
    }

    /** Ten chest studies of different children at the DRL; the first also lost a row. */
    private static AuditFixture tenChestStudies(boolean firstIncomplete) {
        AuditFixture f = october();
        for (int i = 0; i < 10; i++) {
            f.row("patient_id", "P" + i, "accession_number", "A" + i, "study_datetime", "2026-10-" + String.format("%02d", 1 + i) + "T10:00:00",
                    "ctdivol_mgy", "2.5", "dlp_mgycm", "70", "contrast", "no");
        }
        if (firstIncomplete) f.row(with(REJECTED, "patient_id", "P0", "accession_number", "A0", "study_datetime", "2026-10-01T10:00:00", "contrast", "no"));
        return f;
    }

    private static DrlGroup chest(AuditResult r, String quantity) {
        return r.drlGroups().stream().filter(g -> g.examType().equals("CT CHEST") && g.quantity().equals(quantity) && g.phantomCm() == 32)
                .findFirst().orElseThrow();
    }

    @Test
    void anIncompleteStudyGivesItsAcquisitionsCtdivolButNotItsDlpToTheDrlGroup() {
        AuditResult complete = tenChestStudies(false).audit(dir);
        assertEquals(10, chest(complete, "CTDIvol").n());
        assertEquals(10, chest(complete, "DLP").n());

        // The same file name in the same folder: the second audit's file replaces the first's.
        AuditResult r = tenChestStudies(true).audit(dir);
        assertEquals(10, chest(r, "CTDIvol").n(), "each audited acquisition's CTDIvol is a whole measurement");
        assertEquals(9, chest(r, "DLP").n(), "the study's DLP total is understated");
        assertEquals(9, chest(r, "DLP").studies());
        assertEquals("INSUFFICIENT_SAMPLE", chest(r, "DLP").status(), "nine studies are below the minimum sample of ten");
    }

    @Test
    void aDlpBelowTheExpectedRangeIsNoVerdictOnAnIncompleteStudyButOneAboveItStands() {
        AuditResult complete = october().row("accession_number", "LOW", "dlp_mgycm", "10").audit(dir);
        assertEquals(1, AuditFixture.findings(complete, "DOSE_BELOW_EXPECTED_RANGE").size(), "17.5 mGy·cm is the lower end");

        AuditResult r = october()
                .row("accession_number", "LOW", "dlp_mgycm", "10")
                .row(with(REJECTED, "accession_number", "LOW"))
                .row("patient_id", "MRN2", "accession_number", "HIGH", "dlp_mgycm", "80")
                .row(with(REJECTED, "patient_id", "MRN2", "accession_number", "HIGH"))
                .row("patient_id", "MRN3", "accession_number", "LOWCT", "ctdivol_mgy", "0.5")
                .row(with(REJECTED, "patient_id", "MRN3", "accession_number", "LOWCT"))
                .audit(dir);
        assertEquals(List.of("LOWCT"), AuditFixture.findings(r, "DOSE_BELOW_EXPECTED_RANGE").stream().map(Finding::accessionNumber).toList(),
                "an acquisition's own CTDIvol below the range is still one");
        List<Finding> above = AuditFixture.findings(r, "DOSE_ABOVE_EXPECTED_RANGE");
        assertEquals(List.of("HIGH"), above.stream().map(Finding::accessionNumber).toList(), "80 mGy·cm without the lost row is above 70 all the more");
        assertEquals(3, incomplete(r).size());
    }

    @Test
    void aFluoroscopyProcedureIsToldWhatItsLostRowsUnderstate() {
        AuditResult r = october()
                .row("accession_number", "RF1", "modality", "RF", "protocol_name", "VCUG", "acquisition_type", "", "target_region", "",
                        "ctdivol_mgy", "", "dlp_mgycm", "", "phantom", "", "kvp", "70", "dap_gycm2", "0.5")
                .row("accession_number", "RF1", "modality", "RF", "protocol_name", "VCUG", "acquisition_type", "", "target_region", "",
                        "ctdivol_mgy", "", "dlp_mgycm", "", "phantom", "", "kvp", "70", "dap_gycm2", "-0.5")
                .audit(dir);
        assertEquals(1, r.rejected().size(), r.rejected().toString());
        List<Finding> f = incomplete(r);
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).message().endsWith("its DAP, Ka,r and peak skin dose are understated and its DAP enters no typical value"),
                f.get(0).message());
    }

    @Test
    void anUnderstatedDlpQuotedBesideACtdivolVerdictSaysSo() {
        AuditResult r = october()
                .row("accession_number", "HIGHCT", "ctdivol_mgy", "4.0")
                .row(with(REJECTED, "accession_number", "HIGHCT"))
                .audit(dir);
        List<Finding> above = AuditFixture.findings(r, "DOSE_ABOVE_EXPECTED_RANGE");
        assertEquals(1, above.size(), above.toString());
        assertTrue(above.get(0).message().contains("; study DLP 50.0 mGy·cm, understated: rows rejected (expected 17.5-70 mGy·cm)"),
                above.get(0).message());
    }
}
