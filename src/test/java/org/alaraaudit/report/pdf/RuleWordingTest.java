package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.rules.RuleSet;
import org.alaraaudit.rules.ThresholdWorkbookFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF words every rule as the loaded rule set's DRL metadata does: title, suggested action, threshold. */
class RuleWordingTest {
    @TempDir
    Path dir;

    private String text(AuditResult r) throws IOException {
        Path pdf = dir.resolve("audit.pdf");
        PdfReport.write(r, ReportTemplate.load("default"), null, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theMethodologyStatesEachRulesThresholdWithTheValuesTheRunUsed() throws IOException {
        String text = text(new AuditFixture().pediatricAge(21).drlSet("EU").row().audit(dir));
        String methodology = text.substring(text.lastIndexOf("Methodology"));
        assertTrue(methodology.contains("120 kVp or more on a child's diagnostic body acquisition, under 45 kg (under 10 y when the"
                + " weight is not logged)"), methodology);
        assertTrue(methodology.contains("catalog population ADULT on a patient under 21 y"), "the command line's limit, not the file's");
        assertTrue(methodology.contains("DRL set EU (table below)"), "the command line's DRL set");
        assertFalse(methodology.contains("see the rule's source"), "every rule states its threshold");
    }

    @Test
    void aSitesOwnRuleIsNamedAndActedOnInItsOwnWords() throws IOException {
        Path rules = ThresholdWorkbookFile.rulesCopy(dir.resolve("rules"));
        Files.writeString(rules.resolve("policy/local.drl"), """
                package org.alaraaudit.rules.local;
                import org.alaraaudit.model.Study;
                global org.alaraaudit.rules.FindingCollector findings;
                rule "Every child's CT is reviewed by the local panel"
                    @ruleId("LOCAL_PANEL_REVIEW") @severity("MAJOR") @scope("study") @source("local policy: panel minutes")
                    @title("Child's CT for panel review") @action("bring these studies to the monthly panel")
                    @threshold("every pediatric CT (under {pediatric_age_years} y)")
                when
                    $s : Study( inPeriod, pediatric, ct )
                then
                    findings.study(kcontext, $s, null, "age", $s.getAgeYears(), null, "years", null, "for the panel");
                end
                """, StandardCharsets.UTF_8);
        String text = text(new AuditFixture().rules(RuleSet.load(rules)).row().audit(dir));
        assertTrue(text.contains("Child's CT for panel review: 1 MAJOR finding"), text);
        assertTrue(text.contains("Suggested: bring these studies to the monthly panel."), text);
        assertTrue(text.contains("every pediatric CT (under 18 y)"), "its threshold in the methodology");
        assertFalse(text.contains("LOCAL PANEL REVIEW"), "never the id in words when the rule has a title");
    }
}
