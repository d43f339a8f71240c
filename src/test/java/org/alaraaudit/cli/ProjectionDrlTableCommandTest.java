package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.alaraaudit.AuditFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The radiography and fluoroscopy DRL table as a site fills it in: a row the audit cannot apply stops
 * {@code rules validate} and the audit with one line naming the file, line and column (exit 4), and a row that
 * applies makes the shipped rule cases' twin fire through {@code rules test}.
 */
class ProjectionDrlTableCommandTest {
    static final Path RULES = Path.of("rules");
    static final String HEADER = "drl_set,kind,exam,band_type,band,age_min_years,age_max_years,weight_min_kg,weight_max_kg,dap_gycm2,source,status,verified_by,verified_on,notes\n";

    @TempDir
    Path dir;

    private int copies;

    private Path rulesWith(String rows) throws IOException {
        Path copy = dir.resolve("rules" + copies++);
        try (Stream<Path> s = Files.walk(RULES)) {
            for (Path p : s.toList()) {
                Path target = copy.resolve(RULES.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        Files.writeString(copy.resolve("tables/projection-drl.csv"), HEADER + rows, StandardCharsets.UTF_8);
        return copy;
    }

    private CliTest.Run validate(String rows) throws IOException {
        CliTest.Run r = CliTest.run("rules", "validate", "--rules", rulesWith(rows).toString());
        assertEquals(ExitCode.RULES_INVALID, r.code(), r.out() + r.err());
        assertFalse(r.err().contains("at org."), r.err());
        return r;
    }

    private void refused(String rows, String message) throws IOException {
        CliTest.Run r = validate(rows);
        assertTrue(r.err().contains(message), r.err());
    }

    @Test
    void aKindOtherThanRadiographyOrFluoroscopyNamesItsLine() throws IOException {
        refused(",radiography,CHEST PA,age,5-<10 y,5,10,,,0.05,Test source,secondary,,,\n"
                + ",mammography,CC,age,5-<10 y,5,10,,,0.05,Test source,secondary,,,\n",
                "tables/projection-drl.csv:3: column kind: \"mammography\" is not radiography or fluoroscopy");
    }

    @Test
    void aDrlWithoutItsValueOrWithACommaDecimalNamesTheColumn() throws IOException {
        refused(",radiography,CHEST PA,age,5-<10 y,5,10,,,,Test source,secondary,,,\n", "tables/projection-drl.csv:2: column dap_gycm2: is required");
        refused(",radiography,CHEST PA,age,5-<10 y,5,10,,,\"0,05\",Test source,secondary,,,\n", "tables/projection-drl.csv:2: column dap_gycm2: \"0,05\" is not a plain decimal number");
        refused(",radiography,CHEST PA,age,5-<10 y,5,10,,,0,Test source,secondary,,,\n", "tables/projection-drl.csv:2: column dap_gycm2: \"0\" must be above 0");
    }

    @Test
    void aWeightBandWithoutWeightsAndAValueWithoutSourceOrStatusAreRefused() throws IOException {
        refused(",radiography,ABDOMEN AP,weight,15-<30 kg,,,,,0.5,Test source,secondary,,,\n", "tables/projection-drl.csv:2: column weight_min_kg: a weight band needs weight_min_kg or weight_max_kg");
        refused(",radiography,CHEST PA,age,5-<10 y,5,10,,,0.05,,secondary,,,\n", "tables/projection-drl.csv:2: column source: is required but empty");
        refused(",radiography,CHEST PA,age,5-<10 y,5,10,,,0.05,Test source,,,,\n", "tables/projection-drl.csv:2: column status: is required but empty");
        refused(",radiography,CHEST PA,age,5-<10 y,10,5,,,0.05,Test source,secondary,,,\n", "tables/projection-drl.csv:2: column age_min_years: (10.0) must be below age_max_years (5.0)");
    }

    @Test
    void theAuditStopsOnAnUnusableRowBeforeWritingAnything() throws IOException {
        Path rules = rulesWith(",fluoroscopy,*VCUG*,size,small,,,,,1,Test source,secondary,,,\n");
        Path log = new AuditFixture().row().write(dir, "log.csv");
        CliTest.Run r = CliTest.run("audit", log.toString(), "--rules", rules.toString(), "--no-history", "--out", dir.resolve("out").toString());
        assertEquals(ExitCode.RULES_INVALID, r.code(), r.err());
        assertTrue(r.err().contains("tables/projection-drl.csv:2: column band_type: must be age or weight"), r.err());
        assertFalse(Files.exists(dir.resolve("out").resolve("findings.csv")));
    }

    @Test
    void withASitesRowTheRuleFiresThroughRulesTestAndTheShippedCasesStillPass() throws IOException {
        Path rules = rulesWith(",radiography,CHEST PA,age,5-<10 y,5,10,,,0.05,Test national DRL,secondary,,,\n");
        StringBuilder cases = new StringBuilder("patient_id,age_years,weight_kg,facility,station_name,accession_number,study_datetime,"
                + "modality,protocol_name,body_part,view,dap_gycm2,expect_rules,expect_not_rules\n");
        for (int i = 0; i < 10; i++) {
            cases.append("A").append(i).append(",7,22,Above,DX1,ABOVE-").append(i).append(",2026-10-0").append(i % 9 + 1)
                    .append("T10:00:00,DX,PED CHEST PA,CHEST,PA,0.06,").append(i == 0 ? "DAP_DRL_MEDIAN_EXCEEDED," : ",").append('\n');
        }
        Path file = dir.resolve("above.csv");
        Files.writeString(file, cases.toString(), StandardCharsets.UTF_8);
        CliTest.Run fires = CliTest.run("rules", "test", file.toString(), "--rules", rules.toString());
        assertEquals(ExitCode.OK, fires.code(), fires.out() + fires.err());
        assertTrue(fires.out().contains("PASSED  ABOVE-0"), fires.out());

        CliTest.Run shipped = CliTest.run("rules", "test", rules.resolve("tests/projection-reference-levels.csv").toString(),
                "--rules", rules.toString());
        assertEquals(ExitCode.OK, shipped.code(), shipped.out() + shipped.err());
    }
}
