package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alaraaudit.AuditFixture;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `audit --template accreditation`: the template reaches every writer, not only the PDF's. */
class AccreditationPackageCommandTest {
    @TempDir
    Path dir;

    private Path log() {
        return new AuditFixture()
                .row("patient_id", "MRN-1", "accession_number", "A1", "age_years", "6.4", "protocol_name", "ADULT CHEST ROUTINE",
                        "ctdivol_mgy", "5", "dlp_mgycm", "150")
                .row("patient_id", "MRN-2", "accession_number", "B1", "study_datetime", "2026-10-20T08:00:00")
                .row("patient_id", "MRN-2", "accession_number", "B2", "study_datetime", "2026-10-20T18:30:00")
                .row("patient_id", "MRN-3", "accession_number", "C1", "age_years", "240")
                .write(dir, "log.csv");
    }

    @Test
    void theAccreditationTemplateWithholdsPseudonymsAndAgesFromTheWorkbookCsvAndJson() throws IOException {
        Path out = dir.resolve("acc");
        CliTest.Run r = CliTest.run("audit", log().toString(), "--period", "2026-10", "--no-history", "--no-progress",
                "--template", "accreditation", "--format", "xlsx,csv,json", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String csv = Files.readString(out.resolve("findings.csv"));
        assertFalse(csv.lines().findFirst().orElseThrow().contains("patient_ref"), csv);
        assertFalse(csv.contains("6.4"), csv);
        String rejected = Files.readString(out.resolve("rejected.csv"));
        assertTrue(rejected.contains("age_years") && !rejected.contains("240"), "a rejected age is withheld too: " + rejected);
        String json = Files.readString(out.resolve("findings.json"));
        assertFalse(json.contains("\"240\""), json);
        assertFalse(json.contains("\"patient_ref\" :") || json.contains("\"age_years\" :"), "no pseudonym or age field: " + json);
        try (InputStream in = Files.newInputStream(out.resolve("audit-2026-10.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Cell c : wb.getSheet("Findings").getRow(0)) {
                assertFalse(c.getStringCellValue().equals("patient_ref") || c.getStringCellValue().equals("age_years"));
            }
            assertEquals(null, wb.getSheet("Repeats"));
            assertEquals(null, wb.getSheet("Events"));
        }
        Path plain = dir.resolve("default");
        assertEquals(0, CliTest.run("audit", log().toString(), "--period", "2026-10", "--no-history", "--no-progress",
                "--format", "csv", "--out", plain.toString()).code());
        assertTrue(Files.readString(plain.resolve("rejected.csv")).contains("240"), "the working copy shows the rejected value");
        assertTrue(Files.readString(plain.resolve("findings.csv")).lines().findFirst().orElseThrow().contains("patient_ref"));
    }

    @Test
    void theAccreditationPdfNamesNoAgeInItsFindingsAndItsPageHeaderIsNeverBlank() throws IOException {
        Path out = dir.resolve("pdf");
        CliTest.Run r = CliTest.run("audit", log().toString(), "--period", "2026-10", "--no-history", "--no-progress",
                "--template", "accreditation", "--format", "pdf", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(out.resolve("audit-2026-10.pdf").toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("adult protocol"), "the adult-protocol finding is listed");
            assertFalse(text.matches("(?s).*aged \\d+(\\.\\d+)? y.*"), "an age in a finding's detail");
            assertFalse(text.contains("6.4"), () -> "the child's age: " + text.substring(Math.max(0, text.indexOf("6.4") - 200), text.indexOf("6.4") + 80).replace("\n", " | "));
            assertTrue(text.replaceAll("\\s+", " ").contains("MAJOR A1 2026-10-10 10:00 child General"), "child or adult in place of the age");
            org.apache.pdfbox.text.PDFTextStripper second = new org.apache.pdfbox.text.PDFTextStripper();
            second.setStartPage(2);
            second.setEndPage(2);
            assertTrue(second.getText(doc).contains("General"), "the running header names the facilities when no institution is given");
        }
    }

    @Test
    void anUnknownTemplateIsRefusedForEveryFormatSinceItDecidesWhatIsShown() {
        CliTest.Run r = CliTest.run("audit", log().toString(), "--no-history", "--no-progress", "--format", "csv",
                "--template", "no-such-template", "--out", dir.resolve("x").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--template no-such-template") && r.err().contains("no such template"), r.err());
    }
}
