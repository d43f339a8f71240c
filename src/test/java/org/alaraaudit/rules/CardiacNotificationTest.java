package org.alaraaudit.rules;

import static org.alaraaudit.AuditFixture.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.TableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Gated cardiac CTs are judged by the AAPM cardiac notification values (retrospective 150, prospective 50 mGy)
 * through the catalog's notification_category, not by the 50 mGy torso value; other protocols keep theirs.
 */
class CardiacNotificationTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}, age {2}, CTDIvol {3} -> {4}")
    @CsvSource({
            "CARDIAC RETRO GATED,   SPIRAL,    50, 150.01, true,  150",
            "CARDIAC RETRO GATED,   SPIRAL,    50, 150,    false, 150",
            "CT CARDIAC PROSPECTIVE, SEQUENCED, 50, 50.01, true,  50",
            "CT CARDIAC PROSPECTIVE, SEQUENCED, 50, 50,    false, 50",
            "CARDIAC RETRO GATED,   SPIRAL,    10, 149,    false, 150",
            "CARDIAC RETRO GATED,   SPIRAL,    9.99, 10.01, true, 10",
            "CHEST ROUTINE,         SPIRAL,    50, 50.01,  true,  50",
            "CARDIAC RETRO GATED,   SEQUENCED, 50, 50.01,  true,  50"})
    void aGatedCardiacSeriesIsJudgedByTheCardiacValueOfItsCategory(String protocol, String type, String age, String ctdivol,
                                                                   boolean fires, double value) {
        AuditResult r = new AuditFixture().row("age_years", age, "weight_kg", "", "protocol_name", protocol,
                "acquisition_type", type, "target_region", "CHEST", "phantom", "32", "ctdivol_mgy", ctdivol).audit(dir);
        List<Finding> f = findings(r, "CT_NOTIFICATION_VALUE");
        assertEquals(fires ? 1 : 0, f.size(), protocol + " " + type);
        if (fires) assertEquals(value, f.get(0).referenceValue());
    }

    @Test
    void theCardiacMessageNamesTheCategory() {
        AuditResult r = new AuditFixture().row("age_years", "60", "protocol_name", "CARDIAC RETRO GATED",
                "target_region", "CHEST", "ctdivol_mgy", "151").audit(dir);
        assertTrue(findings(r, "CT_NOTIFICATION_VALUE").get(0).message().contains("Cardiac retrospective"));
    }

    @Test
    void aCatalogRowNamingNoNotificationCategoryIsATableErrorWithItsLine() throws IOException {
        Path tables = dir.resolve("tables");
        Files.createDirectories(tables);
        try (Stream<Path> s = Files.list(Path.of("rules", "tables"))) {
            for (Path p : s.toList()) Files.copy(p, tables.resolve(p.getFileName()));
        }
        Files.delete(tables.resolve(ThresholdWorkbook.FILE));
        Path catalog = tables.resolve(ProtocolCatalog.FILE);
        long line = Files.readAllLines(catalog).size() + 1;
        Files.writeString(catalog, "CARDIAC SIDEWAYS*,,CARDIAC SIDEWAYS,ANY,CHEST,,,,,,,,,,local,CARDIAC_SIDEWAYS\n", StandardOpenOption.APPEND);
        TableException e = assertThrows(TableException.class, () -> PolicyTables.load(tables));
        assertTrue(e.getMessage().contains(ProtocolCatalog.FILE) && e.getMessage().contains(String.valueOf(line)), e.getMessage());
        assertTrue(e.getMessage().contains("CARDIAC_SIDEWAYS"), e.getMessage());
    }
}
