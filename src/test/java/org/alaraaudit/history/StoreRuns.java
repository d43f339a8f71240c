package org.alaraaudit.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditProgress;
import org.alaraaudit.audit.AuditRequest;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.AuditRun;
import org.alaraaudit.history.trend.Grouping;
import org.alaraaudit.history.trend.StepRule;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.history.trend.TrendQuery;

/** Audits files into one store as the command line does: open, audit with the store's look-backs, record, close. */
final class StoreRuns {
    final String url;
    final HistoryStore store;
    private final int inMemoryLimit;

    StoreRuns(String url) { this(url, 250_000); }

    /** Every stage of the audit and of the store's write holding at most this many rows, studies or so in memory. */
    StoreRuns(String url, int inMemoryLimit) {
        this.url = url;
        this.store = HistoryStore.open(url, Map.of());
        this.inMemoryLimit = inMemoryLimit;
    }

    AuditResult audit(AuditPeriod period, Path... files) {
        try (RunHistory history = RunHistory.of(store, inMemoryLimit)) {
            AuditResult r = run(history, period, inMemoryLimit, files);
            history.record(r, Clock.fixed(AuditFixture.RUN_TIME.plusSeconds(60), ZoneOffset.UTC));
            return r;
        }
    }

    /** Audits against the store without recording the run. */
    AuditResult auditOnly(AuditPeriod period, Path... files) {
        try (RunHistory history = RunHistory.of(store)) {
            return run(history, period, files);
        }
    }

    static AuditResult run(org.alaraaudit.audit.DoseHistory history, AuditPeriod period, Path... files) {
        return run(history, period, 250_000, files);
    }

    static AuditResult run(org.alaraaudit.audit.DoseHistory history, AuditPeriod period, int inMemoryLimit, Path... files) {
        AuditRequest req = new AuditRequest(List.of(files), period, null, null, "Test Hospital", AuditFixture.RUN_TIME,
                ZoneOffset.UTC, AuditFixture.SECRET, inMemoryLimit);
        return new AuditRun(AuditFixture.DEFAULT_RULES, "test", history).run(req, AuditProgress.NONE);
    }

    Trend trend(Grouping by) {
        return new TrendQuery(store).load(null, null, by, new StepRule(0.2, "test", 10));
    }

    long count(String sql) {
        try (Connection c = store.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Changes the store behind the tool's back: how a test makes a write fail where no input could. */
    void execute(String sql) {
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Every row of every table in a fixed order: what "the store as it was" means in a test. */
    String snapshot() {
        StringBuilder sb = new StringBuilder();
        String[][] tables = {{"store_lock", "id"}, {"audit_run", "period_from, facilities"}, {"run_input", "file_name"},
                {"run_count", "dimension, item"}, {"run_drl_group", "ordinal"}, {"study", "facility, accession_number"},
                {"dose_value", "facility, accession_number, ordinal"}, 
                // Ordered by every column but the run's id, so that rows of different runs sort the same in any store.
                {"run_xray_station", "facility, station_name, radiographs, retakes, di_count, di_median, di_above, di_below, ordinal"},
                {"run_typical_value", "facility, kind, exam, band, n, median_dap_gycm2, ordinal"},
                {"run_fluoroscopy", "facility, procedures, skin_follow_up"}};
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            for (String[] t : tables) {
                sb.append("== ").append(t[0]).append('\n');
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + t[0] + " ORDER BY " + t[1])) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String col = md.getColumnLabel(i).toLowerCase();
                            if (col.equals("id") || col.equals("run_id")) continue; // identities differ between stores, not content
                            row.add(String.valueOf(rs.getObject(i)));
                        }
                        sb.append(String.join("|", row)).append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return sb.toString();
    }

    static Instant runTime() { return AuditFixture.RUN_TIME; }
}
