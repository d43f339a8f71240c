package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rejection reason of the scan-log format, each just inside and just outside its limit. */
class RowValidationTest {
    @TempDir
    Path dir;

    private AuditResult one(String column, String value) {
        return new AuditFixture().row(column, value == null ? "" : value).audit(dir);
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is rejected: {2}")
    @CsvSource(delimiter = '|', value = {
            "ctdivol_mgy|12,5O|is not a number",
            "ctdivol_mgy|-0.1|is negative",
            "ctdivol_mgy|10000.01|not a possible CTDIvol",
            "dlp_mgycm|-1|is negative",
            "age_years|-0.01|not a possible age",
            "age_years|130.01|not a possible age",
            "weight_kg|400.5|not a possible weight",
            "weight_kg|0|not a possible weight",
            "kvp|39.9|outside 40-150 kVp",
            "kvp|150.1|outside 40-150 kVp",
            "study_datetime|2026-11-02T07:00:01|after the time of this run",
            "study_datetime|02/10/2026 10:00|not a date-time",
            "modality|MR|is not one of",
            "sex|X|is not one of M, F, O, U",
            "acquisition_type|Helical-ish|is not an acquisition type",
            "target_region|Thumb|is not a target region",
            "phantom|24|is not a CTDI phantom",
            "accession_number||is required but empty",
            "facility||is required but empty",
            "protocol_name||is required for CT"})
    void impossibleOrMissingValueIsRejectedWithLineColumnAndValue(String column, String value, String reason) {
        AuditResult r = one(column, value);
        assertEquals(1, r.rows().rejected(), "rejected");
        Rejection rej = r.rejected().get(0);
        assertEquals(2, rej.line());
        assertEquals("scan-log.csv", rej.file());
        assertEquals(column, rej.column());
        if (value != null) assertEquals(value, rej.value());
        assertTrue(rej.reason().contains(reason), rej.reason());
        assertTrue(r.rows().reconciles());
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is audited")
    @CsvSource(delimiter = '|', value = {
            "ctdivol_mgy|10000", "age_years|0", "age_years|130", "weight_kg|400", "kvp|40", "kvp|150",
            "study_datetime|2026-11-02T07:00:00", "study_datetime|2026-10-10 10:00", "acquisition_type|Spiral Acquisition",
            "target_region|Chest, Abdomen and Pelvis", "phantom|IEC Body Dosimetry Phantom", "phantom|HEAD", "sex|u"})
    void valueAtTheLimitIsAudited(String column, String value) {
        AuditResult r = one(column, value);
        assertEquals(List.of(), r.rejected());
        assertEquals(1, r.rows().audited());
    }

    @Test
    void birthDateGivesTheAgeAndAgeYearsWinsWhenTheyDisagree() {
        AuditResult fromBirth = new AuditFixture().row("age_years", "", "birth_date", "2016-10-10").audit(dir);
        assertEquals(1, fromBirth.rows().audited());
        AuditResult disagree = new AuditFixture().row("age_years", "12", "birth_date", "2016-10-10").audit(dir);
        assertEquals(1, disagree.warnings().size());
        assertTrue(disagree.warnings().get(0).reason().contains("age_years is used"));
        AuditResult noAge = new AuditFixture().row("age_years", "", "birth_date", "").audit(dir);
        assertEquals("age_years", noAge.rejected().get(0).column());
    }

    /** An adult chest protocol on 15 Oct 2026, of a patient born on {@code birth} with {@code age} in the export. */
    private List<org.alaraaudit.model.Finding> adultProtocol(String age, String birth) {
        AuditResult r = new AuditFixture().row("age_years", age, "birth_date", birth, "study_datetime", "2026-10-15T10:00:00",
                "protocol_name", "CHEST ROUTINE").audit(dir);
        return AuditFixture.findings(r, "PEDIATRIC_ADULT_PROTOCOL");
    }

    @Test
    void anAgeYearsWithinATenthOfTheBirthDateGivesWayToTheBirthDatesCalendarAgeOnEitherSideOfThe18thBirthday() {
        // The day before the 18th birthday the birth date says 17.997 y: a rounded 18.0 must not make an adult of the child.
        assertEquals(1, adultProtocol("18.0", "2008-10-16").size(), "a child the day before the 18th birthday");
        // On the birthday the birth date says exactly 18: a rounded 17.95 must not keep the adult a child.
        assertEquals(0, adultProtocol("17.95", "2008-10-15").size(), "an adult on the 18th birthday");
        // 0.1 y apart is still agreement; 0.11 y apart is not, and age_years is used, with a data warning.
        assertEquals(0, adultProtocol("17.9", "2008-10-15").size(), "exactly a tenth apart: the birth date");
        assertEquals(1, adultProtocol("17.89", "2008-10-15").size(), "more than a tenth apart: age_years");
    }

    @Test
    void birthDateAfterTheStudyIsRejectedWithoutEchoingTheDate() {
        AuditResult r = new AuditFixture().row("age_years", "", "birth_date", "2026-10-11").audit(dir);
        assertEquals("birth_date", r.rejected().get(0).column());
        assertEquals(Rejection.VALUE_WITHHELD, r.rejected().get(0).value(), "birth dates never appear in outputs");
    }

    @Test
    void unusualButPossibleValuesAreAuditedAsDataWarnings() {
        AuditResult r = new AuditFixture()
                .row("accession_number", "A1", "ctdivol_mgy", "1000.5", "target_region", "HEAD", "phantom", "16")
                .row("accession_number", "A2", "age_years", "0.5", "weight_kg", "60", "patient_id", "MRN2")
                .audit(dir);
        assertEquals(2, r.rows().audited());
        assertEquals(2, r.warnings().size());
    }

    @Test
    void duplicatesByEventUidAndByIdenticalRowAreCountedNotAudited() {
        AuditResult r = new AuditFixture()
                .row("accession_number", "A1", "event_uid", "1.2.3")
                .row("accession_number", "A1", "event_uid", "1.2.3", "ctdivol_mgy", "2.5")
                .row("accession_number", "A2")
                .row("accession_number", "A2")
                .row("accession_number", "A3")
                .audit(dir);
        assertEquals(5, r.rows().read());
        assertEquals(3, r.rows().audited());
        assertEquals(2, r.rows().duplicate());
        assertTrue(r.rows().reconciles());
    }

    @Test
    void qualityControlAndPhantomScansAreExcluded() {
        AuditResult r = new AuditFixture()
                .row("accession_number", "A1", "study_description", "QA daily water phantom check")
                .row("accession_number", "A2", "study_description", "QC weekly")
                .row("accession_number", "A3", "patient_id", "CATPHAN PHANTOM 1", "age_years", "")
                .row("accession_number", "A4", "study_description", "Chest for cough")
                .audit(dir);
        assertEquals(3, r.rows().excluded());
        assertEquals(1, r.rows().audited());
        assertTrue(r.findings().stream().noneMatch(f -> f.accessionNumber() != null && List.of("A1", "A2", "A3").contains(f.accessionNumber())));
    }

    @Test
    void everyRowIsAccountedForExactlyOnce() {
        AuditResult r = new AuditFixture()
                .row("accession_number", "A1")
                .row("accession_number", "A1")
                .row("accession_number", "A2", "kvp", "300")
                .row("accession_number", "A3", "study_description", "QA check")
                .row("accession_number", "A4", "patient_id", "MRN9")
                .audit(dir);
        assertEquals(5, r.rows().read());
        assertEquals(2, r.rows().audited());
        assertEquals(1, r.rows().rejected());
        assertEquals(1, r.rows().duplicate());
        assertEquals(1, r.rows().excluded());
    }

    @Test
    void semicolonExportWithDecimalCommasAuditsLikeItsCommaTwin() throws Exception {
        AuditFixture fx = new AuditFixture().row("ctdivol_mgy", "12.5", "age_years", "8.5");
        Path comma = fx.write(dir, "comma.csv");
        String semicolon = fx.csv().replace(',', ';').replace("12.5", "12,5").replace("8.5", "8,5");
        Path semi = dir.resolve("semi.csv");
        java.nio.file.Files.writeString(semi, semicolon);
        AuditResult a = fx.auditFiles(List.of(comma));
        AuditResult b = fx.auditFiles(List.of(semi));
        assertEquals(1, b.rows().audited());
        assertEquals(a.findings().stream().map(f -> f.findingId() + f.measuredValue()).toList(),
                b.findings().stream().map(f -> f.findingId() + f.measuredValue()).toList());
    }
}
