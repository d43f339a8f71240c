package org.alaraaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.alaraaudit.model.TableException;
import org.junit.jupiter.api.Test;

/** The settings as numbers: the shipped table's values, an optional setting's default when a site's table lacks it. */
class PolicyTest {
    private static final Path SHIPPED = RuleSet.defaultRules().resolve("tables").resolve(Policy.FILE);

    private static Policy policy(List<String> lines) {
        return Policy.from(TableFile.read(new StringReader(String.join("\n", lines) + "\n"), Policy.FILE));
    }

    private static List<String> shippedWithout(String... keys) throws IOException {
        List<String> drop = List.of(keys);
        return Files.readAllLines(SHIPPED).stream()
                .filter(l -> drop.stream().noneMatch(k -> l.startsWith(k + ",")))
                .collect(Collectors.toList());
    }

    @Test
    void theShippedSettingsAreReadAsTheirNumbers() throws IOException {
        Policy p = policy(Files.readAllLines(SHIPPED));
        assertEquals(48.0, p.getRepeatWindowHours());
        assertEquals(1000.0, p.getAlertAccumulatedCtdivolMgy());
        assertEquals(2.0, p.getExpectedRangeMajorFactor());
        assertEquals(18.0, p.getPediatricAgeYears());
    }

    @Test
    void aSiteTableWithoutTheOptionalSettingsGetsTheirShippedDefaultsAndQuotesThem() throws IOException {
        Policy p = policy(shippedWithout("phantom_ratio_16_to_32", "bolus_tracking_max_ctdivol_mgy", "retake_window_minutes",
                "deviation_index_over_investigate", "fluoro_kar_notification_mgy", "fluoro_kar_notification_step_mgy"));
        assertEquals(2.0, p.getPhantomRatio16To32());
        assertEquals(15.0, p.getBolusTrackingMaxCtdivolMgy());
        assertEquals(15.0, p.getRetakeWindowMinutes());
        assertEquals(3.0, p.getDeviationIndexOverInvestigate());
        assertEquals(3000.0, p.getFluoroKarNotificationMgy());
        assertEquals(1000.0, p.getFluoroKarNotificationStepMgy());
        assertEquals("15", p.inForce("retake_window_minutes"));
        assertEquals("2", p.inForce("phantom_ratio_16_to_32"));
        // The built-in row stands in, with its source and status: a finding on the 3 Gy level still cites MPPG 12.a.
        assertTrue(p.sourceOf("fluoro_kar_notification_mgy").startsWith("AAPM MPPG 12.a"), p.sourceOf("fluoro_kar_notification_mgy"));
        assertTrue(p.sourceOf("retake_window_minutes").endsWith("(the built-in rules' row: this rules folder's settings lack it)"),
                p.sourceOf("retake_window_minutes"));
        assertEquals("secondary", p.settings().get("fluoro_kar_notification_mgy").status());
    }

    @Test
    void aSiteValueOfAnOptionalSettingWinsOverItsDefault() throws IOException {
        List<String> lines = shippedWithout("retake_window_minutes", "bolus_tracking_max_ctdivol_mgy");
        lines.add("retake_window_minutes,10,minutes,local policy,local-policy,,,");
        lines.add("bolus_tracking_max_ctdivol_mgy,12.5,mGy,local policy,local-policy,,,");
        Policy p = policy(lines);
        assertEquals(10.0, p.getRetakeWindowMinutes());
        assertEquals(12.5, p.getBolusTrackingMaxCtdivolMgy());
        assertEquals(12.5, p.withPediatricAge(16.0).getBolusTrackingMaxCtdivolMgy(), "and stays so with a command-line age");
    }

    @Test
    void aRequiredSettingThatIsNotANumberIsRejectedWithItsName() throws IOException {
        List<String> lines = shippedWithout("repeat_window_hours");
        lines.add("repeat_window_hours,two days,hours,local policy,local-policy,,,");
        TableException e = assertThrows(TableException.class, () -> policy(lines));
        assertTrue(e.getMessage().contains("repeat_window_hours"), e.getMessage());
    }
}
