package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.cli.ExitCode;
import org.alaraaudit.model.CatalogEntry;
import org.alaraaudit.rules.ProtocolCatalog;
import org.alaraaudit.rules.TableFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules derive-ranges} on an H2 store filled by auditing the three sample months. */
class DeriveRangesFromSampleMonthsIT {
    @TempDir
    static Path dir;

    static String url;
    static HistoryStore store;

    @BeforeAll
    static void auditTheSampleMonths() {
        url = "jdbc:h2:file:" + dir.resolve("store").resolve("history");
        StoreRuns runs = new StoreRuns(url);
        for (String m : new String[]{"2026-08", "2026-09", "2026-10"}) {
            runs.audit(AuditPeriod.month(YearMonth.parse(m)), Path.of("sample-data").resolve("scan-log-" + m + ".csv"));
        }
        store = runs.store;
    }

    @Test
    void theProposedRowsAreCatalogRowsOfTheStationsOwnP5ToP95() throws Exception {
        Path out = dir.resolve("derived.csv");
        SampleMonthsContract.Run r = SampleMonthsContract.cli("rules", "derive-ranges", "--history", url, "--out", out.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.out().contains("from 2025-11 to 2026-10"), "twelve months up to the latest stored month: " + r.out());
        ProtocolCatalog derived = ProtocolCatalog.from(TableFile.read(out, "derived.csv", ProtocolCatalog.columns()));
        assertFalse(derived.entries().isEmpty(), r.out());
        for (CatalogEntry e : derived.entries()) {
            assertTrue(e.stationName() != null, e.toString());
            assertTrue(e.source().contains("derived from local history") && e.source().contains("P5–P95"), e.source());
            int studies = Integer.parseInt(e.source().replaceAll(".*local history (\\d+) studies.*", "$1"));
            assertTrue(studies >= 20, e.source());
        }
        // One row checked against the store itself: the values of that station, protocol and phantom, type-7 percentiles.
        CatalogEntry first = derived.entries().get(0);
        String standard = first.standardName();
        int phantom = Integer.parseInt(first.source().replaceAll(".*, (\\d+) cm phantom.*", "$1"));
        List<Double> values = new ArrayList<>();
        try (Connection c = store.connect(); PreparedStatement p = c.prepareStatement("SELECT d.measured FROM dose_value d JOIN study s"
                + " ON d.facility = s.facility AND d.accession_number = s.accession_number"
                + " WHERE d.quantity = 'CTDIvol' AND s.station_name = ? AND d.standard_protocol = ? AND d.phantom_cm = ?")) {
            p.setString(1, first.stationName());
            p.setString(2, standard);
            p.setInt(3, phantom);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) values.add(rs.getDouble(1));
            }
        }
        Collections.sort(values);
        assertEquals(quantile(values, 0.05), first.expectedCtdivolMinMgy(), 0.005);
        assertEquals(quantile(values, 0.95), first.expectedCtdivolMaxMgy(), 0.005);
    }

    /**
     * As docs/policy-authoring.md says to use them: the proposed rows, pasted above the shipped rows of a copy of the
     * default rules, make a catalog that validates; their header is the shipped catalog's.
     */
    @Test
    void theProposedRowsPastedAboveTheShippedRowsMakeACatalogThatValidates() throws Exception {
        Path out = dir.resolve("to-paste.csv");
        assertEquals(ExitCode.OK, SampleMonthsContract.cli("rules", "derive-ranges", "--history", url, "--out", out.toString()).code());
        List<String> derived = Files.readAllLines(out);
        Path rules = dir.resolve("site-rules");
        try (java.util.stream.Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path f : files.toList()) {
                Path to = rules.resolve(Path.of("rules").relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        Path catalog = rules.resolve("tables").resolve(ProtocolCatalog.FILE);
        List<String> shipped = Files.readAllLines(catalog);
        assertEquals(shipped.get(0), derived.get(0), "the proposals' header is the catalog's");
        List<String> pasted = new ArrayList<>(List.of(shipped.get(0)));
        pasted.addAll(derived.subList(1, derived.size()));
        pasted.addAll(shipped.subList(1, shipped.size()));
        Files.write(catalog, pasted);
        SampleMonthsContract.Run v = SampleMonthsContract.cli("rules", "validate", "--rules", rules.toString());
        assertEquals(ExitCode.OK, v.code(), v.out() + v.err());
    }

    @Test
    void withoutAnOutFileTheRowsGoToStandardOutputAndTheNotesToStandardError() {
        SampleMonthsContract.Run r = SampleMonthsContract.cli("rules", "derive-ranges", "--history", url, "--months", "1", "--min-studies", "5");
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.out().startsWith(String.join(",", ProtocolCatalog.columns())), r.out());
        assertTrue(r.out().contains("2026-10-"), "one month: October only");
        assertFalse(r.out().contains("2026-09-"), r.out());
        assertTrue(r.err().contains("expected range"), r.err());
    }

    @Test
    void anEmptyStoreIsUnusableInputAndZeroMonthsAUsageError() {
        String empty = "jdbc:h2:file:" + dir.resolve("empty").resolve("history");
        HistoryStore.open(empty, java.util.Map.of()); // a store no audit wrote to (a missing one is refused the same way: HistoryCliTest)
        SampleMonthsContract.Run r = SampleMonthsContract.cli("rules", "derive-ranges", "--history", empty);
        assertEquals(ExitCode.INPUT_UNUSABLE, r.code());
        assertTrue(r.err().contains("holds no CT dose values; audit some months first"), r.err());
        SampleMonthsContract.Run zero = SampleMonthsContract.cli("rules", "derive-ranges", "--history", url, "--months", "0");
        assertEquals(ExitCode.USAGE, zero.code());
        assertEquals("alara-audit: --months 0: give at least 1 month\n", zero.err().replace("\r", ""));
        assertFalse(Files.exists(dir.resolve("nothing.csv")));
    }

    private static double quantile(List<Double> sorted, double q) {
        double h = (sorted.size() - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.size() - 1);
        return sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo));
    }
}
