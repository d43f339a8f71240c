package org.alaraaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.model.TableException;
import org.alaraaudit.report.Disclosure;
import org.alaraaudit.report.files.FindingsJson;
import org.alaraaudit.rules.PolicyTables;
import org.alaraaudit.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dosimetry tables are part of the policy: loaded and checked before any row, errors with file and line. */
class DoseTablesLoadingTest {
    @TempDir
    Path dir;

    private Path tables() {
        Path source = RuleSet.defaultRules().resolve("tables");
        Path target = dir.resolve("tables");
        try (Stream<Path> files = Files.list(source)) {
            Files.createDirectories(target);
            for (Path p : files.toList()) Files.copy(p, target.resolve(p.getFileName().toString()));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theShippedDosimetryTablesAreLoaded() {
        PolicyTables t = AuditFixture.DEFAULT_RULES.tables();
        assertEquals("Shrimpton2005_AAPM96_ICRP60", t.kFactors().dataset());
        assertEquals(2, t.ssdeCoefficients().fits().size());
        assertNotNull(t.marrowCoefficients());
        assertEquals(4, t.alternatives().size());
        assertEquals(3, t.cumulativeDose().thresholds().size());
    }

    @Test
    void aBadKFactorNamesTheFileAndLine() throws IOException {
        Path t = tables();
        Path k = t.resolve("k-factors.csv");
        Files.writeString(k, Files.readString(k, StandardCharsets.UTF_8).replaceFirst(",0\\.011,", ",zero,"), StandardCharsets.UTF_8);
        TableException e = assertThrows(TableException.class, () -> PolicyTables.load(t));
        assertEquals("k-factors.csv", e.file());
        assertEquals(2, e.line());
    }

    @Test
    void aMissingMarrowTableStopsTheRun() throws IOException {
        Path t = tables();
        Files.delete(t.resolve("marrow-dose-coefficients.csv"));
        TableException e = assertThrows(TableException.class, () -> PolicyTables.load(t));
        assertEquals("marrow-dose-coefficients.csv", e.file());
    }

    @Test
    void aPhantomFactorThatIsNotPositiveIsRejected() throws IOException {
        Path t = tables();
        Path s = t.resolve("settings.csv");
        Files.writeString(s, Files.readString(s).replace("phantom_factor_32_to_16,2.5,", "phantom_factor_32_to_16,0,"));
        TableException e = assertThrows(TableException.class, () -> PolicyTables.load(t));
        assertEquals("settings.csv", e.file());
        assertTrue(e.line() > 1);
    }

    @Test
    void findingsJsonCarriesTheDrlGroupsAndTheMarrowDoseProfile() throws IOException {
        AuditFixture f = new AuditFixture();
        for (int i = 0; i < 10; i++) f.row("patient_id", "P" + i, "accession_number", "A" + i, "ctdivol_mgy", "3.0", "contrast", "no");
        AuditResult r = f.audit(dir);
        Path out = dir.resolve("findings.json");
        FindingsJson.write(r, Disclosure.PATIENT_LEVEL, out);
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        JsonNode g = root.get("drl_groups").get(0);
        assertEquals("ABOVE", g.get("status").asText());
        assertEquals(10, g.get("studies").asInt());
        assertEquals("US", g.get("drl_set").asText());
        assertEquals("CT CHEST", g.get("exam_type").asText(), "the group's key, as stored in the history");
        assertEquals("CT CHEST without contrast", g.get("exam_name").asText(), "what the DRL row is for");
        assertEquals(32, g.get("drl_phantom_cm").asInt());
        JsonNode p = root.get("figures").get("cumulative_marrow_dose_profile");
        assertEquals(10, p.get("bands").get("<10").asInt());
        assertEquals(0, p.get("not_estimated").asInt());
        assertEquals(2.5, p.get("phantom_factor_32_to_16").asDouble());
        assertEquals(365, p.get("window_days").asInt());
    }
}
