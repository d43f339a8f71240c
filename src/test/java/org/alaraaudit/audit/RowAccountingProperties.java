package org.alaraaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.model.Finding;

/**
 * For any mix of valid and invalid rows: the run never throws, every row is accounted for exactly once, and a
 * row's findings do not depend on the order of the input.
 */
class RowAccountingProperties {
    private static final String[] COLUMNS = {"patient_id", "age_years", "weight_kg", "accession_number", "study_datetime",
            "protocol_name", "target_region", "kvp", "ctdivol_mgy", "dlp_mgycm", "study_description"};

    @Provide
    Arbitrary<List<List<String>>> logs() {
        Arbitrary<String> patient = Arbitraries.of("M1", "M2", "M3", "", " M1 ");
        Arbitrary<String> age = Arbitraries.of("0.5", "4", "9.99", "17.99", "18", "45", "-1", "131", "x", "");
        Arbitrary<String> weight = Arbitraries.of("", "12", "30", "70", "401", "abc");
        Arbitrary<String> accession = Arbitraries.of("A1", "A2", "A3", "A4", "");
        Arbitrary<String> time = Arbitraries.of("2026-09-30T23:00:00", "2026-10-01T08:00:00", "2026-10-02T07:00:00",
                "2026-10-15 12:00", "2026-13-01T00:00", "2027-01-01T00:00");
        Arbitrary<String> protocol = Arbitraries.of("PED CHEST 5-10Y", "CHEST ROUTINE", "SINUS LOW DOSE", "PED HEAD 1-2Y", "");
        Arbitrary<String> region = Arbitraries.of("CHEST", "HEAD", "", "Chest, Abdomen and Pelvis", "NOWHERE");
        Arbitrary<String> kvp = Arbitraries.of("80", "100", "120", "39", "");
        Arbitrary<String> dose = Arbitraries.of("0.4", "2.0", "2.6", "12", "60", "-1", "1,5", "");
        Arbitrary<String> description = Arbitraries.of("", "QA daily", "CT chest", "=1+1");
        Arbitrary<List<String>> row = Combinators.combine(
                Combinators.combine(patient, age, weight, accession, time, protocol).as(List::of),
                Combinators.combine(region, kvp, dose, dose, description).as(List::of))
                .as((a, b) -> { List<String> r = new ArrayList<>(a); r.addAll(b); return r; });
        return row.list().ofMinSize(1).ofMaxSize(25);
    }

    private static Path write(List<List<String>> rows, Path dir, String name) throws IOException {
        AuditFixture fx = new AuditFixture();
        for (List<String> r : rows) {
            String[] kv = new String[COLUMNS.length * 2];
            for (int i = 0; i < COLUMNS.length; i++) {
                kv[2 * i] = COLUMNS[i];
                kv[2 * i + 1] = r.get(i);
            }
            fx.row(kv);
        }
        return fx.write(dir, name);
    }

    @Property(tries = 60)
    void everyRowIsAccountedForAndFindingsDoNotDependOnOrder(@ForAll("logs") List<List<String>> rows,
                                                             @ForAll long seed) throws IOException {
        Path dir = Files.createTempDirectory("alara-prop");
        try {
            AuditFixture fx = new AuditFixture();
            var a = fx.auditFiles(List.of(write(rows, dir, "a.csv")));
            assertEquals(rows.size(), a.rows().read());
            assertTrue(a.rows().reconciles(), a.rows().toString());

            List<List<String>> shuffled = new ArrayList<>(rows);
            Collections.shuffle(shuffled, new Random(seed));
            var b = fx.auditFiles(List.of(write(shuffled, dir, "a.csv")));
            assertEquals(a.rows().audited(), b.rows().audited());
            assertEquals(a.rows().rejected(), b.rows().rejected());
            assertEquals(keys(a.findings().stream().toList()), keys(b.findings().stream().toList()));
        } finally {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** What a finding says, without the input line numbers, which a shuffle changes by design. */
    private static List<String> keys(List<Finding> findings) {
        return findings.stream().map(f -> f.findingId() + " " + f.ruleId() + " " + f.severity() + " " + f.measuredValue()
                + " " + f.referenceValue()).sorted().collect(Collectors.toList());
    }
}
