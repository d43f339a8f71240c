package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alaraaudit.AuditFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CT log without its CTDIvol column is said on the console and in findings.json, not only counted. */
class AbsentDoseColumnSummaryTest {
    @TempDir
    Path dir;

    @Test
    void aCtLogWithAMisnamedCtdivolColumnIsNamedOnTheConsoleAndInTheFindingsFile() throws Exception {
        String csv = new AuditFixture().row("accession_number", "A1").row("accession_number", "A2", "ctdivol_mgy", "60").csv()
                .replaceFirst("ctdivol_mgy", "ctdi_vol");
        Path log = Files.writeString(dir.resolve("scan-log.csv"), csv);
        Path out = dir.resolve("reports");
        CliTest.Run r = CliTest.run("audit", log.toString(), "--period", "2026-10", "--no-history", "--no-progress",
                "--format", "csv,json", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("WARNING: scan-log.csv: ctdivol_mgy is not a column of the header, yet the file holds CT rows: "
                + "no CT row can be checked against notification values, alert values or DRLs for CTDIvol"), r.out());

        JsonNode warnings = new ObjectMapper().readTree(out.resolve("findings.json").toFile()).get("data_warnings");
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("scan-log.csv", warnings.get(0).get("file").asText());
        assertEquals(1, warnings.get(0).get("line").asInt());
        assertEquals("ctdivol_mgy", warnings.get(0).get("column").asText());
    }
}
