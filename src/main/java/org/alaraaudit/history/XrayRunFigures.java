package org.alaraaudit.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.ProjectionFigures;
import org.alaraaudit.model.Finding;

/**
 * A run's radiography and fluoroscopy figures as the store keeps them (V3): per station the radiographs, retakes
 * and deviation-index spread, the typical values, and per facility the fluoroscopy procedures and the patient
 * follow-up list's length. Written by {@link RunWriter} in the run's transaction, after the run's studies, whose
 * modality gives the procedures.
 */
final class XrayRunFigures {
    private final Connection c;

    XrayRunFigures(Connection c) { this.c = c; }

    void insert(long runId, AuditResult r) throws SQLException {
        ProjectionFigures p = r.projection();
        insertStations(runId, p);
        insertTypicalValues(runId, p);
        insertFluoroscopy(runId, r);
    }

    /** A station's counts: retakes over every body part, the deviation index as the audit gives it. */
    private static final class Station {
        long radiographs;
        long retakes;
        ProjectionFigures.DeviationSpread spread;
    }

    private void insertStations(long runId, ProjectionFigures p) throws SQLException {
        Map<String, Station> stations = new TreeMap<>();
        for (ProjectionFigures.RetakeRate rr : p.retakes()) {
            Station s = stations.computeIfAbsent(key(rr.facility(), rr.station()), k -> new Station());
            s.radiographs += rr.exposures();
            s.retakes += rr.retakes();
        }
        for (ProjectionFigures.DeviationSpread d : p.deviationIndex()) {
            stations.computeIfAbsent(key(d.facility(), d.station()), k -> new Station()).spread = d;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_xray_station (run_id, ordinal, facility, station_name,"
                + " radiographs, retakes, di_count, di_median, di_above, di_below) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Map.Entry<String, Station> e : stations.entrySet()) {
                String[] k = e.getKey().split("\u001f", -1);
                Station s = e.getValue();
                int i = 0;
                ps.setLong(++i, runId);
                ps.setInt(++i, ++n);
                ps.setString(++i, RunWriter.clip(k[0], 500));
                ps.setString(++i, RunWriter.clip(k[1], 500));
                ps.setLong(++i, s.radiographs);
                ps.setLong(++i, s.retakes);
                ps.setLong(++i, s.spread == null ? 0 : s.spread.count());
                RunWriter.setDouble(ps, ++i, s.spread == null ? null : s.spread.median());
                ps.setLong(++i, s.spread == null ? 0 : s.spread.above());
                ps.setLong(++i, s.spread == null ? 0 : s.spread.below());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertTypicalValues(long runId, ProjectionFigures p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_typical_value (run_id, ordinal, facility, kind, exam, band,"
                + " n, median_dap_gycm2) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (ProjectionFigures.TypicalValue v : p.typicalValues()) {
                if (Double.isNaN(v.medianDapGycm2())) continue;
                int i = 0;
                ps.setLong(++i, runId);
                ps.setInt(++i, ++n);
                ps.setString(++i, RunWriter.clip(v.facility(), 500));
                ps.setString(++i, RunWriter.clip(v.kind(), 20));
                ps.setString(++i, RunWriter.clip(v.exam(), 1000));
                ps.setString(++i, RunWriter.clip(v.band(), 100));
                ps.setLong(++i, v.count());
                ps.setDouble(++i, v.medianDapGycm2());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Facilities with a fluoroscopy procedure in the period, or one with a patient on the follow-up list: the findings
     * of every rule with a follow-up in its metadata (the shipped one, the skin check, is on fluoroscopy), counted as
     * the reports' follow-up lists count them.
     */
    private void insertFluoroscopy(long runId, AuditResult r) throws SQLException {
        Map<String, long[]> facilities = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT facility, COUNT(*) FROM study WHERE run_id = ? AND audited"
                + " AND modality IN ('RF', 'XA') GROUP BY facility")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) facilities.computeIfAbsent(rs.getString(1), k -> new long[2])[0] = rs.getLong(2);
            }
        }
        for (Finding f : (Iterable<Finding>) r.followUps().stream()::iterator) {
            if (f.facility() != null) facilities.computeIfAbsent(f.facility(), k -> new long[2])[1]++;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO run_fluoroscopy (run_id, facility, procedures, skin_follow_up) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, long[]> e : facilities.entrySet()) {
                ps.setLong(1, runId);
                ps.setString(2, e.getKey());
                ps.setLong(3, e.getValue()[0]);
                ps.setLong(4, e.getValue()[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String key(String facility, String station) { return facility + "\u001f" + station; }
}
