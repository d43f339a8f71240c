package org.alaraaudit.audit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.alaraaudit.AuditFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule test harness on its own, without the command that prints its results. */
class RuleCasesTest {
    private static final String HEADER = "patient_id,age_years,sex,weight_kg,facility,station_name,accession_number,study_datetime,"
            + "modality,protocol_name,acquisition_type,target_region,kvp,ctdivol_mgy,phantom,dlp_mgycm,expect_rules,expect_not_rules\n";

    @TempDir
    Path dir;

    private Path cases(String rows) throws IOException {
        Path f = dir.resolve("repeats.csv");
        Files.writeString(f, HEADER + rows, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void aStudyWithoutExpectationsSupportsTheCasesWithoutBeingOne() throws IOException {
        Path f = cases("""
                R1,8,F,25,General,CT1,FIRST,2026-10-10T10:00:00,CT,PED CHEST 5-10Y,SPIRAL,CHEST,100,2.0,32,50,,
                R1,8,F,25,General,CT1,NEXT-DAY,2026-10-11T10:00:00,CT,PED CHEST 5-10Y,SPIRAL,CHEST,100,2.0,32,50,REPEAT_STUDY,
                """);
        List<CaseResult> results = new RuleCases(AuditFixture.DEFAULT_RULES, "test").run(f);
        assertEquals(1, results.size(), results.toString());
        CaseResult r = results.get(0);
        assertEquals("NEXT-DAY", r.accession());
        assertEquals(Set.of("REPEAT_STUDY"), r.expected());
        assertTrue(r.passed(), r.problems().toString());
    }

    @Test
    void aRuleThatShouldNotFireButDoesFailsItsCaseWithTheReason() throws IOException {
        Path f = cases("""
                R1,8,F,25,General,CT1,FIRST,2026-10-10T10:00:00,CT,PED CHEST 5-10Y,SPIRAL,CHEST,100,2.0,32,50,,
                R1,8,F,25,General,CT1,NEXT-DAY,2026-10-11T10:00:00,CT,PED CHEST 5-10Y,SPIRAL,CHEST,100,2.0,32,50,,REPEAT_STUDY
                """);
        CaseResult r = new RuleCases(AuditFixture.DEFAULT_RULES, "test").run(f).get(0);
        assertFalse(r.passed());
        assertEquals(List.of("must not fire REPEAT_STUDY: fired"), r.problems());
    }

    @Test
    void theScanLogCopyOfTheCasesIsGoneAfterTheRun() throws IOException {
        Path f = cases("R1,8,F,25,General,CT1,ONE,2026-10-10T10:00:00,CT,PED CHEST 5-10Y,SPIRAL,CHEST,100,2.0,32,50,,REPEAT_STUDY\n");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<Path> before = copies(tmp);
        new RuleCases(AuditFixture.DEFAULT_RULES, "test").run(f);
        assertEquals(before, copies(tmp));
    }

    private static Set<Path> copies(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return Set.copyOf(s.filter(p -> p.getFileName().toString().startsWith("alara-audit-cases-")).toList());
        }
    }

    @Test
    void aFolderWithoutCaseFilesIsUnusable() {
        CasesUnusable e = assertThrows(CasesUnusable.class, () -> RuleCases.files(dir));
        assertTrue(e.getMessage().endsWith(": no case files (*.csv)"), e.getMessage());
    }
}
