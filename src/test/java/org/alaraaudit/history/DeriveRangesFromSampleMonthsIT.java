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
        assertRangeOf(first, ctdivol(store, first.stationName(), standard, phantom, ""));
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
        assertEquals("alara-audit: --months 0: give at least 1 month\nTry 'alara-audit rules derive-ranges --help'.\n",
                zero.err().replace("\r", ""));
        assertFalse(Files.exists(dir.resolve("nothing.csv")));
    }

    /**
     * A store kept before the catalog had rows of one contrast: October's abdomen-pelvis exams of 10-15 y, all with
     * contrast in the sample, and three chest exams of 10-15 y with contrast, sit under the protocols' rows for the
     * others (as they were classed then); the 5-10 y chest values were stored before the store kept each exam's
     * contrast. The derived ranges of those rows leave them out, and say so.
     */
    @Test
    void valuesOfExamsWithContrastStoredUnderTheProtocolsOtherRowAreLeftOutOfItsRange() throws Exception {
        String older = "jdbc:h2:file:" + dir.resolve("older").resolve("history");
        StoreRuns runs = new StoreRuns(older);
        runs.audit(AuditPeriod.month(YearMonth.of(2026, 10)), Path.of("sample-data", "scan-log-2026-10.csv"));
        String abdomen = "PED ABDOMEN 10-15Y";
        String chest = "PED CHEST 10-15Y";
        String olderChest = "PED CHEST 5-10Y";
        String station = stationWithMost(runs, chest);
        String abdomenStation = stationWithMost(runs, abdomen + " C+");
        String studies = "SELECT COUNT(DISTINCT s.accession_number) FROM dose_value d JOIN study s ON d.facility = s.facility"
                + " AND d.accession_number = s.accession_number WHERE d.quantity = 'CTDIvol' AND s.station_name = '%s' AND d.standard_protocol = '%s'";
        long abdomenStudies = runs.count(String.format(studies, abdomenStation, abdomen + " C+"));
        assertEquals(abdomenStudies, runs.count(String.format(studies, abdomenStation, abdomen + " C+") + " AND d.exam_contrast = 'with'"),
                "each value keeps its exam's contrast");
        long chestStudies = runs.count(String.format(studies, station, chest));
        assertTrue(chestStudies >= 6, "enough chest studies to leave three out: " + chestStudies);
        runs.execute("UPDATE dose_value SET standard_protocol = '" + abdomen + "' WHERE standard_protocol = '" + abdomen + " C+'");
        runs.execute("UPDATE dose_value SET exam_contrast = 'with' WHERE standard_protocol = '" + chest + "' AND accession_number IN"
                + " (SELECT DISTINCT s.accession_number FROM study s JOIN dose_value d ON d.facility = s.facility AND d.accession_number"
                + " = s.accession_number WHERE s.station_name = '" + station + "' AND d.standard_protocol = '" + chest + "'"
                + " ORDER BY s.accession_number LIMIT 3)");
        runs.execute("UPDATE dose_value SET exam_contrast = NULL WHERE standard_protocol = '" + olderChest + "'");

        Path out = dir.resolve("older.csv");
        SampleMonthsContract.Run r = SampleMonthsContract.cli("rules", "derive-ranges", "--history", older, "--months", "1",
                "--min-studies", "1", "--out", out.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.out().contains(abdomen + " on " + abdomenStation + ", 32 cm phantom: " + abdomenStudies + " studies with contrast"
                + " left out; the catalog holds its exams with contrast to " + abdomen + " C+"), r.out());
        assertTrue(r.out().contains(chest + " on " + station + ", 32 cm phantom: 3 studies with contrast left out"), r.out());
        assertFalse(r.out().contains("0 studies, fewer than"), "a group whose every study was left out has the one note: " + r.out());
        assertTrue(r.out().contains(olderChest + " on ") && r.out().contains("stored before the history store kept each exam's contrast"
                + " (either contrast) left out; the catalog holds its exams with contrast to " + olderChest + " C+"), r.out());
        ProtocolCatalog derived = ProtocolCatalog.from(TableFile.read(out, "older.csv", ProtocolCatalog.columns()));
        assertFalse(derived.entries().stream().anyMatch(e -> abdomen.equals(e.standardName()) && abdomenStation.equals(e.stationName())),
                "no range for the other exams from exams with contrast: " + r.out());
        assertFalse(derived.entries().stream().anyMatch(e -> olderChest.equals(e.standardName())),
                "no range from values whose contrast the store did not keep: " + r.out());
        CatalogEntry row = derived.entries().stream().filter(e -> chest.equals(e.standardName()) && station.equals(e.stationName()))
                .findFirst().orElseThrow(() -> new AssertionError(r.out()));
        assertTrue(row.source().contains("local history " + (chestStudies - 3) + " studies"), "the exams without contrast only: " + row.source());
        assertRangeOf(row, ctdivol(runs.store, station, chest, 32, " AND d.exam_contrast <> 'with'"));
    }

    /** The stored CTDIvol values of a station's standard protocol on a phantom, sorted; {@code and}: a further condition. */
    private static List<Double> ctdivol(HistoryStore from, String station, String protocol, int phantom, String and) throws Exception {
        List<Double> values = new ArrayList<>();
        try (Connection c = from.connect(); PreparedStatement p = c.prepareStatement("SELECT d.measured FROM dose_value d JOIN study s"
                + " ON d.facility = s.facility AND d.accession_number = s.accession_number"
                + " WHERE d.quantity = 'CTDIvol' AND s.station_name = ? AND d.standard_protocol = ? AND d.phantom_cm = ?" + and)) {
            p.setString(1, station);
            p.setString(2, protocol);
            p.setInt(3, phantom);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) values.add(rs.getDouble(1));
            }
        }
        Collections.sort(values);
        return values;
    }

    /** The row's range is the values' type-7 5th to 95th percentile. */
    private static void assertRangeOf(CatalogEntry row, List<Double> values) {
        assertEquals(quantile(values, 0.05), row.expectedCtdivolMinMgy(), 0.005);
        assertEquals(quantile(values, 0.95), row.expectedCtdivolMaxMgy(), 0.005);
    }

    /** The station with the most studies of a standard protocol on the 32 cm phantom. */
    private static String stationWithMost(StoreRuns runs, String standardProtocol) throws Exception {
        try (Connection c = runs.store.connect(); PreparedStatement p = c.prepareStatement("SELECT s.station_name, COUNT(DISTINCT s.accession_number)"
                + " FROM dose_value d JOIN study s ON d.facility = s.facility AND d.accession_number = s.accession_number"
                + " WHERE d.standard_protocol = ? AND d.phantom_cm = 32 GROUP BY s.station_name ORDER BY 2 DESC, 1")) {
            p.setString(1, standardProtocol);
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next(), standardProtocol);
                return rs.getString(1);
            }
        }
    }

    private static double quantile(List<Double> sorted, double q) {
        double h = (sorted.size() - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.size() - 1);
        return sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo));
    }
}
