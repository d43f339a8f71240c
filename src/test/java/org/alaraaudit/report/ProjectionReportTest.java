package org.alaraaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.ProjectionFigures;
import org.alaraaudit.report.excel.ExcelReport;
import org.alaraaudit.report.pdf.PdfReport;
import org.alaraaudit.report.pdf.ReportTemplate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The radiography and fluoroscopy figures: computed from the period, and shown in the PDF and the workbook. */
class ProjectionReportTest {
    @TempDir
    Path dir;

    private AuditResult result;

    @BeforeEach
    void audit() {
        AuditFixture f = new AuditFixture().defaults("modality", "DX", "station_name", "DX1", "protocol_name", "PED CHEST PA",
                "acquisition_type", "", "target_region", "", "ctdivol_mgy", "", "phantom", "", "dlp_mgycm", "",
                "body_part", "CHEST", "view", "PA");
        // Child A: one chest PA at DI +2 and its retake three minutes later; child B: one chest PA at DI -2.
        f.row("patient_id", "A", "accession_number", "X1", "event_datetime", "2026-10-10T10:00:00", "dap_gycm2", "0.04", "deviation_index", "2")
                .row("patient_id", "A", "accession_number", "X1", "event_datetime", "2026-10-10T10:03:00", "dap_gycm2", "0.06", "deviation_index", "0")
                .row("patient_id", "B", "accession_number", "X2", "dap_gycm2", "0.05", "deviation_index", "-2");
        // An adult fluoroscopy procedure past the substantial radiation dose level.
        f.row("patient_id", "C", "age_years", "60", "accession_number", "F1", "modality", "RF", "station_name", "RF1",
                "protocol_name", "CORONARY", "body_part", "", "view", "", "dap_gycm2", "150", "ka_r_mgy", "5400");
        result = f.audit(dir);
    }

    @Test
    void theFiguresGiveTypicalValuesDeviationIndexAndRetakeRates() {
        ProjectionFigures p = result.projection();
        ProjectionFigures.TypicalValue chest = p.typicalValues().stream().filter(v -> v.kind().equals("radiography")).findFirst().orElseThrow();
        assertEquals("CHEST PA", chest.exam());
        assertEquals("5-10 y", chest.band());
        assertEquals(3, chest.count());
        assertEquals(0.05, chest.medianDapGycm2(), 1e-12);
        assertFalse(chest.enoughForDrl(), "3 exposures are fewer than the minimum sample of 10");
        ProjectionFigures.TypicalValue fluoro = p.typicalValues().stream().filter(v -> v.kind().equals("fluoroscopy")).findFirst().orElseThrow();
        assertEquals("adult", fluoro.band());
        assertEquals(150.0, fluoro.medianDapGycm2());

        ProjectionFigures.DeviationSpread dx1 = p.deviationIndex().get(0);
        assertEquals(3, dx1.count());
        assertEquals(0.0, dx1.median());
        assertEquals(1, dx1.above());
        assertEquals(1, dx1.below());

        ProjectionFigures.RetakeRate rate = p.retakes().get(0);
        assertEquals("CHEST", rate.bodyPart());
        assertEquals(3, rate.exposures());
        assertEquals(1, rate.retakes(), "the same count as RADIOGRAPH_RETAKE");
        assertEquals(AuditFixture.findings(result, "RADIOGRAPH_RETAKE").size(), rate.retakes());
        assertTrue(rate.aboveTarget(), "1 of 3 is above 10 %");
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
    }

    @Test
    void thePdfHasTheXraySectionWithTheSkinFollowUpListOnlyWhereItMayListPatients() throws Exception {
        Path pdf = dir.resolve("audit.pdf");
        PdfReport.write(result, ReportTemplate.load("default"), null, pdf);
        String text = pdfText(pdf);
        assertTrue(text.contains("X-ray and fluoroscopy"), "section heading");
        assertTrue(text.contains("Patient follow-up. Substantial radiation dose level (skin follow-up): 1 procedure (threshold: Ka,r"
                + " 5000 mGy or peak skin dose 3000 mGy); follow-up: a skin check 2 to 4 weeks after each procedure (NCRP 168)."), text);
        assertTrue(text.contains("check the skin at 2 to 4 weeks"));
        String pseudonym = AuditFixture.findings(result, "FLUORO_SUBSTANTIAL_DOSE").get(0).patientRef();
        assertTrue(text.contains(pseudonym), "the default report lists the patient by pseudonym");

        Path accreditation = dir.resolve("accreditation.pdf");
        PdfReport.write(result, ReportTemplate.load("accreditation"), null, accreditation);
        String acc = pdfText(accreditation);
        assertTrue(acc.contains("Patient follow-up. Substantial radiation dose level (skin follow-up): 1 procedure"), acc);
        assertFalse(acc.contains(pseudonym), "no patient list in an accreditation report");
    }

    @Test
    void aLongAccessionNumberStaysOnOneLineInEveryTableItIsListedIn() throws Exception {
        // 16 characters, the most DICOM allows an accession number; "FLCGH3876575" over "4" was misread as two numbers
        String accession = "FLCGH38765754321";
        AuditResult r = new AuditFixture().defaults("modality", "RF", "station_name", "RF1", "protocol_name", "CORONARY",
                "acquisition_type", "", "target_region", "", "ctdivol_mgy", "", "phantom", "", "dlp_mgycm", "")
                .row("patient_id", "C", "age_years", "60", "accession_number", accession, "dap_gycm2", "150", "ka_r_mgy", "5408.2")
                .audit(dir);
        assertFalse(AuditFixture.findings(r, "FLUORO_SUBSTANTIAL_DOSE").isEmpty());
        Path pdf = dir.resolve("long-accession.pdf");
        PdfReport.write(r, ReportTemplate.load("default"), null, pdf);
        String text = pdfText(pdf);
        int at = text.indexOf("Patient follow-up.");
        assertTrue(at >= 0, text);
        assertTrue(text.indexOf(accession, at) > at, "unbroken in the skin follow-up list: " + text.substring(at));
        assertTrue(text.indexOf(accession) < at, "unbroken in the incidents list too: " + text);
    }

    @Test
    void theWorkbookHasTheFigureSheetsAndTheSkinFollowUpSheet() throws Exception {
        Path xlsx = dir.resolve("audit.xlsx");
        ExcelReport.write(result, xlsx);
        List<String> names = new ArrayList<>();
        try (Workbook wb = new XSSFWorkbook(xlsx.toFile())) {
            for (Sheet s : wb) names.add(s.getSheetName());
            Sheet skin = wb.getSheet("Skin follow-up");
            assertEquals(2, skin.getPhysicalNumberOfRows(), "header and the one procedure");
            assertTrue(skin.getRow(1).getCell(9).getStringCellValue().contains("2 to 4 weeks"));
        }
        assertTrue(names.containsAll(List.of("X-ray typical values", "Exposure index", "Retake rates", "Skin follow-up")), names.toString());
    }

    /**
     * The band of children from 15 to the pediatric limit is labelled as that band, in the PDF and the workbook: "15+ y"
     * read as if it held adults too. The limit is the run's, so --pediatric-age 21 makes it "15-<21 y".
     */
    @Test
    void aSixteenYearOldsRadiographIsInTheBandFromFifteenToThePediatricLimitInThePdfAndTheWorkbook() throws Exception {
        for (double limit : new double[]{18, 21}) {
            String band = limit == 18 ? "15-<18 y" : "15-<21 y";
            AuditFixture sixteen = new AuditFixture().pediatricAge(limit).defaults("modality", "DX", "station_name", "DX1",
                    "protocol_name", "PED CHEST PA", "acquisition_type", "", "target_region", "", "ctdivol_mgy", "", "phantom", "",
                    "dlp_mgycm", "", "body_part", "CHEST", "view", "PA", "age_years", "16")
                    .row("patient_id", "A", "accession_number", "X1", "dap_gycm2", "0.04");
            AuditResult r = sixteen.auditFiles(List.of(sixteen.write(dir, "scan-log-" + (int) limit + ".csv")));
            assertEquals(List.of(band), r.projection().typicalValues().stream().map(ProjectionFigures.TypicalValue::band).toList());
            Path pdf = dir.resolve("band-" + (int) limit + ".pdf");
            PdfReport.write(r, ReportTemplate.load("default"), null, pdf);
            String text = pdfText(pdf);
            assertTrue(text.contains("CHEST PA " + band), text);
            assertFalse(text.contains("15+ y"), text);
            Path xlsx = dir.resolve("band-" + (int) limit + ".xlsx");
            ExcelReport.write(r, xlsx);
            try (Workbook wb = new XSSFWorkbook(xlsx.toFile())) {
                Sheet typical = wb.getSheet("X-ray typical values");
                assertEquals("band", typical.getRow(0).getCell(3).getStringCellValue());
                assertEquals(band, typical.getRow(1).getCell(3).getStringCellValue());
            }
        }
    }
}
