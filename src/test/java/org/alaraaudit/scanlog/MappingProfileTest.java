package org.alaraaudit.scanlog;

import static org.alaraaudit.scanlog.CanonicalColumn.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The profile file format: what a safety officer writes for another vendor's export, and what it does. */
class MappingProfileTest {
    @TempDir
    Path dir;

    /** A radiography/CT dose system that exports one row per event under its own names and units. */
    private static final String VENDOR = """
            # DoseWatch-like export, one row per event
            name = vendor-x
            title = Vendor X dose export
            patient_id = MRN | Patient ID
            age_years = Age (months)
            age_years.unit = months
            sex = Gender
            sex.code.Male = M
            sex.code.Female = F
            weight_kg = Weight (lb)
            weight_kg.unit = lb
            height_cm = Height (m)
            height_cm.unit = m
            facility.value = North Clinic
            station_name = Room
            accession_number = Exam ID
            study_datetime = Exam date
            study_datetime.format = dd/MM/yyyy HH:mm
            modality = Modality
            protocol_name = Protocol
            kvp = kV
            kvp.unit = kV
            dap_gycm2 = DAP
            dap_gycm2.unit = Gy·m²
            ctdivol_mgy = CTDIvol
            dlp_mgycm = DLP
            """;

    private List<RawRow> read(String profile, String csv) throws Exception {
        Path p = dir.resolve("vendor.profile");
        Files.writeString(p, profile, StandardCharsets.UTF_8);
        Path f = dir.resolve("export.csv");
        Files.writeString(f, csv, StandardCharsets.UTF_8);
        return OpenRemTestFiles.rows(f, new ScanLogOptions(p.toString(), null));
    }

    @Test
    void aVendorsNamesUnitsAndCodesBecomeCanonical() throws Exception {
        List<RawRow> rows = read(VENDOR, "MRN,Age (months),Gender,Weight (lb),Height (m),Room,Exam ID,Exam date,Modality,Protocol,kV,DAP,CTDIvol,DLP,Note\n"
                + "M77,30,Female,33.5,0.92,DX2,E1,05/10/2026 14:30,DX,CHEST PA,70,0.00012,,,first\n");
        RawRow r = rows.get(0);
        assertEquals("M77", r.get(PATIENT_ID));
        assertEquals("2.5", r.get(AGE_YEARS), "30 months");
        assertEquals("F", r.get(SEX));
        assertEquals("15.195344395", r.get(WEIGHT_KG), "33.5 lb, exactly");
        assertEquals("92", r.get(HEIGHT_CM));
        assertEquals("North Clinic", r.get(FACILITY), "a fixed value for a column the export lacks");
        assertEquals("2026-10-05T14:30:00", r.get(STUDY_DATETIME));
        assertEquals("70", r.get(KVP));
        assertEquals("1.2", r.get(DAP_GYCM2), "0.00012 Gy·m² = 1.2 Gy·cm²");
        assertEquals("first", r.extras().get("note"));
    }

    @ParameterizedTest(name = "DAP {0} {1} = {2} Gy·cm²")
    @CsvSource({"Gy·m², 0.00012, 1.2", "Gy.m2, 0.00012, 1.2", "cGy·cm², 120, 1.2", "cGy.cm2, 120, 1.2",
            "mGy·cm², 1200, 1.2", "mGy.cm2, 1200, 1.2", "µGy·m², 120, 1.2", "dGy·cm², 12, 1.2", "Gy·cm², 1.2, 1.2"})
    void doseAreaProductUnits(String unit, String value, String expected) {
        ValueKind.Unit u = ValueKind.GRAY_SQUARE_CENTIMETRES.unit(unit);
        assertEquals(expected, CellText.plain(u.convert(new java.math.BigDecimal(value))));
    }

    @ParameterizedTest(name = "{0} {1} {2} = {3}")
    @CsvSource({"height_cm, m, 1.18, 118", "height_cm, cm, 118, 118", "height_cm, mm, 1180, 118",
            "kvp, kV, 120, 120", "kvp, kVp, 120, 120", "mas, As, 0.25, 250", "dlp_mgycm, Gy·cm, 0.3, 300",
            "scan_length_mm, cm, 21.2, 212", "fluoro_time_s, min, 1.5, 90", "age_years, days, 365.2425, 1",
            "weight_kg, g, 3450, 3.45"})
    void unitsOfOtherColumns(String column, String unit, String value, String expected) {
        ValueKind kind = ValueKind.of(CanonicalColumn.forHeader(column).orElseThrow());
        assertEquals(expected, CellText.plain(kind.unit(unit).convert(new java.math.BigDecimal(value))));
    }

    @Test
    void alternativesTakeTheFirstNonBlankColumn() throws Exception {
        List<RawRow> rows = read(VENDOR, "Patient ID,MRN,Age (months),Room,Exam ID,Exam date,Modality\n"
                + "P1,,30,DX2,E1,05/10/2026 14:30,DX\n");
        assertEquals("P1", rows.get(0).get(PATIENT_ID));
    }

    @Test
    void aValueThatDoesNotConvertIsPassedOnForTheValidatorToReject() throws Exception {
        List<RawRow> rows = read(VENDOR, "MRN,Age (months),Room,Exam ID,Exam date,Modality,DAP\n"
                + "M1,30,DX2,E1,5th October,DX,0,0001\n".replace("0,0001", "\"0,00O1\""));
        assertEquals("0,00O1", rows.get(0).get(DAP_GYCM2));
        assertEquals("5th October", rows.get(0).get(STUDY_DATETIME));
    }

    @Test
    void numberedEventBlocksOfAnyVendor() throws Exception {
        String profile = """
                name = blocks
                patient_id = PID
                age_years = Age
                facility = Site
                station_name = Scanner
                accession_number = Acc
                study_datetime = Date
                modality.value = CT
                protocol_name = Series{n} Name
                ctdivol_mgy = Series{n} CTDI
                dlp_mgycm = Series{n} DLP (cGy.cm)
                dlp_mgycm.unit = Gy·cm
                kvp = Series{n} kV A | Series{n} kV B
                kvp.combine = highest
                """;
        List<RawRow> rows = read(profile.replace("Gy·cm", "mGy.cm").replace(" (cGy.cm)", ""),
                "PID,Age,Site,Scanner,Acc,Date,Series1 Name,Series1 CTDI,Series1 DLP,Series1 kV A,Series1 kV B,Series2 Name,Series2 CTDI,Series2 DLP,Series2 kV A,Series2 kV B,Series2 Note\n"
                        + "P,7,S,CT1,A1,2026-10-01 10:00,SCOUT,,,120,,CHEST,2.1,40,80,100,late\n");
        assertEquals(2, rows.size());
        assertEquals("120", rows.get(0).get(KVP));
        assertNull(rows.get(0).get(CTDIVOL_MGY));
        assertEquals("100", rows.get(1).get(KVP));
        assertEquals("40", rows.get(1).get(DLP_MGYCM));
        assertEquals("late", rows.get(1).extras().get("note"));
        assertNull(rows.get(0).extras().get("note"), "an event's own column stays with its event");
    }

    @Test
    void semicolonExportsWithDecimalCommasConvertExactly() throws Exception {
        List<RawRow> rows = read(VENDOR, "MRN;Age (months);Height (m);Room;Exam ID;Exam date;Modality;DAP\n"
                + "M1;30;1,18;DX2;E1;05/10/2026 14:30;DX;0,00012\n");
        assertEquals("118", rows.get(0).get(HEIGHT_CM));
        assertEquals("1,2", rows.get(0).get(DAP_GYCM2));
        assertEquals(true, rows.get(0).decimalComma(),
                "converted numbers keep the file's decimal comma, so a value that did not convert meets the canonical rule");
    }

    private static ScanLogException parseError(String text) {
        return assertThrows(ScanLogException.class, () -> MappingProfile.parse(text, "my.profile", "my"));
    }

    @Test
    void mistakesInAProfileNameTheLineAndWhatToWrite() {
        String base = "patient_id = A\nage_years = B\nfacility = C\nstation_name = D\naccession_number = E\nstudy_datetime = F\nmodality = G\n";
        ScanLogException unknown = parseError(base + "ctdi = CTDIvol\n");
        assertTrue(unknown.getMessage().contains("my.profile line 8"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("\"ctdi\" is not a canonical column"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("ctdivol_mgy"), unknown.getMessage());

        ScanLogException unit = parseError(base + "dap_gycm2 = DAP\ndap_gycm2.unit = furlongs\n");
        assertTrue(unit.getMessage().contains("line 9") && unit.getMessage().contains("gym2"), unit.getMessage());

        assertTrue(parseError(base + "kvp = A | B\nkvp.combine = average\n").getMessage().contains("highest, sum or first"));
        assertTrue(parseError(base + "sex.unit = kg\nsex = S\n").getMessage().contains("not a number"));
        assertTrue(parseError(base + "kvp.colour = red\n").getMessage().contains("unknown setting"));
        assertTrue(parseError(base + "just some words\n").getMessage().contains("line 8"));
        assertTrue(parseError(base + "facility = X\n").getMessage().contains("given twice (also on line 3)"));
        assertTrue(parseError(base + "study_datetime.format = nonsense{\n").getMessage().contains("not a date pattern"));

        ScanLogException missing = parseError("patient_id = A\nage_years = B\n");
        assertTrue(missing.getMessage().contains("facility") && missing.getMessage().contains("accession_number"), missing.getMessage());
        ScanLogException noPatient = parseError(base.replace("patient_id = A\n", ""));
        assertTrue(noPatient.getMessage().contains("patient_id.missing = study"), noPatient.getMessage());
    }

    @Test
    void theShippedProfilesLoadAndAreInTheJarsResources() {
        assertEquals(List.of("canonical", "openrem-ct-csv", "openrem-ct-xlsx", "openrem-dx-csv", "openrem-dx-xlsx", "openrem-rf-csv"),
                ProfileCatalog.shippedNames());
        MappingProfile xlsx = ProfileCatalog.resolve("OpenREM-CT-XLSX");
        assertEquals("All data", xlsx.sheet());
        assertTrue(xlsx.patientPerStudy());
        assertTrue(!ProfileCatalog.resolve("canonical").patientPerStudy());
    }
}
