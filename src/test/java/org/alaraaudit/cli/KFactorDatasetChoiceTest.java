package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alaraaudit.rules.ThresholdWorkbookFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Switching k_factor_dataset to a set without a stated DLP phantom used to switch effective dose off silently. */
class KFactorDatasetChoiceTest {
    @TempDir
    Path dir;

    @Test
    void choosingTheNciSetWhosePhantomIsNotStatedIsRefusedByRulesValidate() throws IOException {
        Path rules = ThresholdWorkbookFile.rulesCopy(dir.resolve("rules"));
        Path settings = rules.resolve("tables").resolve("settings.csv");
        String text = Files.readString(settings, StandardCharsets.UTF_8);
        assertTrue(text.contains("k_factor_dataset,Shrimpton2005_AAPM96_ICRP60,"));
        Files.writeString(settings, text.replace("k_factor_dataset,Shrimpton2005_AAPM96_ICRP60,", "k_factor_dataset,NCI_ED103_120kVp,"),
                StandardCharsets.UTF_8);

        CliTest.Run r = CliTest.run("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCode.RULES_INVALID, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("k-factors.csv") && r.err().contains("dataset 'NCI_ED103_120kVp'")
                && r.err().contains("dlp_phantom_cm is blank"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
