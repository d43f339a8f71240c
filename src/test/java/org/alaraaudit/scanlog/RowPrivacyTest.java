package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the validator lets through to the rest of the audit: no identifier or birth date in a rejection, a
 * warning or free text; no identifier that only looks present; no text the history store cannot hold.
 */
class RowPrivacyTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "birth_date \"{0}\" is rejected with its value withheld")
    @ValueSource(strings = {"2016-02-30", "11/03/2016", "20160311"})
    void aMalformedBirthDateIsRejectedWithoutItsValue(String birth) {
        AuditResult r = new AuditFixture().row("age_years", "", "birth_date", birth).audit(dir);
        Rejection x = r.rejected().get(0);
        assertEquals("birth_date", x.column());
        assertEquals(Rejection.VALUE_WITHHELD, x.value());
        assertFalse(x.message().contains(birth), x.message());
        assertTrue(x.message().contains("value withheld: may identify a patient"), x.message());
    }

    @Test
    void aValueThatIsTheRowsOwnBirthDateInAnotherLayoutIsWithheld() {
        AuditResult r = new AuditFixture().row("birth_date", "2016-03-11", "age_years", "",
                "study_datetime", "11/03/2016").audit(dir);
        assertEquals("study_datetime", r.rejected().get(0).column());
        assertEquals(Rejection.VALUE_WITHHELD, r.rejected().get(0).value());
    }

    @Test
    void aDateOfBirthTypedAsAnAgeIsWithheldButAnImpossibleAgeIsShown() {
        AuditResult dob = new AuditFixture().row("age_years", "14.03.2020").audit(dir);
        assertEquals("age_years", dob.rejected().get(0).column());
        assertEquals(Rejection.VALUE_WITHHELD, dob.rejected().get(0).value());
        AuditResult old = new AuditFixture().row("age_years", "131").audit(dir);
        assertEquals("131", old.rejected().get(0).value(), "an age tells nothing about who the patient is");
    }

    /**
     * The hostile file: patient_id after modality, and a row that lacks its modality cell, so the id moves left; a
     * separator at its end gives it the header's count (a row short of cells is rejected for that before any cell).
     */
    @Test
    void aPatientIdThatAShortRowShiftedIntoACheckedColumnIsWithheld() throws Exception {
        Path log = dir.resolve("short-row.csv");
        Files.writeString(log, String.join("\n",
                "facility,station_name,accession_number,study_datetime,modality,patient_id,age_years,protocol_name,kvp",
                "General,CT1,A1,2026-10-10T10:00:00,CT,RCH-SHIFT-42,8,PED CHEST 5-10Y,100",
                "General,CT1,A1,2026-10-10T10:05:00,RCH-SHIFT-42,8,PED CHEST 5-10Y,100,",
                "General,CT1,A2,2026-10-11T10:00:00,SHIFTED,8,PED CHEST 5-10Y,100,", ""));
        AuditResult r = new AuditFixture().auditFiles(List.of(log));
        assertEquals(2, r.rows().rejected());
        Rejection shifted = r.rejected().get(0);
        assertEquals("modality", shifted.column());
        assertEquals(Rejection.VALUE_WITHHELD, shifted.value(), "another row names RCH-SHIFT-42 as its patient");
        assertEquals("SHIFTED", r.rejected().get(1).value(), "a value that is no patient's identifier is shown");
        assertTrue(r.rows().reconciles());
    }

    @Test
    void aValueRejectedTwiceThatIsNoPatientsIdentifierIsShownBothTimes() {
        AuditResult r = new AuditFixture().row("kvp", "300").row("kvp", "300", "accession_number", "A2")
                .row("kvp", "300", "accession_number", "A3").audit(dir);
        assertEquals(List.of("300", "300", "300"), r.rejected().stream().map(Rejection::value).toList());
    }

    /** DICOM's placeholder birth date "0" writes no date: the study's key (here a Study Instance UID) stays readable. */
    @Test
    void aPlaceholderBirthDateWithholdsItselfButNoStudyKeyThatHoldsItsDigit() {
        String uid = "1.3.6.1.4.1.5962.99.1.3978416086.606123744.1563051577302.3.0";
        AuditResult r = new AuditFixture().row("birth_date", "0", "age_years", "", "accession_number", uid).audit(dir);
        Rejection x = r.rejected().get(0);
        assertEquals("birth_date", x.column());
        assertEquals(Rejection.VALUE_WITHHELD, x.value());
        assertEquals(uid, x.accessionNumber());
        // A birth date that writes a date still withholds a key that holds it.
        AuditResult dated = new AuditFixture().row("birth_date", "2016-03-11", "age_years", "8", "kvp", "300",
                "accession_number", "ACC-20160311").audit(dir);
        assertEquals(Rejection.VALUE_WITHHELD, dated.rejected().get(0).accessionNumber());
    }

    @Test
    void aWarningValueThatIsTheRowsIdentifierIsWithheld() {
        AuditResult r = new AuditFixture().row("patient_id", "250", "age_years", "2", "weight_kg", "250").audit(dir);
        assertEquals(1, r.warnings().size());
        assertEquals(Rejection.VALUE_WITHHELD, r.warnings().get(0).value());
    }

    @ParameterizedTest(name = "patient_id \"{0}\" is empty")
    @ValueSource(strings = {"\u00a0", "\u200b", "\ufeff", "\u2007\u202f", "\u3000", "\u2060\u00a0\u200d", "\u3164"})
    void anIdentifierOfOnlyInvisibleCharactersIsEmpty(String blank) {
        AuditResult r = new AuditFixture().row("patient_id", blank).row("accession_number", blank, "patient_id", "MRN2")
                .audit(dir);
        assertEquals(2, r.rows().rejected());
        assertEquals("patient_id", r.rejected().get(0).column());
        assertEquals("is required but empty", r.rejected().get(0).reason());
        assertEquals("accession_number", r.rejected().get(1).column());
        assertEquals("is required but empty", r.rejected().get(1).reason());
        assertTrue(r.rows().reconciles());
    }

    /** The hostile file: the OpenREM export with one Patient ID of a no-break and a zero-width space. */
    @Test
    void anInvisibleIdentifierInAnExportThatMayLackOneIsTheStudyAsItsOwnPatient() throws Exception {
        Path f = dir.resolve("openrem-invisible-id.csv");
        Files.writeString(f, Files.readString(OpenRemTestFiles.file(OpenRemExportWriter.CSV))
                .replace(",RCH0012345,", ",\u00a0\u200b,"));
        AuditResult r = new AuditFixture().auditFiles(List.of(f));
        assertEquals(0, r.rows().rejected());
        assertEquals(2, r.warnings().stream().filter(w -> "patient_id".equals(w.column())).count(),
                "taken as its own patient, as an empty cell is, and said so once per event row");
    }

    @Test
    void theRowsOwnIdentifierAndBirthDateAreMaskedInEveryFreeTextColumn() {
        AuditResult r = new AuditFixture().row("patient_id", "RCH7788", "birth_date", "2016-03-11", "age_years", "",
                "indication", "appendicitis? pt RCH7788 dob 11/03/2016", "study_description", "CT ABD rch7788 20160311",
                "protocol_name", "PED ABD 5-10Y RCH7788", "target_region", "ABDOMEN_PELVIS").audit(dir);
        assertEquals(1, r.rows().audited());
        List<Finding> nonionizing = AuditFixture.findings(r, "NONIONIZING_ALTERNATIVE");
        assertEquals(1, nonionizing.size());
        for (Finding f : r.findings()) {
            String all = f.toString();
            for (String secret : List.of("RCH7788", "rch7788", "2016-03-11", "11/03/2016", "20160311")) {
                assertFalse(all.contains(secret), "leaked " + secret + " in " + all);
            }
        }
        assertTrue(r.findings().stream().anyMatch(f -> f.toString().contains("PED ABD 5-10Y [patient id]")),
                "the protocol is kept with the identifier masked");
    }

    @Test
    void noFreeTextColumnLeavesTheValidatorWithTheRowsIdentifierOrBirthDate() {
        java.util.Map<CanonicalColumn, String> cells = new java.util.EnumMap<>(CanonicalColumn.class);
        AuditFixture.baseRow().forEach((k, v) -> cells.put(CanonicalColumn.forHeader(k).orElseThrow(), v));
        cells.put(CanonicalColumn.PATIENT_ID, "RCH7788");
        cells.put(CanonicalColumn.BIRTH_DATE, "2016-03-11");
        cells.remove(CanonicalColumn.AGE_YEARS);
        cells.put(CanonicalColumn.INDICATION, "pt RCH7788 dob 11.03.2016");
        cells.put(CanonicalColumn.STUDY_DESCRIPTION, "CT ABD RCH7788");
        cells.put(CanonicalColumn.PROTOCOL_NAME, "PED ABD 20160311");
        cells.put(CanonicalColumn.MANUFACTURER, "RCH7788");
        cells.put(CanonicalColumn.MODEL, "03/11/2016");
        RawRow raw = new RawRow(new org.alaraaudit.model.SourceLine("f.csv", 2), cells,
                java.util.Map.of(DoseCheck.REASON, "override for RCH7788"), false);
        RowValidator v = new RowValidator(new Pseudonymiser(AuditFixture.SECRET), java.time.LocalDateTime.of(2026, 11, 2, 7, 0),
                1000, w -> { });
        ScanRow row = v.validate(raw).row();
        assertEquals("pt [patient id] dob [birth date]", row.study().indication());
        assertEquals("CT ABD [patient id]", row.study().studyDescription());
        assertEquals("PED ABD [birth date]", row.acquisition().protocolName());
        assertEquals("[patient id]", row.study().manufacturer());
        assertEquals("[birth date]", row.study().model());
        assertEquals("override for [patient id]", row.doseCheck().reason());
    }

    @Test
    void nonionizingAlternativeQuotesTheMatchedWordsNotTheWholeIndication() {
        AuditResult r = new AuditFixture().row("indication", "Suspected APPENDICITIS; mother says twin brother had the same",
                "protocol_name", "PED ABD 5-10Y", "target_region", "ABDOMEN_PELVIS").audit(dir);
        Finding f = AuditFixture.findings(r, "NONIONIZING_ALTERNATIVE").get(0);
        assertTrue(f.message().startsWith("indication 'APPENDICITIS': "), f.message());
        assertFalse(f.message().contains("twin"), f.message());
    }

    @ParameterizedTest(name = "{0} of {1} characters is rejected, of {2} audited")
    @org.junit.jupiter.params.provider.CsvSource({"accession_number,101,100", "station_name,501,500",
            "facility,501,500", "protocol_name,301,300"})
    void aValueLongerThanTheHistoryStoreHoldsIsRejectedWithTheLimit(String column, int tooLong, int longest) {
        AuditResult r = new AuditFixture().row(column, "X".repeat(tooLong)).row(column, "Y".repeat(longest),
                "accession_number", column.equals("accession_number") ? "Y".repeat(longest) : "A2").audit(dir);
        assertEquals(1, r.rows().rejected());
        assertEquals(1, r.rows().audited());
        Rejection x = r.rejected().get(0);
        assertEquals(column, x.column());
        assertEquals("is " + tooLong + " characters long; the history store holds at most " + longest, x.reason());
        assertEquals(null, x.value(), "the reason says what is wrong; a page of text helps no one");
    }
}
