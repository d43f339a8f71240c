package org.alaraaudit.rules;

import static org.alaraaudit.AuditFixture.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PediatricProtocolRulesTest {
    @TempDir
    Path dir;

    private static final String ADULT_CHEST = "CHEST ROUTINE";

    @Test
    void adultProtocolOnAChildJustBelowThePediatricLimitIsMajor() {
        AuditResult r = new AuditFixture().row("age_years", "17.99", "weight_kg", "60", "protocol_name", ADULT_CHEST,
                "ctdivol_mgy", "7.4").audit(dir);
        List<Finding> f = findings(r, "PEDIATRIC_ADULT_PROTOCOL");
        assertEquals(1, f.size());
        assertEquals(Severity.MAJOR, f.get(0).severity());
        assertEquals("age", f.get(0).quantity());
        assertEquals(18.0, f.get(0).referenceValue());
        // the age is compared with the pediatric limit, so the limit's source is cited, not the catalog row's dose range
        assertEquals(AuditFixture.DEFAULT_RULES.tables().policy().sourceOf("pediatric_age_years"), f.get(0).referenceSource());
        assertTrue(f.get(0).referenceSource().startsWith("local policy (default): age at the study below this is pediatric"),
                f.get(0).referenceSource());
    }

    @Test
    void aPediatricLimitFromTheCommandLineIsCitedAsSuch() {
        AuditResult r = new AuditFixture().pediatricAge(21).row("age_years", "19", "weight_kg", "60", "protocol_name", ADULT_CHEST,
                "ctdivol_mgy", "7.4").audit(dir);
        Finding f = findings(r, "PEDIATRIC_ADULT_PROTOCOL").get(0);
        assertEquals(21.0, f.referenceValue());
        assertEquals("local policy: --pediatric-age 21 on the command line", f.referenceSource());
    }

    @Test
    void adultProtocolAtThePediatricLimitIsNotAChild() {
        AuditResult r = new AuditFixture().row("age_years", "18", "protocol_name", ADULT_CHEST).audit(dir);
        assertEquals(List.of(), findings(r, "PEDIATRIC_ADULT_PROTOCOL"));
    }

    @Test
    void pediatricLimitIsSetPerRun() {
        AuditResult r = new AuditFixture().pediatricAge(21).row("age_years", "20", "protocol_name", ADULT_CHEST).audit(dir);
        assertEquals(1, findings(r, "PEDIATRIC_ADULT_PROTOCOL").size());
    }

    @Test
    void adultProtocolAboveTheNotificationValueForTheChildIsCritical() {
        // 8 y chest on 32 cm: the AAPM pediatric torso value is 10 mGy (32 cm phantom); 10.01 is just above it.
        AuditResult above = new AuditFixture().row("protocol_name", ADULT_CHEST, "ctdivol_mgy", "10.01").audit(dir);
        Finding f = findings(above, "PEDIATRIC_ADULT_PROTOCOL").get(0);
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals(10.01, f.measuredValue());
        assertEquals(10.0, f.referenceValue());
        assertTrue(f.referenceSource().contains("AAPM"), f.referenceSource());
        assertTrue(f.message().contains("exceeds the notification value 10 mGy (32 cm phantom)"), f.message());

        AuditResult at = new AuditFixture().row("protocol_name", ADULT_CHEST, "ctdivol_mgy", "10").audit(dir);
        assertEquals(Severity.MAJOR, findings(at, "PEDIATRIC_ADULT_PROTOCOL").get(0).severity());
    }

    /** ICRP 135: a DRL is compared with a facility's median, never with one exam. */
    @Test
    void anExamAboveThePediatricDrlButBelowTheNotificationValueIsNotCritical() {
        // 15-<18 y chest, US DRL 7.4 mGy (32 cm); the notification value from 10 y is the adult torso 50 mGy.
        AuditResult r = new AuditFixture().row("age_years", "16", "protocol_name", ADULT_CHEST, "ctdivol_mgy", "7.41").audit(dir);
        assertEquals(Severity.MAJOR, findings(r, "PEDIATRIC_ADULT_PROTOCOL").get(0).severity());
    }

    /** A 16 cm value far above the child's level used to be skipped because the DRL is on 32 cm. */
    @Test
    void aSixteenCentimetreValueIsComparedAfterConversionWithTheStatedRatio() {
        // 16 y chest logged on 16 cm: 100.02 / 2.0 = 50.01 mGy on 32 cm, above the adult torso 50 mGy (32 cm).
        AuditResult above = new AuditFixture().row("age_years", "16", "protocol_name", ADULT_CHEST, "ctdivol_mgy", "100.02",
                "phantom", "16").audit(dir);
        Finding f = findings(above, "PEDIATRIC_ADULT_PROTOCOL").get(0);
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals(50.01, f.measuredValue(), 1e-9);
        assertTrue(f.message().contains("CTDIvol 100.02 mGy (16 cm phantom) = 50.01 mGy on the 32 cm phantom (/ 2, AAPM Report 204 ratio)"),
                f.message());

        AuditResult at = new AuditFixture().row("age_years", "16", "protocol_name", ADULT_CHEST, "ctdivol_mgy", "100",
                "phantom", "16").audit(dir);
        assertEquals(Severity.MAJOR, findings(at, "PEDIATRIC_ADULT_PROTOCOL").get(0).severity());
    }

    @Test
    void onTheEighteenthBirthdayThePatientIsAnAdultAndTheDayBeforeAChildOf17Point9() {
        AuditResult birthday = new AuditFixture().row("age_years", "", "birth_date", "2008-10-10",
                "study_datetime", "2026-10-10T10:00:00", "protocol_name", ADULT_CHEST).audit(dir);
        assertEquals(List.of(), findings(birthday, "PEDIATRIC_ADULT_PROTOCOL"));

        AuditResult dayBefore = new AuditFixture().row("age_years", "", "birth_date", "2008-10-10",
                "study_datetime", "2026-10-09T23:00:00", "protocol_name", ADULT_CHEST).audit(dir);
        Finding f = findings(dayBefore, "PEDIATRIC_ADULT_PROTOCOL").get(0);
        assertTrue(f.message().contains("on a child aged 17.9 y"), f.message());
        assertTrue(!f.message().contains("18.0"), f.message());
    }

    @Test
    void aLeapDayChildTurnsEighteenOnTheFirstOfMarch() {
        AuditFixture feb28 = new AuditFixture().period(org.alaraaudit.audit.AuditPeriod.month(java.time.YearMonth.of(2026, 2)))
                .row("age_years", "", "birth_date", "2008-02-29", "study_datetime", "2026-02-28T10:00:00", "protocol_name", ADULT_CHEST);
        assertEquals(1, findings(feb28.audit(dir), "PEDIATRIC_ADULT_PROTOCOL").size());
        AuditFixture mar1 = new AuditFixture().period(org.alaraaudit.audit.AuditPeriod.month(java.time.YearMonth.of(2026, 3)))
                .row("age_years", "", "birth_date", "2008-02-29", "study_datetime", "2026-03-01T10:00:00", "protocol_name", ADULT_CHEST);
        assertEquals(List.of(), findings(mar1.audit(dir), "PEDIATRIC_ADULT_PROTOCOL"));
    }

    @Test
    void aProtocolBandThatStartsOnABirthdayHoldsOnThatDay() {
        // PED CHEST 5-10Y is for ages 5 to under 10: on the 10th birthday the child is outside it, the day before inside.
        AuditResult birthday = new AuditFixture().row("age_years", "", "birth_date", "2016-10-10",
                "study_datetime", "2026-10-10T10:00:00").audit(dir);
        assertEquals(1, findings(birthday, "PEDIATRIC_PROTOCOL_SIZE_MISMATCH").size());
        AuditResult dayBefore = new AuditFixture().row("age_years", "", "birth_date", "2016-10-10",
                "study_datetime", "2026-10-09T10:00:00").audit(dir);
        assertEquals(List.of(), findings(dayBefore, "PEDIATRIC_PROTOCOL_SIZE_MISMATCH"));
        AuditResult fifth = new AuditFixture().row("age_years", "", "birth_date", "2021-10-10",
                "study_datetime", "2026-10-10T10:00:00").audit(dir);
        assertEquals(List.of(), findings(fifth, "PEDIATRIC_PROTOCOL_SIZE_MISMATCH"), "the 5th birthday is inside 5-<10");
    }

    @Test
    void oneFindingPerStudyAndNoneForLocalizers() {
        AuditResult r = new AuditFixture()
                .row("protocol_name", ADULT_CHEST, "acquisition_type", "CONSTANT_ANGLE", "ctdivol_mgy", "0.1")
                .row("protocol_name", ADULT_CHEST, "event_uid", "e2")
                .row("protocol_name", ADULT_CHEST, "event_uid", "e3")
                .row("accession_number", "ACC2", "protocol_name", ADULT_CHEST, "acquisition_type", "CONSTANT_ANGLE")
                .audit(dir);
        List<Finding> f = findings(r, "PEDIATRIC_ADULT_PROTOCOL");
        assertEquals(1, f.size());
        assertEquals("ACC1", f.get(0).accessionNumber());
        assertEquals(0.5, r.figures().pediatricProtocolCompliance(), 1e-9);
    }

    @Test
    void genericCatalogRowsClassifyUnknownSitesProtocolNames() {
        AuditResult r = new AuditFixture()
                .row("accession_number", "A1", "protocol_name", "Thorax ADLT 1.0")
                .row("accession_number", "A2", "protocol_name", "Kids Thorax")
                .audit(dir);
        assertEquals(List.of("A1"), findings(r, "PEDIATRIC_ADULT_PROTOCOL").stream().map(Finding::accessionNumber).toList());
        assertEquals(List.of(), findings(r, "UNMAPPED_PROTOCOL"));
    }

    @Test
    void pediatricProtocolJustOutsideItsAgeRangeIsASizeMismatch() {
        // PED CHEST 5-10Y is for 5 <= age < 10.
        AuditResult r = new AuditFixture()
                .row("patient_id", "M1", "accession_number", "A1", "age_years", "4.99")
                .row("patient_id", "M2", "accession_number", "A2", "age_years", "5")
                .row("patient_id", "M3", "accession_number", "A3", "age_years", "9.99")
                .row("patient_id", "M4", "accession_number", "A4", "age_years", "10")
                .audit(dir);
        List<Finding> f = findings(r, "PEDIATRIC_PROTOCOL_SIZE_MISMATCH");
        assertEquals(List.of("A1", "A4"), f.stream().map(Finding::accessionNumber).sorted().toList());
        assertTrue(f.stream().allMatch(x -> x.severity() == Severity.MINOR));
        Finding a1 = f.stream().filter(x -> x.accessionNumber().equals("A1")).findFirst().orElseThrow();
        assertEquals(5.0, a1.referenceValue());
    }

    @Test
    void unmappedProtocolIsOneFindingPerStationAndProtocolWithTheStudyCount() {
        AuditResult r = new AuditFixture()
                .row("patient_id", "M1", "accession_number", "A1", "protocol_name", "SINUS LOW DOSE")
                .row("patient_id", "M1", "accession_number", "A1", "protocol_name", "SINUS LOW DOSE", "event_uid", "x")
                .row("patient_id", "M2", "accession_number", "A2", "protocol_name", "SINUS LOW DOSE")
                .row("patient_id", "M3", "accession_number", "A3", "protocol_name", "SINUS LOW DOSE", "station_name", "CT2")
                .row("patient_id", "M4", "accession_number", "A4", "protocol_name", "SINUS LOW DOSE", "age_years", "40")
                .audit(dir);
        List<Finding> f = findings(r, "UNMAPPED_PROTOCOL");
        assertEquals(2, f.size());
        Finding ct1 = f.stream().filter(x -> x.stationName().equals("CT1")).findFirst().orElseThrow();
        assertEquals(2.0, ct1.measuredValue(), "two pediatric studies; the adult one is not counted");
        assertEquals(Severity.INFO, ct1.severity());
    }
}
