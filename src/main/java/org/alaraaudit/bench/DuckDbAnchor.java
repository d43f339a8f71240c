package org.alaraaudit.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit's SQL core run by DuckDB on the same CSV file, as the throughput anchor: load the file, per-study
 * totals, repeats of a region within 48 hours, adult protocols on children, medians per facility, region and age
 * band. It is what a database does with the file and none of what makes the audit an audit (validation with
 * messages, privacy, rules, dose estimates), so the ratio of our time to DuckDB's says how far reading and
 * aggregating are from the floor. DuckDB's JDBC driver is a test-scoped dependency, never in the tool's jar; the
 * benchmark skips the anchor when the driver is not on the class path.
 */
final class DuckDbAnchor {
    static final String THREADS = "2";

    private DuckDbAnchor() {}

    static boolean available() {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Runs the SQL core on {@code csv} and returns one line per query result, to show it did the work. */
    static List<String> run(Path csv) {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads=" + THREADS);
            // Every column as text, then typed: a value that is no number is NULL here, where the audit rejects its row.
            // (Typed in one statement, DuckDB 2.0 pushes the casts into the CSV scan and fails on the first bad value.)
            s.execute("CREATE TABLE raw AS SELECT * FROM read_csv('" + csv.toAbsolutePath().toString().replace("'", "''")
                    + "', header = true, all_varchar = true)");
            s.execute("CREATE TABLE scans AS SELECT patient_id, facility, accession_number, modality, target_region, protocol_name,"
                    + " TRY_CAST(age_years AS DOUBLE) AS age, TRY_CAST(study_datetime AS TIMESTAMP) AS study_time,"
                    + " TRY_CAST(ctdivol_mgy AS DOUBLE) AS ctdivol, TRY_CAST(dlp_mgycm AS DOUBLE) AS dlp FROM raw");
            s.execute("DROP TABLE raw");
            s.execute("""
                    CREATE TABLE studies AS
                    SELECT facility, accession_number, min(patient_id) AS patient_id, min(study_time) AS study_time,
                           min(age) AS age, min(modality) AS modality, min(target_region) AS region,
                           count(*) AS events, sum(dlp) AS dlp, max(ctdivol) AS ctdivol
                    FROM scans GROUP BY facility, accession_number""");
            out.add(single(s, "SELECT 'studies ' || count(*) || ', total DLP ' || round(sum(dlp), 1) FROM studies"));
            out.add(single(s, """
                    SELECT 'repeats within 48 h ' || count(*) FROM (
                      SELECT study_time, lag(study_time) OVER (PARTITION BY patient_id, modality, region ORDER BY study_time) AS previous
                      FROM studies)
                    WHERE previous IS NOT NULL AND study_time - previous <= INTERVAL 48 HOUR"""));
            out.add(single(s, """
                    SELECT 'adult protocols on children ' || count(DISTINCT (facility, accession_number)) FROM scans
                    WHERE age < 18 AND modality = 'CT' AND upper(protocol_name) NOT LIKE 'PED%'"""));
            out.add(single(s, """
                    SELECT 'median groups ' || count(*) || ', largest median CTDIvol ' || round(max(m), 2) FROM (
                      SELECT facility, target_region,
                             CASE WHEN age < 1 THEN 0 WHEN age < 5 THEN 1 WHEN age < 10 THEN 5
                                  WHEN age < 15 THEN 10 WHEN age < 18 THEN 15 ELSE 18 END AS band,
                             median(ctdivol) AS m, median(dlp) AS d, count(*) AS n
                      FROM scans WHERE modality = 'CT' AND ctdivol IS NOT NULL
                      GROUP BY ALL)"""));
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB: " + e.getMessage(), e);
        }
        return out;
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
