package org.alaraaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.alaraaudit.AuditFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the reports say about a rule (title, suggested action, threshold) is metadata in its DRL file: the shipped
 * rules all carry it, a rule without it does not load, and the threshold quotes the settings the run used.
 */
class RuleMetadataTest {
    private static final RuleSet SHIPPED = AuditFixture.DEFAULT_RULES;

    @TempDir
    Path dir;

    private Path rules() { return ThresholdWorkbookFile.rulesCopy(dir.resolve("rules")); }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)),
                StandardCharsets.UTF_8);
    }

    private static List<String> loadFails(Path rules) {
        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.load(rules));
        for (String p : e.problems()) assertFalse(p.contains("\n"), "one line each: " + p);
        return e.problems();
    }

    private static RuleDescription rule(String ruleId) {
        return SHIPPED.rules().stream().filter(r -> r.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    @Test
    void aRuleIdsVariantsAreListedAsTheirFileWritesThemSoAsAboveFollowsWhatItRefersTo() {
        // compiled at build time and from source: both must keep the order
        for (RuleSet rs : List.of(SHIPPED, RuleSet.load(rules()))) {
            Map<String, List<RuleDescription>> byId = new java.util.LinkedHashMap<>();
            for (RuleDescription r : rs.rules()) byId.computeIfAbsent(r.ruleId(), k -> new java.util.ArrayList<>()).add(r);
            int variants = 0;
            for (List<RuleDescription> list : byId.values()) {
                assertFalse(list.get(0).description() != null && list.get(0).description().startsWith("As above"),
                        list.get(0).ruleId() + " opens with " + list.get(0).description());
                variants += list.size() - 1;
            }
            assertTrue(variants >= 8, "the shipped rules have variants described 'As above': " + variants);
        }
    }

    @Test
    void everyShippedRuleStatesItsTitleActionAndThreshold() {
        assertFalse(SHIPPED.rules().isEmpty());
        for (RuleDescription r : SHIPPED.rules()) {
            for (String text : new String[]{r.title(), r.action(), r.threshold()}) {
                assertNotNull(text, r.name());
                assertFalse(text.isBlank(), r.name());
            }
            assertFalse(r.threshold(SHIPPED.tables().policy()).contains("{"), "every named setting is known: " + r.name());
        }
    }

    @Test
    void everyRuleIdJavaNamesIsARuleOfTheShippedSet() throws IllegalAccessException {
        Set<String> ids = SHIPPED.rules().stream().map(RuleDescription::ruleId).collect(Collectors.toSet());
        int constants = 0;
        for (Field f : RuleIds.class.getFields()) {
            String id = (String) f.get(null);
            assertEquals(f.getName(), id, "a constant is named as its id");
            assertTrue(ids.contains(id), id + " is no rule of the shipped rule set");
            constants++;
        }
        assertTrue(constants > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"title", "action", "threshold"})
    void aRuleWithoutOneOfItsWordsDoesNotLoadAndIsNamedWithItsFile(String key) throws IOException {
        Path rules = rules();
        Path drl = rules.resolve("policy/repeat-scans.drl");
        String text = Files.readString(drl, StandardCharsets.UTF_8);
        int rule = text.indexOf("rule \"Multiphase CT in a child\"");
        int start = text.indexOf("    @" + key + "(", rule);
        int end = text.indexOf('\n', start) + 1;
        Files.writeString(drl, text.substring(0, start) + text.substring(end), StandardCharsets.UTF_8);
        List<String> problems = loadFails(rules);
        assertEquals(1, problems.size(), problems.toString());
        String p = problems.get(0);
        assertTrue(p.startsWith("ERROR policy/repeat-scans.drl: rule \"Multiphase CT in a child\" (PEDIATRIC_MULTIPHASE) has no @"
                + key + "(\"...\")"), p);
    }

    @Test
    void aBlankTitleIsAsMissingAsNone() throws IOException {
        Path rules = rules();
        replace(rules.resolve("policy/justification.drl"), "@title(\"CT where ultrasound or MRI is preferred\")", "@title(\" \")");
        String p = loadFails(rules).get(0);
        assertTrue(p.contains("policy/justification.drl") && p.contains("NONIONIZING_ALTERNATIVE") && p.contains("@title"), p);
    }

    @Test
    void aThresholdNamingASettingTheTablesLackDoesNotLoad() throws IOException {
        Path rules = rules();
        replace(rules.resolve("policy/repeat-scans.drl"), "{repeat_window_hours}", "{repeat_window_days}");
        List<String> problems = loadFails(rules);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("ERROR policy/repeat-scans.drl: rule \"Repeat CT of the same region\"")
                && p.contains("{repeat_window_days}") && p.contains("settings.csv")), problems.toString());
    }

    @Test
    void variantsOfOneRuleIdThatWordItDifferentlyDoNotLoad() throws IOException {
        Path rules = rules();
        replace(rules.resolve("policy/repeat-scans.drl"), "@title(\"Repeat CT within the repeat window\")", "@title(\"Repeat CT\")");
        List<String> problems = loadFails(rules);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("(REPEAT_STUDY): @title differs from that of rule"), problems.get(0));
    }

    /** The reports show one follow-up and one reference status per rule id: a piece on one variant only is refused. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"followUp|a call to the family", "referenceStatus|unverified"})
    void aPieceOnOneVariantOfARuleIdOnlyDoesNotLoad(String key, String value) throws IOException {
        Path rules = rules();
        replace(rules.resolve("policy/repeat-scans.drl"), "rule \"Repeat CT of the same region in a child\"\n",
                "rule \"Repeat CT of the same region in a child\"\n    @" + key + "(\"" + value + "\")\n");
        List<String> problems = loadFails(rules);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("(REPEAT_STUDY): @" + key + " differs from that of rule"), problems.get(0));
    }

    @Test
    void aReferenceStatusOutsideTheFourKindsDoesNotLoad() throws IOException {
        Path rules = rules();
        replace(rules.resolve("policy/expected-range.drl"), "@referenceStatus(\"local-policy\")", "@referenceStatus(\"approved\")");
        List<String> problems = loadFails(rules);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("ERROR policy/expected-range.drl: rule \"Dose below the expected range\" (DOSE_BELOW_EXPECTED_RANGE):"
                + " @referenceStatus(\"approved\") is not primary, secondary, local-policy or unverified"), problems.get(0));
    }

    @Test
    void anUnknownSeverityDoesNotLoad() throws IOException {
        Path rules = rules();
        replace(rules.resolve("policy/justification.drl"), "@severity(\"MINOR\")", "@severity(\"LOW\")");
        String p = loadFails(rules).get(0);
        assertTrue(p.contains("NONIONIZING_ALTERNATIVE") && p.contains("@severity(\"LOW\")"), p);
    }

    @Test
    void aRuleWithoutARuleIdIsNoReportedRuleAndNeedsNoWords() throws IOException {
        Path rules = rules();
        Files.writeString(rules.resolve("policy/local.drl"), """
                package org.alaraaudit.rules.local;
                import org.alaraaudit.model.Study;
                rule "A helper without findings"
                when
                    Study( accessionNumber == "NONE" )
                then
                end
                """, StandardCharsets.UTF_8);
        assertEquals(SHIPPED.rules().size(), RuleSet.load(rules).rules().size());
    }

    @Test
    void theThresholdQuotesTheSettingsInForceIncludingTheCommandLine() {
        Policy file = SHIPPED.tables().policy();
        assertEquals("another CT of an overlapping region within 48 h", rule("REPEAT_STUDY").threshold(file));
        assertEquals("accumulated CTDIvol 1000 mGy", rule("CT_ALERT_VALUE").threshold(file));
        assertTrue(rule("PEDIATRIC_ADULT_PROTOCOL").threshold(file.withPediatricAge(21.0)).startsWith(
                "catalog population ADULT on a patient under 21 y;"));
        assertTrue(rule("DRL_MEDIAN_EXCEEDED").threshold(file.withDrlSet("EU")).startsWith("DRL set EU (table below)"));
        assertTrue(rule("CT_NOTIFICATION_VALUE").threshold(file).contains("the 16/32 cm ratio 2 (AAPM Report 204)"));
        assertEquals("120 kVp or more on a child's diagnostic body acquisition, under 45 kg (under 10 y when the weight is not logged)",
                rule("PEDIATRIC_HIGH_KVP").threshold(file));
    }

    @Test
    void messagesWriteAPointAndCommaThousandsWhateverTheMachineLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("1.5 mGy", Messages.format("%.1f mGy", 1.5));
            assertEquals("12,345", Messages.count(12345));
            assertEquals("2.5", Messages.number(2.5));
            assertEquals("2", Messages.number(2.0));
            assertEquals("0.25", Messages.decimalFormat("0.##").format(0.25));
        } finally {
            Locale.setDefault(before);
        }
    }
}
