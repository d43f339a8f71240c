package org.alaraaudit.history.trend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
            TrendMedianQuery.DoseValues doses = TrendMedianQuery.load(c, range[0], range[1], by, rule);
            return new Trend(range[0], range[1], by, store.printable(), months, findings(c, range[0], range[1], by, months, audited),
                    doses.medians(), doses.steps(), rule, StoredRunQuery.load(c, range[0], range[1]),
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
            for (org.alaraaudit.history.StoredRunPeriod run : org.alaraaudit.history.StoredRunPeriod.overlapping(c, from, to)) {
                for (YearMonth m = YearMonth.from(run.first()); !m.isAfter(YearMonth.from(run.last())); m = m.plusMonths(1)) {
                    if (out.containsKey(m)) out.get(m).addAll(run.facilities());
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
    interface StudyRow {
        void accept(YearMonth month, ResultSet rs) throws SQLException;
    }

    /** Runs a query whose two parameters are the first and last month, handing each row on with its study's month. */
    static void eachStudyRow(Connection c, String sql, YearMonth from, YearMonth to, StudyRow row) throws SQLException {
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
}
