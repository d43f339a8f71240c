package org.alaraaudit.history.trend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The recorded audit runs a trend's months come from, with their inputs and row accounting ({@link StoredRun}). */
final class StoredRunQuery {
    private StoredRunQuery() {}

    static List<StoredRun> load(Connection c, YearMonth from, YearMonth to) throws SQLException {
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
}
