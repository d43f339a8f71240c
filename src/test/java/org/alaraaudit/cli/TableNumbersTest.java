package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.rules.ThresholdFacts.Table;
import org.alaraaudit.rules.ThresholdWorkbookFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A setting that would switch a rule off without an error (NaN compares false with everything, a negative window
 * matches no pair of studies) and a number Java would read but nobody writes (hex, exponents) are refused by
 * {@code rules validate} and by {@code audit} alike: exit 4, one line with the file, line, column and value.
 */
class TableNumbersTest {
    @TempDir
    Path dir;

    @Test
    void aPediatricLimitOfNanIsRefused() throws IOException {
        assertRefused(Edit.setting("pediatric_age_years", "18", "NaN"),
                "tables/settings.csv:2: column value: setting pediatric_age_years \"NaN\" is not a plain decimal number");
    }

    @Test
    void aNegativeRepeatWindowIsRefused() throws IOException {
        assertRefused(Edit.setting("repeat_window_hours", "48", "-48"),
                "tables/settings.csv:3: column value: setting repeat_window_hours \"-48\" must be above 0 hours");
    }

    @Test
    void aPediatricLimitOutsideOneToTwentyFiveYearsIsRefused() throws IOException {
        assertRefused(Edit.setting("pediatric_age_years", "18", "0.5"), "\"0.5\" must be at least 1 years");
        assertRefused(Edit.setting("pediatric_age_years", "18", "180"), "\"180\" must be at most 25 years");
    }

    @Test
    void aFractionAboveOneIsRefused() throws IOException {
        assertRefused(Edit.setting("trend_median_step_fraction", "0.2", "20"),
                "setting trend_median_step_fraction \"20\" must be at most 1");
    }

    @Test
    void aHexFloatInATableIsRefused() throws IOException {
        // PED HEAD 0-1Y: expected CTDIvol 5.75 to 23 mGy
        assertRefused(new Edit("protocol-catalog.csv", ",5.75,23,", ",5.75,0x1p10,"),
                "tables/protocol-catalog.csv:2: column expected_ctdivol_max_mgy: \"0x1p10\" is not a plain decimal number");
    }

    @Test
    void anExponentOrInfinityInATableIsRefused() throws IOException {
        assertRefused(new Edit("protocol-catalog.csv", ",5.75,23,", ",5.75,2.3e1,"), "\"2.3e1\" is not a plain decimal number");
        assertRefused(new Edit("protocol-catalog.csv", ",5.75,23,", ",5.75,Infinity,"), "\"Infinity\" is not a plain decimal number");
    }

    @Test
    void aNegativeDoseOrAnImpossibleAgeInATableIsRefused() throws IOException {
        assertRefused(new Edit("drl-us-kanal2022.csv", "US,CT HEAD,HEAD,without,age,0-<1 y,0,1,,,16,23,344,",
                "US,CT HEAD,HEAD,without,age,0-<1 y,0,1,,,16,-23,344,"), "column ctdivol_mgy: \"-23\" must not be negative");
        assertRefused(new Edit("drl-us-kanal2022.csv", "US,CT HEAD,HEAD,without,age,0-<1 y,0,1,,,16,23,344,",
                "US,CT HEAD,HEAD,without,age,0-<1 y,0,1000,,,16,23,344,"), "column age_max_years: \"1000\" is not a possible age");
    }

    @Test
    void aHexFloatInTheThresholdsWorkbookIsRefused() throws IOException {
        Path rules = ThresholdWorkbookFile.rulesCopy(dir.resolve("rules"));
        ThresholdWorkbookFile wb = new ThresholdWorkbookFile(rules);
        int row = wb.row(Table.SETTING.title(), "repeat_window_hours");
        wb.set(Table.SETTING.title(), "repeat_window_hours", "Value", "0x1p10").save();
        assertRefusedBoth(rules, "thresholds.drl.xlsx row " + row + ", column \"Value\" (setting repeat_window_hours): \"0x1p10\" is not a number");
    }

    @Test
    void aNanInTheThresholdsWorkbookIsRefused() throws IOException {
        Path rules = ThresholdWorkbookFile.rulesCopy(dir.resolve("rules"));
        ThresholdWorkbookFile wb = new ThresholdWorkbookFile(rules);
        wb.set(Table.SETTING.title(), "pediatric_age_years", "Value", "NaN").save();
        assertRefusedBoth(rules, "(setting pediatric_age_years): \"NaN\" is not a number");
    }

    @Test
    void aPediatricLimitOfNanOnTheCommandLineIsAUsageError() {
        Path log = new AuditFixture().row("accession_number", "A1").write(dir, "log.csv");
        CliTest.Run r = CliTest.run("audit", log.toString(), "--pediatric-age", "NaN", "--no-history", "--out", dir.resolve("out").toString());
        assertEquals(ExitCode.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("--pediatric-age NaN"), r.err());
    }

    /** One text replacement in one CSV table of a copy of the default rules. */
    private record Edit(String table, String from, String to) {
        static Edit setting(String key, String from, String to) {
            return new Edit("settings.csv", "\n" + key + "," + from + ",", "\n" + key + "," + to + ",");
        }
    }

    private void assertRefused(Edit edit, String message) throws IOException {
        Path rules = ThresholdWorkbookFile.rulesCopy(dir.resolve("rules-" + Math.abs((edit.table() + edit.to()).hashCode())));
        Path file = rules.resolve("tables").resolve(edit.table());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(edit.from()), edit.from());
        Files.writeString(file, text.replace(edit.from(), edit.to()), StandardCharsets.UTF_8);
        assertRefusedBoth(rules, message);
    }

    private void assertRefusedBoth(Path rules, String message) {
        CliTest.Run validate = CliTest.run("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCode.RULES_INVALID, validate.code(), validate.out() + validate.err());
        assertTrue(validate.err().contains(message), validate.err());
        assertFalse(validate.err().contains("\tat "), validate.err());
        Path log = new AuditFixture().row("accession_number", "A1").write(dir, "log.csv");
        Path out = dir.resolve("out");
        CliTest.Run audit = CliTest.run("audit", log.toString(), "--rules", rules.toString(), "--no-history", "--out", out.toString());
        assertEquals(ExitCode.RULES_INVALID, audit.code(), audit.err());
        assertTrue(audit.err().contains(message), audit.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}
