package org.alaraaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.ReferenceStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A number a site changes in its copy of the tables, with the row still citing the built-in source and status, is
 * found by file, line and column; a row that says where its own number comes from, a confirmation and a new row are
 * the site's business and are not.
 */
class SiteValueChangesTest {
    private static final Path BUILT_IN = Path.of("rules", "tables");
    /** The cardiac prospective notification value: 50 mGy, AAPM 2011, secondary. */
    private static final String CARDIAC = "Cardiac prospective,,SEQUENCED,10,,32,50,";

    @TempDir
    Path dir;

    private Path copy() {
        return ThresholdWorkbookFile.rulesCopy(dir.resolve("rules")).resolve("tables");
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void anUnchangedCopyHasNoChanges() {
        assertEquals(List.of(), SiteValueChanges.between(copy(), BUILT_IN));
    }

    @Test
    void aNumberChangedUnderTheBuiltInCitationIsFoundByLineAndColumn() throws IOException {
        Path tables = copy();
        replace(tables.resolve("notification-values.csv"), CARDIAC, "Cardiac prospective,,SEQUENCED,10,,32,40,");
        replace(tables.resolve("settings.csv"), "repeat_window_hours,48,", "repeat_window_hours,72,");
        List<SiteValueChange> changes = SiteValueChanges.between(tables, BUILT_IN);
        assertEquals(2, changes.size(), changes.toString());
        SiteValueChange nv = changes.get(0);
        assertEquals("notification-values.csv", nv.file());
        assertEquals(10, nv.line());
        assertEquals("ctdivol_mgy", nv.column());
        assertEquals("40", nv.siteValue());
        assertEquals("50", nv.builtInValue());
        assertEquals("secondary", nv.status());
        assertTrue(nv.source().startsWith("AAPM."), nv.source());
        assertEquals(new SiteValueChange("settings.csv", 3, "value", "72", "48", "local-policy",
                "local policy (default): a second CT of an overlapping region within this window is reviewed as a repeat"), changes.get(1));
        assertTrue(changes.get(1).describe().startsWith("tables/settings.csv line 3, value: 72 where the built-in row has 48"),
                changes.get(1).describe());
    }

    @Test
    void aBlankedNumberCountsAsChanged() throws IOException {
        Path tables = copy();
        replace(tables.resolve("notification-values.csv"), CARDIAC, "Cardiac prospective,,SEQUENCED,10,,32,,");
        List<SiteValueChange> changes = SiteValueChanges.between(tables, BUILT_IN);
        assertEquals(1, changes.size(), changes.toString());
        assertEquals(null, changes.get(0).siteValue());
    }

    @Test
    void aRowThatSaysWhereItsNumberComesFromIsTheSitesOwn() throws IOException {
        Path tables = copy();
        // the status changed to local-policy: the row no longer claims the publication's value
        String row = Files.readAllLines(tables.resolve("notification-values.csv")).stream().filter(l -> l.startsWith(CARDIAC))
                .findFirst().orElseThrow();
        replace(tables.resolve("notification-values.csv"), row, row.replace(CARDIAC, "Cardiac prospective,,SEQUENCED,10,,32,40,")
                .replace(",secondary,", ",local-policy,"));
        // the source changed: the site's own reasoning
        replace(tables.resolve("settings.csv"), "repeat_window_hours,48,hours,local policy (default):",
                "repeat_window_hours,72,hours,local policy (RSC 2026-11-04):");
        assertEquals(List.of(), SiteValueChanges.between(tables, BUILT_IN));
    }

    @Test
    void aCopyWithoutTheNotesColumnOrWithTheStatusInCapitalsIsComparedAllTheSame() throws IOException {
        Path tables = copy();
        Path nv = tables.resolve("notification-values.csv");
        List<String> lines = Files.readAllLines(nv, StandardCharsets.UTF_8);
        int notes = java.util.Arrays.asList(lines.get(0).split(",")).indexOf("notes");
        assertEquals(lines.get(0).split(",").length - 1, notes, "notes is the last column");
        // the table without its last column, notes
        StringBuilder out = new StringBuilder();
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(String.join("\n", lines)));
             var printer = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            for (var rec : parser) printer.printRecord(rec.toList().subList(0, rec.size() - 1));
        }
        Files.writeString(nv, out.toString().replace(",secondary,", ",Secondary,")
                .replace(CARDIAC, "Cardiac prospective,,SEQUENCED,10,,32,40,"), StandardCharsets.UTF_8);
        List<SiteValueChange> changes = SiteValueChanges.between(tables, BUILT_IN);
        assertEquals(1, changes.size(), changes + "\n" + out);
        assertEquals("40", changes.get(0).siteValue());
    }

    @Test
    void aRowConfirmedAgainstThePublicationIsTheSitesWordNotAChange() throws IOException {
        Path tables = copy();
        Path nv = tables.resolve("notification-values.csv");
        String line = Files.readAllLines(nv).stream().filter(l -> l.startsWith(CARDIAC)).findFirst().orElseThrow();
        replace(nv, line, line.replace(CARDIAC, "Cardiac prospective,,SEQUENCED,10,,32,40,").replace(",secondary,,,", ",secondary,A. Physicist,2026-11-02,"));
        assertEquals(List.of(), SiteValueChanges.between(tables, BUILT_IN));
    }

    @Test
    void aConfirmationOrANewRowIsNotAChange() throws IOException {
        Path tables = copy();
        String text = Files.readString(tables.resolve("settings.csv"), StandardCharsets.UTF_8);
        String line = text.lines().filter(l -> l.startsWith("repeat_window_hours,")).findFirst().orElseThrow();
        // verified_by and verified_on filled in by the site's physicist, and a row of the site's own added
        String confirmed = line.replace(",local-policy,,,", ",local-policy,A. Physicist,2026-11-02,");
        assertTrue(!confirmed.equals(line), line);
        Files.writeString(tables.resolve("settings.csv"), text.replace(line, confirmed), StandardCharsets.UTF_8);
        String catalog = Files.readString(tables.resolve("protocol-catalog.csv"), StandardCharsets.UTF_8);
        String chest = catalog.lines().filter(l -> l.startsWith("PED CHEST 5-10Y*,")).findFirst().orElseThrow();
        Files.writeString(tables.resolve("protocol-catalog.csv"), catalog + chest.replace("PED CHEST 5-10Y*,", "LOCAL CHEST 5-10Y*,")
                .replace(",0.625,2.5,", ",0.5,2.0,") + "\n", StandardCharsets.UTF_8);
        assertEquals(List.of(), SiteValueChanges.between(tables, BUILT_IN));
    }

    @Test
    void aChangedValueIsLocalPolicyInTheFindingThatCitesItAndInTheCountsOfItsTable() throws IOException {
        Path tables = copy();
        // The pediatric head notification value under 2 y: 50 mGy (AAPM 2011, secondary) made 40 by the site.
        String head = "Pediatric head <2 y,HEAD,,0,2,16,50,";
        replace(tables.resolve("notification-values.csv"), head, "Pediatric head <2 y,HEAD,,0,2,16,40,");
        RuleSet site = RuleSet.load(tables.getParent());
        RuleSet builtIn = RuleSet.load(null);
        String expected = "local policy: the site's 40 (CTDIvol, mGy) in place of 50 of AAPM. Recommendations";
        assertTrue(site.tables().notificationValues().values().stream().anyMatch(v -> v.source().startsWith(expected)),
                "the table row cites the site");
        assertEquals(localPolicy(builtIn) + 1, localPolicy(site), "the cover's count of local policy values");

        // A one-year-old's head CT at 45 mGy: above the site's 40, below the publication's 50.
        AuditResult r = new org.alaraaudit.AuditFixture().rules(site)
                .row("age_years", "1", "weight_kg", "9", "protocol_name", "PED HEAD 0-2Y", "target_region", "HEAD", "phantom", "16",
                        "ctdivol_mgy", "45", "dlp_mgycm", "700")
                .audit(dir);
        List<org.alaraaudit.model.Finding> nv = org.alaraaudit.AuditFixture.findings(r, "CT_NOTIFICATION_VALUE");
        assertEquals(1, nv.size(), r.findings().toString());
        assertTrue(nv.get(0).referenceSource().startsWith(expected), nv.get(0).referenceSource());
        assertTrue(!nv.get(0).referenceSource().startsWith("AAPM"), "never credited to the publication");
    }

    private static int localPolicy(RuleSet r) {
        return r.tables().references().tables().stream().filter(t -> t.file().equals("notification-values.csv")).findFirst().orElseThrow()
                .counts().getOrDefault(ReferenceStatus.LOCAL_POLICY, 0);
    }

    @Test
    void theRuleSetOfASiteFolderCarriesItsChangesAndTheBuiltInRulesNone() throws IOException {
        Path tables = copy();
        replace(tables.resolve("notification-values.csv"), CARDIAC, "Cardiac prospective,,SEQUENCED,10,,32,40,");
        assertEquals(1, RuleSet.load(tables.getParent()).tables().siteValueChanges().size());
        assertEquals(List.of(), RuleSet.load(null).tables().siteValueChanges());
    }
}
