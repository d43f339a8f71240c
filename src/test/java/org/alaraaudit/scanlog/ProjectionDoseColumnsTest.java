package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.model.ProjectionDose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The radiography and fluoroscopy columns: read, validated at their limits, converted by profiles. */
class ProjectionDoseColumnsTest {
    @TempDir
    Path dir;

    private final List<DataWarning> warnings = new ArrayList<>();

    private static AuditFixture radiograph(String... keyValues) {
        return new AuditFixture().defaults("modality", "DX", "protocol_name", "CHEST PA", "acquisition_type", "",
                "target_region", "", "ctdivol_mgy", "", "phantom", "", "dlp_mgycm", "", "dap_gycm2", "0.05").row(keyValues);
    }

    private ScanLogInput input(Path f, ScanLogOptions options) {
        RowValidator v = new RowValidator(new Pseudonymiser(AuditFixture.SECRET), LocalDateTime.of(2026, 11, 2, 7, 0), 1000, warnings::add);
        return new ScanLogInput(List.of(f), v, new Exclusions(List.of()), new ArrayList<>(), options);
    }

    private ScanLogInput input(AuditFixture rows) throws Exception {
        Path f = dir.resolve("log.csv");
        Files.writeString(f, rows.csv(), StandardCharsets.UTF_8);
        RowValidator v = new RowValidator(new Pseudonymiser(AuditFixture.SECRET), LocalDateTime.of(2026, 11, 2, 7, 0), 1000, warnings::add);
        return new ScanLogInput(List.of(f), v, new Exclusions(List.of()), new ArrayList<>());
    }

    private ScanRow one(AuditFixture rows) throws Exception {
        ScanLogInput in = input(rows);
        List<ScanRow> out = AuditedRows.read(in);
        assertEquals(List.of(), in.rejections());
        return out.get(0);
    }

    private Rejection rejected(AuditFixture rows) throws Exception {
        ScanLogInput in = input(rows);
        in.read((r, o) -> { }, n -> { });
        assertEquals(1, in.rejections().size(), "one rejection");
        return in.rejections().get(0);
    }

    @Test
    void aRadiographCarriesItsBodyPartViewAndExposureIndexWithTheDeviationIndexComputedWhenNotExported() throws Exception {
        ProjectionDose p = one(radiograph("body_part", "chest", "view", " pa ", "exposure_index", "500",
                "target_exposure_index", "250")).projection();
        assertEquals("CHEST", p.bodyPart());
        assertEquals("PA", p.view());
        assertEquals(500.0, p.exposureIndex());
        assertNull(p.exportedDeviationIndex());
        assertEquals(3.0103, p.deviationIndex(), 1e-4, "10·log10(2)");
        assertTrue(p.deviationIndexComputed());
    }

    @Test
    void anExportedDeviationIndexWinsAndOneThatDisagreesWithEiIsAWarning() throws Exception {
        ProjectionDose agrees = one(radiograph("exposure_index", "500", "target_exposure_index", "250",
                "deviation_index", "3.0")).projection();
        assertEquals(3.0, agrees.deviationIndex());
        assertFalse(agrees.deviationIndexComputed());
        assertEquals(List.of(), warnings);

        ProjectionDose disagrees = one(radiograph("exposure_index", "500", "target_exposure_index", "250",
                "deviation_index", "-1.0")).projection();
        assertEquals(-1.0, disagrees.deviationIndex());
        assertEquals(1, warnings.size());
        assertEquals("deviation_index", warnings.get(0).column());
        assertTrue(warnings.get(0).reason().contains("the exported value is used"), warnings.get(0).reason());
    }

    @Test
    void aZeroExposureIndexGivesNoDeviationIndex() throws Exception {
        ProjectionDose p = one(radiograph("exposure_index", "0", "target_exposure_index", "250")).projection();
        assertNull(p.deviationIndex());
    }

    @Test
    void aFluoroscopyRowCarriesKarPeakSkinDoseAndPlane() throws Exception {
        ProjectionDose p = one(radiograph("modality", "RF", "ka_r_mgy", "5200", "peak_skin_dose_mgy", "3100",
                "plane", "Plane B", "fluoro_time_s", "1800")).projection();
        assertEquals(5200.0, p.kaRMgy());
        assertEquals(3100.0, p.peakSkinDoseMgy());
        assertEquals("B", p.plane());
    }

    @Test
    void aCtRowSharesTheEmptyPart() throws Exception {
        assertSame(ProjectionDose.NONE, one(new AuditFixture().row()).projection());
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is rejected: {2}")
    @CsvSource(delimiter = '|', value = {
            "exposure_index|-0.1|not a possible exposure index",
            "exposure_index|100000.1|not a possible exposure index",
            "exposure_index|4OO|is not a number",
            "target_exposure_index|100001|not a possible target exposure index",
            "deviation_index|30.1|not a possible deviation index",
            "deviation_index|-30.1|not a possible deviation index",
            "ka_r_mgy|-1|not a possible reference air kerma",
            "ka_r_mgy|100000.5|not a possible reference air kerma",
            "peak_skin_dose_mgy|100001|not a possible peak skin dose",
            "plane|C|is not a plane (A or B)"})
    void anImpossibleValueIsRejectedWithItsColumn(String column, String value, String reason) throws Exception {
        Rejection r = rejected(radiograph(column, value));
        assertEquals(column, r.column());
        assertEquals(value, r.value());
        assertTrue(r.reason().contains(reason), r.reason());
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is read")
    @CsvSource(delimiter = '|', value = {
            "exposure_index|0", "exposure_index|100000", "target_exposure_index|100000", "deviation_index|30",
            "deviation_index|-30", "ka_r_mgy|0", "ka_r_mgy|100000", "peak_skin_dose_mgy|100000", "plane|a",
            "plane|Single plane"})
    void aValueAtItsLimitIsRead(String column, String value) throws Exception {
        one(radiograph(column, value));
    }

    @Test
    void aProfileConvertsGrayAndTheDapUnitsOfFluoroscopyExports() throws Exception {
        Path profile = dir.resolve("fluoro.profile");
        Files.writeString(profile, """
                patient_id = MRN
                age_years = Age
                facility.value = General
                station_name = Room
                accession_number = Exam
                study_datetime = Date
                modality.value = RF
                dap_gycm2 = DAP
                dap_gycm2.unit = %s
                ka_r_mgy = Ka,r
                ka_r_mgy.unit = Gy
                peak_skin_dose_mgy = PSD
                peak_skin_dose_mgy.unit = %s
                fluoro_time_s = Time
                fluoro_time_s.unit = min
                body_part = Part
                plane = Plane
                """.formatted("µGy·m²", "Gy"), StandardCharsets.UTF_8);
        Path export = dir.resolve("fluoro.csv");
        Files.writeString(export, "MRN,Age,Room,Exam,Date,DAP,\"Ka,r\",PSD,Time,Part,Plane\n"
                + "M1,6,RF1,F1,2026-10-05T09:00,250,5.2,3.1,12.5,Abdomen,A\n", StandardCharsets.UTF_8);
        ScanLogInput in = input(export, new ScanLogOptions(profile.toString(), null));
        List<ScanRow> rows = AuditedRows.read(in);
        assertEquals(List.of(), in.rejections());
        ScanRow r = rows.get(0);
        assertEquals(2.5, r.measurements().dapGycm2(), 1e-12, "250 µGy·m² = 2.5 Gy·cm²");
        assertEquals(5200.0, r.projection().kaRMgy(), 1e-9);
        assertEquals(3100.0, r.projection().peakSkinDoseMgy(), 1e-9);
        assertEquals(750.0, r.measurements().fluoroTimeS(), 1e-9);
        assertEquals("ABDOMEN", r.projection().bodyPart());
        assertEquals("A", r.projection().plane());

        Files.writeString(profile, Files.readString(profile).replace("µGy·m²", "cGy·cm²").replace("peak_skin_dose_mgy.unit = Gy", "peak_skin_dose_mgy.unit = mGy"));
        in = input(export, new ScanLogOptions(profile.toString(), null));
        r = AuditedRows.read(in).get(0);
        assertEquals(2.5, r.measurements().dapGycm2(), 1e-12, "250 cGy·cm² = 2.5 Gy·cm², as 1 µGy·m² is 1 cGy·cm²");
        assertEquals(3.1, r.projection().peakSkinDoseMgy(), 1e-12);
    }
}
