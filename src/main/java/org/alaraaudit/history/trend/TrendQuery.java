package org.alaraaudit.history.trend;

import org.alaraaudit.model.ConfidenceInterval;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.alaraaudit.audit.aggregate.DoseSample;
import org.alaraaudit.audit.aggregate.GroupContrast;
import org.alaraaudit.history.HistoryException;
import org.alaraaudit.history.HistoryStore;
import org.alaraaudit.model.Severity;

/**
 * Reads the trend from the store's audited studies and dose values and aggregates it here, not in SQL: medians
 * are not portable SQL, and a year of studies is a few tens of thousands of rows.
 */
public final class TrendQuery {
    private final HistoryStore store;

    public TrendQuery(HistoryStore store) { this.store = store; }

    /**
     * @param from first month, or null for the earliest audited month in the store
     * @param to   last month, or null for the latest
     * @return null when the store holds no audited study in those months
     */
    public Trend load(YearMonth from, YearMonth to, Grouping by, StepRule rule) {
        try (Connection c = store.connect()) {
            YearMonth[] range = range(c, from, to);
            if (range == null) return null;
            Coverage audited = Coverage.of(c, range[0], range[1]);
            List<MonthFigures> months = months(c, range[0], range[1], by, audited);
            if (months.stream().allMatch(m -> m.studies() == 0)) return null;
            DoseValues doses = doseValues(c, range[0], range[1], by, rule);
            return new Trend(range[0], range[1], by, store.printable(), months, findings(c, range[0], range[1], by, months, audited),
                    doses.medians(), doses.steps(), rule, runs(c, range[0], range[1]),
                    new XrayTrendQuery(c, range[0], range[1]).load(), audited.notAudited(), audited.facilitiesNotAudited());
        } catch (SQLException e) {
            throw new HistoryException("cannot read the history store " + store.printable() + ": " + HistoryStore.rootMessage(e), e);
        }
    }

    private static YearMonth[] range(Connection c, YearMonth from, YearMonth to) throws SQLException {
        if (from != null && to != null) return new YearMonth[]{from, to};
        try (PreparedStatement p = c.prepareStatement("SELECT MIN(study_month), MAX(study_month) FROM study WHERE audited");
             ResultSet rs = p.executeQuery()) {
            if (!rs.next() || rs.getString(1) == null) return null;
            YearMonth first = from != null ? from : YearMonth.parse(rs.getString(1).trim());
            YearMonth last = to != null ? to : YearMonth.parse(rs.getString(2).trim());
            return last.isBefore(first) ? null : new YearMonth[]{first, last};
        }
    }

    /**
     * Which facilities a stored run audited in each month of the range (a run over part of a month counts for it): a
     * series of a facility no run audited that month has no figure there, not a zero, and a month no run reaches
     * into is left out of the trend altogether.
     */
    private record Coverage(YearMonth from, YearMonth to, Map<YearMonth, Set<String>> facilities) {
        static Coverage of(Connection c, YearMonth from, YearMonth to) throws SQLException {
            Map<YearMonth, Set<String>> out = new TreeMap<>();
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) out.put(m, new TreeSet<>());
            try (PreparedStatement p = c.prepareStatement("SELECT period_from, period_to, facilities FROM audit_run"
                    + " WHERE period_from <= ? AND period_to >= ?")) {
                p.setObject(1, to.atEndOfMonth());
                p.setObject(2, from.atDay(1));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        YearMonth first = YearMonth.from(rs.getObject(1, LocalDate.class));
                        YearMonth last = YearMonth.from(rs.getObject(2, LocalDate.class));
                        String names = rs.getString(3);
                        List<String> facilities = names == null || names.isEmpty() ? List.of() : List.of(names.split("\\|"));
                        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                            if (out.containsKey(m)) out.get(m).addAll(facilities);
                        }
                    }
                }
            }
            return new Coverage(from, to, out);
        }

        boolean audited(YearMonth m) { return !facilities.get(m).isEmpty(); }

        /** Whether the series of {@code facility} has a figure in {@code m}; null: the series of all facilities. */
        boolean audited(YearMonth m, String facility) {
            return facility == null ? audited(m) : facilities.get(m).contains(facility);
        }

        List<YearMonth> notAudited() { return facilities.keySet().stream().filter(m -> !audited(m)).toList(); }

        /** The trend's facilities, per month some other facility was audited in, that no run audited then. */
        Map<YearMonth, List<String>> facilitiesNotAudited() {
            Set<String> all = new TreeSet<>();
            for (Set<String> f : facilities.values()) all.addAll(f);
            Map<YearMonth, List<String>> out = new TreeMap<>();
            for (Map.Entry<YearMonth, Set<String>> e : facilities.entrySet()) {
                if (e.getValue().isEmpty()) continue;
                List<String> missing = all.stream().filter(f -> !e.getValue().contains(f)).toList();
                if (!missing.isEmpty()) out.put(e.getKey(), missing);
            }
            return out;
        }
    }

    private static final class Counts {
        long studies;
        long pediatric;
        long ct;
        long pediatricCt;
        long adultProtocol;
        long repeated;
        final Map<Severity, Long> findings = new EnumMap<>(Severity.class);
    }

    private static List<MonthFigures> months(Connection c, YearMonth from, YearMonth to, Grouping by, Coverage audited)
            throws SQLException {
        Map<String, Map<YearMonth, Counts>> groups = new TreeMap<>();
        Map<String, String> facilityOf = new HashMap<>();
        eachStudyRow(c, "SELECT study_month, facility, station_name, main_protocol, modality, pediatric,"
                + " adult_protocol, repeated, findings_critical, findings_major, findings_minor, findings_info FROM study"
                + " WHERE audited AND study_month BETWEEN ? AND ?", from, to, (m, rs) -> {
            String group = by.key(rs.getString(2), rs.getString(3), rs.getString(4));
            if (by != Grouping.ALL) facilityOf.putIfAbsent(group, rs.getString(2));
            Counts n = groups.computeIfAbsent(group, k -> new TreeMap<>()).computeIfAbsent(m, k -> new Counts());
            boolean ct = "CT".equals(rs.getString(5));
            boolean pediatric = rs.getBoolean(6);
            n.studies++;
            if (pediatric) n.pediatric++;
            if (ct) n.ct++;
            if (ct && pediatric) n.pediatricCt++;
            if (ct && pediatric && rs.getBoolean(7)) n.adultProtocol++;
            if (ct && rs.getBoolean(8)) n.repeated++;
            Severity[] order = {Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.INFO};
            for (int i = 0; i < order.length; i++) n.findings.merge(order[i], (long) rs.getInt(9 + i), Long::sum);
        });
        List<MonthFigures> out = new ArrayList<>();
        for (Map.Entry<String, Map<YearMonth, Counts>> g : groups.entrySet()) {
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                if (!audited.audited(m, facilityOf.get(g.getKey()))) continue;
                Counts n = g.getValue().getOrDefault(m, new Counts());
                Map<Severity, Long> findings = new EnumMap<>(Severity.class);
                for (Severity s : Severity.values()) findings.put(s, n.findings.getOrDefault(s, 0L));
                out.add(new MonthFigures(m, g.getKey(), n.studies, n.pediatric, n.ct, n.pediatricCt, n.adultProtocol, n.repeated, findings));
            }
        }
        return out;
    }

    /**
     * Every finding the runs reported, in the month of its study (or of its time; a finding over a run's whole
     * period in the run's last month), per series, plus one row per month for all facilities together ({@link
     * Trend#ALL_FACILITIES}). By station a finding over a station's protocol counts for its station; by station or
     * protocol any other finding on no single study (a DRL group) belongs to no series, and still counts for all
     * facilities together.
     *
     * <p>A finding two runs reported (an audit over a range that overlaps the monthly runs) counts once, as the newest
     * run has it; a finding on a run's whole period counts only for a run of one calendar month, the trend's unit (a
     * range's DRL group is about other weeks than any month's), and a patient's cumulative dose once a month, from the
     * month's own run where one is stored ({@link org.alaraaudit.history.PatientFindingMonths}).
     */
    private static List<MonthFindings> findings(Connection c, YearMonth from, YearMonth to, Grouping by, List<MonthFigures> months,
                                                Coverage audited) throws SQLException {
        Map<String, Map<YearMonth, Map<Severity, Long>>> counts = new TreeMap<>();
        Set<String> counted = new HashSet<>();
        org.alaraaudit.history.PatientFindingMonths patients = org.alaraaudit.history.PatientFindingMonths.of(c, from, to);
        try (PreparedStatement p = c.prepareStatement("SELECT f.severity, f.facility, f.study_datetime, r.period_to, s.study_month,"
                + " s.station_name, s.main_protocol, f.finding_id, r.period_from, f.station_name, f.scope, f.rule_id, f.accession_number"
                + " FROM run_finding f JOIN audit_run r ON r.id = f.run_id"
                + " LEFT JOIN study s ON s.facility = f.facility AND s.accession_number = f.accession_number AND s.audited"
                + " AND s.run_id = f.run_id WHERE r.period_from <= ? AND r.period_to >= ? ORDER BY r.recorded_at DESC, r.id DESC")) {
            p.setObject(1, to.atEndOfMonth());
            p.setObject(2, from.atDay(1));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Severity sev = Severity.valueOf(rs.getString(1).trim());
                    String facility = rs.getString(2);
                    LocalDateTime at = rs.getObject(3, LocalDateTime.class);
                    String studyMonth = rs.getString(5);
                    if (counted.contains(rs.getString(8).trim())) continue;
                    LocalDate runFrom = rs.getObject(9, LocalDate.class);
                    LocalDate runTo = rs.getObject(4, LocalDate.class);
                    boolean onThePeriod = studyMonth == null && at == null;
                    if (onThePeriod && !(runFrom.getDayOfMonth() == 1 && runTo.equals(YearMonth.from(runFrom).atEndOfMonth()))) continue;
                    YearMonth m = studyMonth != null ? YearMonth.parse(studyMonth.trim())
                            : at != null ? YearMonth.from(at) : YearMonth.from(rs.getObject(4, LocalDate.class));
                    if (m.isBefore(from) || m.isAfter(to)) continue;
                    // A patient's cumulative dose counts once a month, as the month's own run has it (PatientFindingMonths).
                    if (!patients.counts(rs.getString(11), rs.getString(12), facility, rs.getString(13), m, runFrom, runTo)) continue;
                    counted.add(rs.getString(8).trim());
                    count(counts, Trend.ALL_FACILITIES, m, sev);
                    // A finding over a station's protocol names its station (stored since V5): by station it is that
                    // station's; by protocol, and a DRL group's by either, it belongs to no series below the facility.
                    String findingStation = rs.getString(10);
                    String group = by == Grouping.ALL ? "all" : by == Grouping.FACILITY ? facility
                            : studyMonth != null ? by.key(facility, rs.getString(6), rs.getString(7))
                            : by == Grouping.STATION && findingStation != null ? by.key(facility, findingStation, null) : null;
                    if (group != null) count(counts, group, m, sev);
                }
            }
        }
        Map<String, Map<YearMonth, Long>> studies = new TreeMap<>();
        for (MonthFigures f : months) {
            studies.computeIfAbsent(f.group(), k -> new TreeMap<>()).merge(f.month(), f.studies(), Long::sum);
            if (by != Grouping.ALL) studies.computeIfAbsent(Trend.ALL_FACILITIES, k -> new TreeMap<>()).merge(f.month(), f.studies(), Long::sum);
        }
        if (by == Grouping.ALL) studies.put(Trend.ALL_FACILITIES, studies.getOrDefault("all", Map.of()));
        List<MonthFindings> out = new ArrayList<>();
        for (Map.Entry<String, Map<YearMonth, Long>> g : studies.entrySet()) {
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                // A series has a month where the studies say so (its facility audited then; see months()).
                if (!audited.audited(m) || !g.getKey().equals(Trend.ALL_FACILITIES) && !g.getValue().containsKey(m)) continue;
                Map<Severity, Long> n = new EnumMap<>(Severity.class);
                for (Severity s : Severity.values()) {
                    n.put(s, counts.getOrDefault(g.getKey(), Map.of()).getOrDefault(m, Map.of()).getOrDefault(s, 0L));
                }
                out.add(new MonthFindings(m, g.getKey(), g.getValue().getOrDefault(m, 0L), n));
            }
        }
        return out;
    }

    /** One row of a query over audited studies, with the month of its study (the query's first column). */
    private interface StudyRow {
        void accept(YearMonth month, ResultSet rs) throws SQLException;
    }

    /** Runs a query whose two parameters are the first and last month, handing each row on with its study's month. */
    private static void eachStudyRow(Connection c, String sql, YearMonth from, YearMonth to, StudyRow row) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, from.toString());
            p.setString(2, to.toString());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) row.accept(YearMonth.parse(rs.getString(1).trim()), rs);
            }
        }
    }

    private static void count(Map<String, Map<YearMonth, Map<Severity, Long>>> counts, String group, YearMonth m, Severity s) {
        counts.computeIfAbsent(group, k -> new TreeMap<>()).computeIfAbsent(m, k -> new EnumMap<>(Severity.class)).merge(s, 1L, Long::sum);
    }

    /** One sample of values with the studies they come from (the DRL minimum sample counts studies). */
    private static final class Sample {
        final DoseSample values = new DoseSample();
        final Set<String> studies = new HashSet<>();
        Double drl;
    }

    private record MedianKey(String group, String drlSet, String examType, String band, int bandLine, String quantity, YearMonth month,
                             String unmatched) {}

    private record ProtocolKey(String facility, String station, String protocol) {}

    private record DoseValues(List<DoseMedian> medians, List<MedianStep> steps) {}

    private static DoseValues doseValues(Connection c, YearMonth from, YearMonth to, Grouping by, StepRule rule) throws SQLException {
        Map<MedianKey, Sample> drlSamples = new TreeMap<>(MEDIAN_ORDER);
        Map<ProtocolKey, Map<YearMonth, Sample>> protocolSamples = new TreeMap<>(PROTOCOL_ORDER);
        Map<String, String> rowContrast = new HashMap<>();
        eachStudyRow(c, "SELECT s.study_month, s.facility, s.station_name, s.main_protocol,"
                + " s.accession_number, d.quantity, d.standard_protocol, d.measured, d.phantom_cm, d.drl_set, d.exam_type, d.band,"
                + " d.band_line, d.drl, d.drl_phantom_cm, d.contrast_label FROM dose_value d JOIN study s ON s.facility = d.facility"
                + " AND s.accession_number = d.accession_number WHERE s.audited AND s.study_month BETWEEN ? AND ?", from, to, (m, rs) -> {
            String facility = rs.getString(2);
            String station = rs.getString(3);
            String study = facility + "\u001f" + rs.getString(5);
            String quantity = rs.getString(6);
            String protocol = rs.getString(7);
            double value = rs.getDouble(8);
            int phantom = rs.getInt(9);
            String examType = rs.getString(11);
            if (examType != null && phantom == rs.getInt(15)) {
                // Exams of another contrast than their DRL row's are a group of their own, as in the audit; the row's
                // own "with contrast" is kept apart from the key, so months stored before the label was kept (none)
                // stay in one series with the later ones.
                String contrast = rs.getString(16);
                boolean unmatched = GroupContrast.unmatched(contrast);
                // Keyed on the row's set, exam type, band and line: an adult table of the same set numbers its lines anew.
                if (contrast != null && !unmatched) rowContrast.put(rowKey(rs.getString(10), examType, rs.getString(12), rs.getInt(13)), contrast);
                MedianKey k = new MedianKey(by.medianKey(facility, station, rs.getString(4)), rs.getString(10), examType,
                        rs.getString(12), rs.getInt(13), quantity, m, unmatched ? contrast : null);
                Sample s = drlSamples.computeIfAbsent(k, x -> new Sample());
                s.values.add(value);
                s.studies.add(study);
                double drl = rs.getDouble(14);
                if (!rs.wasNull()) s.drl = drl;
            }
            if ("CTDIvol".equals(quantity) && protocol != null) {
                Sample s = protocolSamples.computeIfAbsent(new ProtocolKey(facility, station, protocol), x -> new TreeMap<>())
                        .computeIfAbsent(m, x -> new Sample());
                s.values.add(value);
                s.studies.add(study);
            }
        });
        List<DoseMedian> medians = new ArrayList<>();
        for (Map.Entry<MedianKey, Sample> e : drlSamples.entrySet()) {
            MedianKey k = e.getKey();
            Sample s = e.getValue();
            String contrast = k.unmatched() != null ? k.unmatched() : rowContrast.get(rowKey(k.drlSet(), k.examType(), k.band(), k.bandLine()));
            // Named as the audit's DRL table names the group (model.DoseGroup#getExamName).
            String examType = (contrast == null ? k.examType() : k.examType() + " " + contrast).replace('_', ' ');
            medians.add(new DoseMedian(k.month(), k.group(), k.drlSet(), examType, k.band(), k.bandLine(), k.quantity(),
                    s.values.size(), s.studies.size(), s.values.median(), s.drl, s.studies.size() >= rule.minStudies(),
                    ConfidenceInterval.of(s.values.medianInterval())));
        }
        return new DoseValues(medians, steps(protocolSamples, rule));
    }

    private static String rowKey(String drlSet, String examType, String band, int line) {
        return drlSet + "\u001f" + examType + "\u001f" + band + "\u001f" + line;
    }

    /** Consecutive calendar months of one protocol at one station, both with the minimum sample, compared. */
    private static List<MedianStep> steps(Map<ProtocolKey, Map<YearMonth, Sample>> samples, StepRule rule) {
        List<MedianStep> out = new ArrayList<>();
        for (Map.Entry<ProtocolKey, Map<YearMonth, Sample>> e : samples.entrySet()) {
            Map<YearMonth, Sample> byMonth = e.getValue();
            for (Map.Entry<YearMonth, Sample> m : byMonth.entrySet()) {
                Sample before = byMonth.get(m.getKey().minusMonths(1));
                Sample after = m.getValue();
                if (before == null || before.studies.size() < rule.minStudies() || after.studies.size() < rule.minStudies()) continue;
                double b = before.values.median();
                double a = after.values.median();
                if (b > 0 && Math.abs(a / b - 1) > rule.fraction()) {
                    ProtocolKey k = e.getKey();
                    out.add(new MedianStep(k.facility(), k.station(), k.protocol(), m.getKey().minusMonths(1), m.getKey(), b, a,
                            before.studies.size(), after.studies.size(), ConfidenceInterval.of(before.values.medianInterval()),
                            ConfidenceInterval.of(after.values.medianInterval())));
                }
            }
        }
        return out;
    }

    /**
     * The DRL citations the audits of these months judged their groups against, each once, in set and citation
     * order: the trend compares medians with those DRLs and must say whose they are.
     */
    public List<String> drlSources(YearMonth from, YearMonth to) {
        List<String> out = new ArrayList<>();
        try (Connection c = store.connect(); PreparedStatement p = c.prepareStatement("SELECT DISTINCT g.drl_set, g.source FROM run_drl_group g"
                + " JOIN audit_run r ON r.id = g.run_id WHERE r.period_from <= ? AND r.period_to >= ? AND g.source IS NOT NULL"
                + " ORDER BY g.drl_set, g.source")) {
            p.setObject(1, to.atEndOfMonth());
            p.setObject(2, from.atDay(1));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(rs.getString(2));
            }
        } catch (SQLException e) {
            throw new HistoryException("cannot read the history store " + store.printable() + ": " + HistoryStore.rootMessage(e), e);
        }
        return out;
    }

    private List<StoredRun> runs(Connection c, YearMonth from, YearMonth to) throws SQLException {
        List<StoredRun> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT r.id, r.period_from, r.period_to, r.facilities, r.generated_at,"
                + " r.tool_version, r.rule_set_digest, r.studies, r.rows_read, r.rows_audited, r.rows_rejected, r.rows_duplicate,"
                + " r.rows_excluded, r.rows_outside_period FROM audit_run r WHERE r.period_from <= ? AND r.period_to >= ?"
                + " ORDER BY r.period_from, r.period_to, r.recorded_at, r.id");
             PreparedStatement inputs = c.prepareStatement("SELECT file_name, read_as, profile_sha256 FROM run_input WHERE run_id = ? ORDER BY ordinal")) {
            p.setObject(1, to.atEndOfMonth());
            p.setObject(2, from.atDay(1));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    inputs.setLong(1, rs.getLong(1));
                    List<String> files = new ArrayList<>();
                    try (ResultSet in = inputs.executeQuery()) {
                        while (in.next()) files.add(input(in.getString(1), in.getString(2), in.getString(3)));
                    }
                    out.add(new StoredRun(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                            rs.getString(4).replace("|", ", "), rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                            rs.getString(6), rs.getString(7), rs.getLong(8), String.join(", ", files),
                            java.util.Arrays.stream(rs.getString(4).split("\\|")).filter(f -> !f.isBlank()).toList(),
                            new StoredRun.Rows(rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14))));
                }
            }
        }
        return out;
    }

    /**
     * An input file as the trend's list of runs names it: with how it was read, as the audit report said, so the
     * same file read with two layouts is told apart. Inputs stored before V6 give their name only.
     */
    static String input(String file, String readAs, String profileSha256) {
        if (profileSha256 != null) return file + " (read with the profile file " + readAs + ", SHA-256 " + profileSha256.substring(0, Math.min(12, profileSha256.length())) + ")";
        return readAs == null ? file : file + " (read as " + readAs + ")";
    }

    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<MedianKey> MEDIAN_ORDER = Comparator.comparing(MedianKey::group, TEXT)
            .thenComparing(MedianKey::drlSet, TEXT).thenComparing(MedianKey::bandLine)
            .thenComparing(MedianKey::quantity, TEXT).thenComparing(MedianKey::unmatched, TEXT).thenComparing(MedianKey::month);
    private static final Comparator<ProtocolKey> PROTOCOL_ORDER = Comparator.comparing(ProtocolKey::facility, TEXT)
            .thenComparing(ProtocolKey::station, TEXT).thenComparing(ProtocolKey::protocol, TEXT);
}
