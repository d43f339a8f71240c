package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A facility or institution named in Chinese, Arabic or with an emoji is printed, never turned into "?". */
class PdfScriptsTest {
    static final String FACILITY = "Kinderklinik 医院 مستشفى الأطفال 🏥";
    static final String INSTITUTION = "North 医院 مستشفى 😀 Trust";

    @TempDir
    static Path dir;
    static Path pdf;

    @BeforeAll
    static void report() throws IOException {
        AuditFixture f = new AuditFixture().defaults("facility", FACILITY);
        for (int i = 1; i <= 12; i++) {
            f.row("patient_id", "MRN" + i, "accession_number", "ACC" + i, "study_datetime", "2026-10-" + (10 + i) + "T10:00:00",
                    "protocol_name", "PED HEAD 5-10Y", "target_region", "HEAD", "phantom", "16", "ctdivol_mgy", String.valueOf(60 + i));
        }
        f.row("patient_id", "MRN20", "accession_number", "ACC20", "protocol_name", "CHEST ROUTINE", "age_years", "7");
        AuditResult result = f.audit(dir);
        pdf = dir.resolve("scripts.pdf");
        PdfReport.write(result, ReportTemplate.load("default"), INSTITUTION, pdf);
    }

    /** PDFBox's text, with Arabic presentation forms (the shaped glyphs) folded back to letters. */
    private static String text() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFKC);
        }
    }

    @Test
    void chineseAndArabicNamesAreExtractedBackFromThePdf() throws IOException {
        String text = text();
        assertTrue(text.contains("North 医院"), text.substring(0, Math.min(600, text.length())));
        assertTrue(text.contains("مستشفى"), "the Arabic word in reading order, shaped letters folded back");
        assertTrue(text.contains("Kinderklinik 医院"), "the facility in the tables");
        assertTrue(text.contains("الأطفال") || text.contains("الاطفال"), "lam-alef ligature read back");
        assertFalse(text.contains("?"), "no glyph was replaced by a question mark");
    }

    @Test
    void anEmojiIsDrawnOrVisiblyNamedNeverLost() throws IOException {
        String text = text();
        // No font OpenPDF can embed in the jar draws emoji (OpenPDF reads no glyph beyond the BMP): each is named.
        assertTrue(text.contains("North 医院 مستشفى [U+1F600] Trust") || text.contains("[U+1F600] Trust"), text.substring(0, 200));
        assertTrue(text.contains("[U+1F3E5]"), "the facility's emoji, in the tables");
    }

    @Test
    void theFallbackFontsAreEmbedded() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<PDFont> fonts = PdfReportTest.fontsEverywhere(doc);
            assertTrue(fonts.stream().anyMatch(f -> f.getName().contains("DroidSansFallback")), "the CJK font");
            assertTrue(fonts.stream().anyMatch(f -> f.getName().contains("DejaVuSans")), "the Arabic font");
            for (PDFont font : fonts) assertTrue(font.isEmbedded(), "not embedded: " + font.getName());
        }
    }
}
