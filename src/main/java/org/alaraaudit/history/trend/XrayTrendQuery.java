package org.alaraaudit.history.trend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alaraaudit.model.ProjectionAgeBands;

/**
 * Reads the runs' radiography and fluoroscopy figures (V3) into months. A run's figures belong to the month its
 * period lies in; where several runs of a month cover one facility, the one over most days counts, then the one
 * recorded last, so two runs over the same month never add up twice.
 */
final class XrayTrendQuery {
    private final Connection c;
    private final YearMonth from;
    private final YearMonth to;

    XrayTrendQuery(Connection c, YearMonth from, YearMonth to) {
        this.c = c;
        this.from = from;
        this.to = to;
    }

    /** {@code pediatricAgeYears}: the run's pediatric limit, where its oldest children's band ended. */
    private record StoredPeriod(long id, YearMonth month, long days, Timestamp recordedAt, double pediatricAgeYears) {}

    private static final Comparator<StoredPeriod> PREFERRED = Comparator.comparingLong(StoredPeriod::days)
            .thenComparing(StoredPeriod::recordedAt).thenComparingLong(StoredPeriod::id);

    XrayTrend load() throws SQLException {
        Map<String, StoredPeriod> chosen = new HashMap<>();
        Map<Long, StoredPeriod> monthRuns = new HashMap<>();
        int severalMonths = 0;
        try (PreparedStatement p = c.prepareStatement("SELECT r.id, r.period_from, r.period_to, r.facilities, r.recorded_at,"
                + " (SELECT COUNT(*) FROM run_xray_station x WHERE x.run_id = r.id)"
                + " + (SELECT COUNT(*) FROM run_typical_value v WHERE v.run_id = r.id)"
                + " + (SELECT COUNT(*) FROM run_fluoroscopy f WHERE f.run_id = r.id)"
                + ", r.pediatric_age_years FROM audit_run r WHERE r.period_from <= ? AND r.period_to >= ?")) {
            p.setObject(1, to.atEndOfMonth());
            p.setObject(2, from.atDay(1));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(6) == 0) continue;
                    LocalDate first = rs.getObject(2, LocalDate.class);
                    LocalDate last = rs.getObject(3, LocalDate.class);
                    YearMonth month = YearMonth.from(first);
                    if (!month.equals(YearMonth.from(last))) {
                        severalMonths++;
                        continue;
                    }
                    StoredPeriod run = new StoredPeriod(rs.getLong(1), month, ChronoUnit.DAYS.between(first, last) + 1,
                            rs.getTimestamp(5), rs.getDouble(7));
                    monthRuns.put(run.id(), run);
                    for (String facility : rs.getString(4).split("\\|", -1)) {
                        chosen.merge(facility + "\u001f" + month, run, (a, b) -> PREFERRED.compare(a, b) >= 0 ? a : b);
                    }
                }
            }
        }
        List<XrayStationMonth> stations = new ArrayList<>();
        each("SELECT x.run_id, x.facility, x.station_name, x.radiographs, x.retakes, x.di_count, x.di_median, x.di_above,"
                + " x.di_below FROM run_xray_station x" + IN_MONTHS, chosen, monthRuns, (run, rs) -> {
            double median = rs.getDouble(7);
            Double diMedian = rs.wasNull() ? null : median;
            stations.add(new XrayStationMonth(run.month(), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    diMedian, rs.getLong(8), rs.getLong(9)));
        });
        List<TypicalDapMonth> typical = new ArrayList<>();
        each("SELECT x.run_id, x.facility, x.kind, x.exam, x.band, x.n, x.median_dap_gycm2 FROM run_typical_value x" + IN_MONTHS,
                chosen, monthRuns, (run, rs) -> typical.add(new TypicalDapMonth(run.month(), rs.getString(2), rs.getString(3),
                        rs.getString(4), ProjectionAgeBands.stored(rs.getString(5), run.pediatricAgeYears()), rs.getLong(6),
                        rs.getDouble(7))));
        List<FluoroscopyMonth> fluoroscopy = new ArrayList<>();
        each("SELECT x.run_id, x.facility, x.procedures, x.skin_follow_up FROM run_fluoroscopy x" + IN_MONTHS, chosen, monthRuns,
                (run, rs) -> fluoroscopy.add(new FluoroscopyMonth(run.month(), rs.getString(2), rs.getLong(3), rs.getLong(4))));
        // Month after month within each line, as the reports read them.
        stations.sort(Comparator.comparing(XrayStationMonth::facility).thenComparing(XrayStationMonth::station)
                .thenComparing(XrayStationMonth::month));
        typical.sort(Comparator.comparing(TypicalDapMonth::facility).thenComparing(TypicalDapMonth::kind)
                .thenComparing(TypicalDapMonth::exam).thenComparing(TypicalDapMonth::band, ProjectionAgeBands.YOUNGEST_FIRST)
                .thenComparing(TypicalDapMonth::month));
        fluoroscopy.sort(Comparator.comparing(FluoroscopyMonth::facility).thenComparing(FluoroscopyMonth::month));
        return new XrayTrend(stations, fluoroscopy, typical, severalMonths);
    }

    /** The rows of the runs over the trend's months only (two parameters: first day, last day). */
    private static final String IN_MONTHS = " JOIN audit_run r ON r.id = x.run_id WHERE r.period_from >= ? AND r.period_to <= ?";

    private interface Row {
        void accept(StoredPeriod run, ResultSet rs) throws SQLException;
    }

    /** The rows of the chosen run of their facility and month; the query's first two columns are run id and facility. */
    private void each(String sql, Map<String, StoredPeriod> chosen, Map<Long, StoredPeriod> monthRuns, Row row) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, from.atDay(1));
            p.setObject(2, to.atEndOfMonth());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    StoredPeriod run = monthRuns.get(rs.getLong(1));
                    if (run == null) continue;
                    StoredPeriod best = chosen.get(rs.getString(2) + "\u001f" + run.month());
                    if (best != null && best.id() == run.id()) row.accept(run, rs);
                }
            }
        }
    }
}
