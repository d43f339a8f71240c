package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.rules.RuleSet;
import org.alaraaudit.rules.ThresholdFacts.Table;
import org.alaraaudit.rules.ThresholdWorkbookFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The methodology tells an accreditation reviewer which thresholds came from the decision table, not the CSV. */
class ThresholdMethodologyTest {
    @TempDir
    Path dir;

    private String methodology(RuleSet rules) throws IOException {
        AuditResult r = new AuditFixture().rules(rules).row().audit(dir);
        Path pdf = dir.resolve("audit.pdf");
        PdfReport.write(r, ReportTemplate.load("default"), null, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            return text.substring(text.lastIndexOf("Methodology"));
        }
    }

    @Test
    void anEditedThresholdIsListedWithItsSheetRowTheCsvValueAndTheValueUsed() throws IOException {
        Path rules = ThresholdWorkbookFile.rulesCopy(dir.resolve("rules"));
        ThresholdWorkbookFile wb = new ThresholdWorkbookFile(rules);
        int row = wb.row(Table.SETTING.title(), "repeat_window_hours");
        wb.set(Table.SETTING.title(), "repeat_window_hours", "Value", 24)
                .set(Table.SETTING.title(), "repeat_window_hours", "Reason (printed in the report)", "RSC minutes 2026-11-04").save();
        String text = methodology(RuleSet.load(rules));
        assertTrue(text.contains("Thresholds set in the decision table"), text);
        assertTrue(text.contains("1 threshold comes from the thresholds workbook"), text);
        assertTrue(text.contains(row + " setting repeat window hours: Value 48 (Settings (limits and windows), line 3) 24 RSC minutes 2026-11-04"), text);
        assertTrue(text.contains("another CT of an overlapping region within 24 h"), "the rules table shows the value used");
    }

    @Test
    void aValueTheSiteChangedUnderThePublishedSourceIsShownAsTheSitesOwn() throws IOException {
        Path rules = ThresholdWorkbookFile.rulesCopy(dir.resolve("rules"));
        Path nv = rules.resolve("tables/notification-values.csv");
        Files.writeString(nv, Files.readString(nv).replace("Cardiac prospective,,SEQUENCED,10,,32,50,", "Cardiac prospective,,SEQUENCED,10,,32,40,"));
        String text = methodology(RuleSet.load(rules));
        assertTrue(text.contains("Values the site changed under a published source"), text);
        assertTrue(text.contains("1 value of the rule set's tables differs from this version's built-in row whose source and status"
                + " it keeps. The audit took each as local policy"), "the paragraph");
        assertTrue(text.contains("Cardiac prospective") && text.contains("local policy: the site's 40 (CTDIvol, mGy) in place of 50 of"),
                "the notification values table cites the site: " + text);
        assertTrue(text.contains("CT notification values (CTDIvol per series) 10 ctdivol_mgy 40 50 from a secondary source: AAPM."), "the row");

        assertFalse(methodology(AuditFixture.DEFAULT_RULES).contains("Values the site changed"), "none for the built-in rules");
    }

    @Test
    void anUntouchedWorkbookIsSaidToSetNothing() throws IOException {
        String text = methodology(AuditFixture.DEFAULT_RULES);
        assertFalse(text.contains("Thresholds set in the decision table"), text);
        assertTrue(text.contains("thresholds workbook (a decision table over the threshold tables) sets no value"),
                text);
    }
}
