package org.alaraaudit.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.*;

class ScanLogGeneratorTest {

    static final LocalDate FROM = LocalDate.of(2026, 8, 1);
    static final LocalDate TO = LocalDate.of(2026, 10, 31);

    static final List<String> CANONICAL = List.of(
            "patient_id", "birth_date", "age_years", "sex", "weight_kg", "height_cm", "facility", "station_name",
            "manufacturer", "model", "accession_number", "study_datetime", "modality", "study_description",
            "indication", "protocol_name", "acquisition_type", "target_region", "event_datetime", "event_uid", "kvp",
            "mas", "ctdivol_mgy", "phantom", "dlp_mgycm", "scan_length_mm", "ssde_mgy", "effective_diameter_cm",
            "water_equivalent_diameter_cm", "dap_gycm2", "fluoro_time_s", "body_part", "view", "exposure_index",
            "target_exposure_index", "deviation_index", "ka_r_mgy", "peak_skin_dose_mgy", "plane");

    static final List<String> NUMERIC = List.of("age_years", "weight_kg", "height_cm", "kvp", "mas", "ctdivol_mgy",
            "phantom", "dlp_mgycm", "scan_length_mm", "ssde_mgy", "effective_diameter_cm",
            "water_equivalent_diameter_cm", "dap_gycm2", "fluoro_time_s");

    @Test
    void sameSeedGivesIdenticalOutput() {
        GeneratorSettings s = new GeneratorSettings(2500, 42, FROM, TO);
        String a = GeneratedLog.generate(s);
        String b = GeneratedLog.generate(new GeneratorSettings(2500, 42, FROM, TO));
        assertEquals(a, b);
        assertTrue(a.length() > 100_000);
    }

    @Test
    void differentSeedGivesDifferentOutput() {
        String a = GeneratedLog.generate(new GeneratorSettings(500, 1, FROM, TO));
        String b = GeneratedLog.generate(new GeneratorSettings(500, 2, FROM, TO));
        assertNotEquals(a, b);
    }

    @Test
    void headerHasAllCanonicalColumns() {
        GeneratedLog log = GeneratedLog.of(new GeneratorSettings(20, 3, FROM, TO));
        assertEquals(CANONICAL, log.header);
        assertEquals(CANONICAL, ScanLogGenerator.COLUMNS);
        assertTrue(log.text.startsWith(String.join(",", CANONICAL) + "\r\n"), "RFC 4180 header line with CRLF");
    }

    @Test
    void returnsTheNumberOfDataRows() {
        GeneratedLog log = GeneratedLog.of(new GeneratorSettings(300, 4, FROM, TO));
        assertEquals(log.rows.size(), log.written);
        assertTrue(log.studies.size() >= 300, "every study has at least one row");
    }

    @Test
    void zeroStudiesWritesTheHeaderOnly() {
        GeneratedLog log = GeneratedLog.of(new GeneratorSettings(0, 5, FROM, TO));
        assertEquals(0, log.written);
        assertTrue(log.rows.isEmpty());
        assertEquals(CANONICAL, log.header);
    }

    @Test
    void everyRowParsesExceptThePlantedBadValues() {
        GeneratedLog log = Shared.log2000();
        Set<String> modalities = Set.of("CT", "DX", "RF");
        Set<String> types = Set.of("", "SPIRAL", "SEQUENCED", "CONSTANT_ANGLE", "STATIONARY");
        Set<String> regions = Set.of("HEAD", "NECK", "CHEST", "ABDOMEN_PELVIS", "CHEST_ABDOMEN_PELVIS", "EXTREMITY",
                "ABDOMEN", "OTHER");
        int planted = 0;
        for (Map<String, String> r : log.rows) {
            LocalDate.parse(r.get("birth_date"));
            LocalDateTime.parse(r.get("study_datetime"));
            LocalDateTime.parse(r.get("event_datetime"));
            assertTrue(Set.of("M", "F", "O").contains(r.get("sex")), r.toString());
            assertTrue(modalities.contains(r.get("modality")), r.toString());
            assertTrue(types.contains(r.get("acquisition_type")), r.toString());
            assertTrue(regions.contains(r.get("target_region")), r.toString());
            assertTrue(Set.of("", "16", "32").contains(r.get("phantom")), r.toString());
            assertFalse(r.get("patient_id").isEmpty());
            assertFalse(r.get("facility").isEmpty());
            assertFalse(r.get("station_name").isEmpty());
            assertFalse(r.get("event_uid").isEmpty());
            if (!isQaId(r.get("patient_id"))) {
                assertTrue(r.get("patient_id").matches("MRN\\d{8}"), r.get("patient_id"));
            }
            if (r.get("modality").equals("CT")) {
                assertFalse(r.get("protocol_name").isEmpty(), "CT rows carry a protocol");
            }
            boolean bad = false;
            for (String c : NUMERIC) {
                String v = r.get(c);
                if (!v.isEmpty() && GeneratedLog.number(v) == null) {
                    assertEquals("ctdivol_mgy", c, "only the planted '12,5O' value is not a number: " + v);
                    assertTrue(v.matches("\\d+,\\dO"), v);
                    bad = true;
                }
            }
            Double kvp = GeneratedLog.number(r.get("kvp"));
            Double dlp = GeneratedLog.number(r.get("dlp_mgycm"));
            if (kvp != null && (kvp < 40 || kvp > 150)) {
                assertEquals(300.0, kvp);
                bad = true;
            }
            if (dlp != null && dlp < 0) {
                bad = true;
            }
            if (r.get("accession_number").isEmpty()) {
                bad = true;
            }
            if (bad) {
                planted++;
            }
        }
        // one per 1,000 studies of each of the four kinds
        assertTrue(planted >= 8 && planted <= 12, "planted bad rows: " + planted);
    }

    private static boolean isQaId(String id) {
        return id.startsWith("QA-") || id.startsWith("QC-") || id.contains("PHANTOM");
    }

    @Test
    void datesLieWithinTheRangeAndRowsAreInStudyOrder() {
        LocalDate from = LocalDate.of(2026, 3, 10);
        LocalDate to = LocalDate.of(2026, 3, 12);
        GeneratedLog log = GeneratedLog.of(new GeneratorSettings(800, 9, from, to));
        LocalDateTime start = from.atStartOfDay();
        LocalDateTime end = to.atTime(23, 59, 59);
        LocalDateTime previous = start;
        for (Map<String, String> r : log.rows) {
            LocalDateTime s = LocalDateTime.parse(r.get("study_datetime"));
            LocalDateTime e = LocalDateTime.parse(r.get("event_datetime"));
            assertFalse(s.isBefore(start) || s.isAfter(end), s.toString());
            assertFalse(e.isBefore(s) || e.isAfter(end), e.toString());
            assertFalse(s.isBefore(previous), "rows in study_datetime order: " + s + " after " + previous);
            previous = s;
            assertTrue(LocalDate.parse(r.get("birth_date")).isBefore(s.toLocalDate().plusDays(1)));
        }
        // a long range is used evenly
        GeneratedLog year = GeneratedLog.of(new GeneratorSettings(1200, 9, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31)));
        Map<Integer, Long> perMonth = year.studies.values().stream().collect(Collectors.groupingBy(
                rs -> LocalDateTime.parse(rs.get(0).get("study_datetime")).getMonthValue(), Collectors.counting()));
        assertEquals(12, perMonth.size());
        perMonth.values().forEach(c -> assertTrue(c > 60 && c < 150, perMonth.toString()));
    }

    @Test
    void aboutThirtyPercentOfStudiesArePediatric() {
        GeneratedLog log = Shared.log2000();
        long studies = 0;
        long pediatric = 0;
        for (List<Map<String, String>> s : log.studies.values()) {
            if (GeneratedLog.isQa(s.get(0))) {
                continue;
            }
            studies++;
            if (GeneratedLog.age(s.get(0)) < 18) {
                pediatric++;
            }
        }
        double share = (double) pediatric / studies;
        assertTrue(share > 0.25 && share < 0.36, "pediatric share " + share);
    }

    @Test
    void childrenHaveAPlausibleSizeForTheirAge() {
        for (Map<String, String> r : Shared.log2000().rows) {
            Double w = GeneratedLog.number(r.get("weight_kg"));
            if (w == null || GeneratedLog.isQa(r)) {
                continue;
            }
            double age = GeneratedLog.age(r);
            if (age < 1) {
                assertTrue(w >= 1.5 && w < 16, age + " y, " + w + " kg");
            } else if (age < 5) {
                assertTrue(w >= 6 && w < 30, age + " y, " + w + " kg");
            } else if (age < 10) {
                assertTrue(w >= 10 && w < 55, age + " y, " + w + " kg");
            } else if (age >= 18) {
                assertTrue(w >= 40 && w <= 200, age + " y, " + w + " kg");
            }
        }
    }

    @Test
    void twoFacilitiesFourCtScannersAndOneDxRoomEach() {
        GeneratedLog log = Shared.log2000();
        Map<String, Set<String>> ct = new HashMap<>();
        Map<String, Set<String>> dx = new HashMap<>();
        Map<String, Set<String>> rf = new HashMap<>();
        for (Map<String, String> r : log.rows) {
            String m = r.get("modality");
            (m.equals("CT") ? ct : m.equals("DX") ? dx : rf).computeIfAbsent(r.get("facility"), k -> new HashSet<>())
                    .add(r.get("station_name"));
        }
        assertEquals(2, rf.values().stream().mapToInt(Set::size).sum(), "one fluoroscopy room each");
        assertEquals(Set.of("St Elsewhere Children's", "County General"), ct.keySet());
        assertEquals(4, ct.values().stream().mapToInt(Set::size).sum());
        assertEquals(2, dx.values().stream().mapToInt(Set::size).sum());
        // DX events carry a DAP, CT events CTDIvol / DLP, with DLP = CTDIvol x length
        for (Map<String, String> r : log.rows) {
            Double ctdi = GeneratedLog.number(r.get("ctdivol_mgy"));
            Double dlp = GeneratedLog.number(r.get("dlp_mgycm"));
            Double len = GeneratedLog.number(r.get("scan_length_mm"));
            if (r.get("modality").equals("CT") && ctdi != null && dlp != null && dlp > 0 && len != null
                    && !GeneratedLog.isQa(r) && !r.get("study_description").endsWith("(CORRECTED)")) {
                assertEquals(ctdi * len / 10, dlp, Math.max(0.05, dlp * 0.01), r.toString());
            }
            if (r.get("acquisition_type").equals("SPIRAL")) {
                assertEquals(r.get("target_region").equals("HEAD") ? "16" : "32", r.get("phantom"), r.toString());
            }
        }
    }

    @Test
    void everyKindOfPlantedCaseIsPresent() {
        Violations v = Violations.find(Shared.log2000());
        for (String kind : Violations.KINDS) {
            assertTrue(v.count(kind) >= 1, kind + " missing; found " + v.counts);
        }
        // and most studies are clean: planted shares stay small
        assertTrue(v.count("PEDIATRIC_ADULT_PROTOCOL") < 60, v.counts.toString());
        assertTrue(v.count("CT_ALERT_VALUE") <= 6, v.counts.toString());
    }

    @Test
    void countyGeneralPediatricBodyMediansExceedTheDrlStElsewhereStaysBelow() {
        Violations v = Violations.find(Shared.log2000());
        assertFalse(v.drlAbove.isEmpty(), "no DRL group above: " + v.drlGroups);
        assertTrue(v.drlAbove.stream().allMatch(g -> g.startsWith("County General")), v.drlAbove.toString());
        assertTrue(v.drlGroups.keySet().stream().anyMatch(g -> g.startsWith("St Elsewhere")), v.drlGroups.toString());
    }

    @Test
    void plantedCasesScaleWithTheNumberOfStudies() {
        Violations small = Violations.find(Shared.log2000());
        Violations big = Violations.find(GeneratedLog.of(new GeneratorSettings(6000, 11, FROM, TO)));
        for (String kind : List.of("PEDIATRIC_ADULT_PROTOCOL", "REPEAT_STUDY", "QA_PHANTOM", "CT_ALERT_VALUE")) {
            double ratio = (double) big.count(kind) / small.count(kind);
            assertTrue(ratio > 2 && ratio < 4.5, kind + " " + small.count(kind) + " -> " + big.count(kind));
        }
    }

    @Test
    void writeByMonthSplitsTheSameRowsIntoMonthlyFiles(@TempDir Path dir) throws IOException {
        GeneratorSettings s = new GeneratorSettings(900, 12, FROM, TO);
        String whole = GeneratedLog.generate(s);
        long n = new ScanLogGenerator(s).writeByMonth(dir, "scan-log-");
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        assertEquals(List.of("scan-log-2026-08.csv", "scan-log-2026-09.csv", "scan-log-2026-10.csv"), names);
        String[] lines = whole.split("\r\n");
        List<String> joined = new ArrayList<>();
        joined.add(lines[0]);
        long rows = 0;
        for (String name : names) {
            List<String> part = List.of(Files.readString(dir.resolve(name), StandardCharsets.UTF_8).split("\r\n"));
            assertEquals(lines[0], part.get(0), "each part has the header");
            String month = name.substring("scan-log-".length(), name.length() - 4);
            GeneratedLog partLog = GeneratedLog.parse(String.join("\r\n", part) + "\r\n");
            for (Map<String, String> r : partLog.rows) {
                assertEquals(month, r.get("study_datetime").substring(0, 7));
            }
            rows += partLog.rows.size();
            joined.addAll(part.subList(1, part.size()));
        }
        assertEquals(n, rows);
        assertEquals(String.join("\r\n", lines), String.join("\r\n", joined), "same rows in the same order");
    }

    @Test
    void writeByMonthWritesAHeaderOnlyFileForAnEmptyMonth(@TempDir Path dir) throws IOException {
        long n = new ScanLogGenerator(new GeneratorSettings(1, 3, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)))
                .writeByMonth(dir.resolve("sub"), ScanLogGenerator.DEFAULT_MONTH_PREFIX);
        assertTrue(n >= 1);
        for (YearMonth m = YearMonth.of(2026, 1); !m.isAfter(YearMonth.of(2026, 3)); m = m.plusMonths(1)) {
            Path f = dir.resolve("sub").resolve(ScanLogGenerator.monthFileName("scan-log-", m));
            assertTrue(Files.exists(f), f.toString());
            assertTrue(Files.readString(f).startsWith("patient_id,"));
        }
    }

    @Test
    void badCountsOrDatesAreRefusedAndAMissingDateMakesATwelveMonthPeriod() {
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(-1, 1, FROM, TO));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(1, 1, TO, FROM));
        GeneratorSettings none = new GeneratorSettings(1, 1, null, null);
        assertEquals(GeneratorSettings.DEFAULT_FROM, none.from());
        assertEquals(GeneratorSettings.DEFAULT_TO, none.to());
        GeneratorSettings onlyFrom = new GeneratorSettings(1, 1, LocalDate.of(2025, 3, 1), null);
        assertEquals(LocalDate.of(2026, 2, 28), onlyFrom.to());
        GeneratorSettings onlyTo = new GeneratorSettings(1, 1, null, LocalDate.of(2026, 10, 31));
        assertEquals(LocalDate.of(2025, 11, 1), onlyTo.from());
        assertEquals(GeneratorSettings.of(5, 6), new GeneratorSettings(5, 6, null, null));
    }

    @Test
    void aSingleDayAndTinyRunsWork() {
        GeneratedLog one = GeneratedLog.of(new GeneratorSettings(1, 1, FROM, FROM));
        assertFalse(one.rows.isEmpty());
        GeneratedLog day = GeneratedLog.of(new GeneratorSettings(3000, 1, FROM, FROM));
        for (Map<String, String> r : day.rows) {
            assertEquals(FROM.toString(), r.get("study_datetime").substring(0, 10));
            assertEquals(FROM.toString(), r.get("event_datetime").substring(0, 10));
        }
    }

    @Test
    void memoryIsBoundedByDesignWhenStreamingManyStudies() throws IOException {
        // 200,000 studies to a writer that only counts: nothing is kept per study, so this runs in the
        // default test heap.
        CountingWriter out = new CountingWriter();
        GeneratorSettings s = new GeneratorSettings(200_000, 77, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
        long written = new ScanLogGenerator(s).write(out);
        assertTrue(written > 400_000, "rows: " + written);
        assertEquals(written + 1, out.lineBreaks, "header + one line per row (no line breaks inside values)");
    }

    @Test
    void theOnlyGrowingStateIsCapped() throws IOException {
        // the patient pool (revisits) and the planned visits (repeats, follow-ups) have fixed caps
        Engine engine = new Engine(new GeneratorSettings(50_000, 78, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
        long[] lines = new long[1];
        long rows = engine.run((cells, t) -> lines[0]++);
        assertEquals(rows, lines[0]);
        assertEquals(PatientPool.CAPACITY, engine.poolSize(), "the pool fills up and then evicts");
        assertTrue(engine.queuePeak() > 0 && engine.queuePeak() <= VisitPlan.CAPACITY);
    }

    /** A Writer that keeps nothing: counts characters and line ends. */
    static final class CountingWriter extends Writer {
        long chars;
        long lineBreaks;

        @Override
        public void write(char[] buf, int off, int len) {
            chars += len;
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    lineBreaks++;
                }
            }
        }

        @Override
        public void write(String str, int off, int len) {
            chars += len;
            for (int i = off; i < off + len; i++) {
                if (str.charAt(i) == '\n') {
                    lineBreaks++;
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** Generated once for the tests that only read. */
    static final class Shared {
        private static GeneratedLog log;

        static synchronized GeneratedLog log2000() {
            if (log == null) {
                log = GeneratedLog.of(new GeneratorSettings(2000, 20261031, FROM, TO));
            }
            return log;
        }
    }
}
