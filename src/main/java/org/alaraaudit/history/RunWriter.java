package org.alaraaudit.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.ComplianceFigures;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.audit.aggregate.MarrowDoseProfile;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Findings;
import org.alaraaudit.model.Study;
import org.alaraaudit.scanlog.InputFile;

/**
 * Writes one run into the store in one transaction, replacing what an earlier run of the same period and
 * facilities left: the earlier run row, and every stored study of those facilities dated in the period. Other
 * sites' studies of the period are left alone, so several sites can share one store. The store's lock row is
 * taken first, so two runs writing at once queue; a failure rolls everything back.
 */
final class RunWriter {
    private static final int BATCH = 500;
    private final Connection c;

    RunWriter(Connection c) { this.c = c; }

    /** The facilities of a run's period, sorted and joined: part of what a re-run replaces. */
    static String facilities(Set<String> names) { return String.join("|", new TreeSet<>(names)); }

    void write(AuditResult result, RunStudies studies, Instant recordedAt) throws SQLException {
        AuditPeriod period = result.run().period();
        if (period.isWholeInput()) return; // nothing in the period: nothing to keep
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            lock(recordedAt);
            Set<String> facilities = result.figures().studiesByFacility().keySet();
            replace(period, facilities);
            long runId = insertRun(result, recordedAt);
            insertCounts(runId, result);
            insertDrlGroups(runId, result.drlGroups());
            studies.forEachPartition(result.findings(), (chunk, found) -> insertStudies(runId, chunk, found));
            insertFindings(runId, result.findings());
            new XrayRunFigures(c).insert(runId, result);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The run's findings by id, as review import checks a workbook row against them (V2). */
    private void insertFindings(long runId, Findings findings) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO run_finding (run_id, finding_id, rule_id, severity, scope,"
                + " facility, accession_number, study_datetime, message, station_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Set<Long> shared = sharedIdHashes(findings);
            Set<String> seen = new java.util.HashSet<>();
            int n = 0;
            for (Finding f : findings) {
                // One row per id; the audit's ids are unique per run. Only ids whose hash recurs are remembered.
                if (shared.contains(idHash(f)) && !seen.add(f.findingId())) continue;
                int i = 0;
                p.setLong(++i, runId);
                p.setString(++i, f.findingId());
                p.setString(++i, f.ruleId());
                p.setString(++i, f.severity().name());
                p.setString(++i, clip(f.scope(), 30));
                p.setString(++i, clip(f.facility(), 500));
                p.setString(++i, clip(f.accessionNumber(), 100));
                p.setObject(++i, f.studyDatetime());
                p.setString(++i, clip(f.message(), 4000));
                p.setString(++i, clip(f.stationName(), 500));
                p.addBatch();
                if (++n % BATCH == 0) p.executeBatch();
            }
            p.executeBatch();
        }
    }

    /**
     * The 64-bit hashes that more than one finding's id has: eight bytes a finding for one sort, where a set of
     * every id would hold millions of strings on a registry-sized run.
     */
    private static Set<Long> sharedIdHashes(Findings findings) {
        long[] hashes = new long[findings.size()];
        int n = 0;
        for (Finding f : findings) hashes[n++] = idHash(f);
        java.util.Arrays.sort(hashes, 0, n);
        Set<Long> shared = new java.util.HashSet<>();
        for (int i = 1; i < n; i++) if (hashes[i] == hashes[i - 1]) shared.add(hashes[i]);
        return shared;
    }

    private static long idHash(Finding f) {
        long h = 0xcbf29ce484222325L;
        String id = f.findingId();
        for (int i = 0; i < id.length(); i++) h = (h ^ id.charAt(i)) * 0x100000001b3L;
        return h;
    }

    static String clip(String s, int max) { return s == null || s.length() <= max ? s : s.substring(0, max); }

    /** Waits for any other writing run to commit (row lock on PostgreSQL and H2 alike). */
    private void lock(Instant recordedAt) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM store_lock WHERE id = 1 FOR UPDATE")) {
            p.executeQuery().close();
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE store_lock SET last_recorded_at = ? WHERE id = 1")) {
            p.setObject(1, utc(recordedAt));
            p.executeUpdate();
        }
    }

    private void replace(AuditPeriod period, Set<String> facilities) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "DELETE FROM audit_run WHERE period_from = ? AND period_to = ? AND facilities = ?")) {
            p.setObject(1, period.from());
            p.setObject(2, period.to());
            p.setString(3, facilities(facilities));
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement(
                "DELETE FROM study WHERE facility = ? AND study_date BETWEEN ? AND ?")) {
            for (String f : facilities) {
                p.setString(1, f);
                p.setObject(2, period.from());
                p.setObject(3, period.to());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private long insertRun(AuditResult r, Instant recordedAt) throws SQLException {
        ComplianceFigures f = r.figures();
        MarrowDoseProfile m = f.cumulativeMarrowDoseProfile();
        String sql = "INSERT INTO audit_run (period_from, period_to, period_given, facilities, tool_version, rule_set_digest,"
                + " rule_set_location, drl_set, pediatric_age_years, institution, generated_at, recorded_at, rows_read, rows_audited,"
                + " rows_rejected, rows_duplicate, rows_excluded, rows_outside_period, studies, pediatric_studies, events, ct_studies,"
                + " pediatric_ct_studies, pediatric_ct_adult_protocol, pediatric_protocol_compliance, ct_studies_repeated, repeat_rate,"
                + " marrow_below_10, marrow_10_to_50, marrow_50_to_100, marrow_100_or_more, marrow_not_estimated, marrow_window_days,"
                + " phantom_factor_32_to_16, phantom_factor_source)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement p = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = 0;
            p.setObject(++i, r.run().period().from());
            p.setObject(++i, r.run().period().to());
            p.setBoolean(++i, r.run().periodGiven());
            p.setString(++i, facilities(f.studiesByFacility().keySet()));
            p.setString(++i, r.run().toolVersion());
            p.setString(++i, r.run().ruleSetDigest());
            p.setString(++i, r.run().ruleSetLocation());
            p.setString(++i, r.run().drlSet());
            p.setDouble(++i, r.run().pediatricAgeYears());
            p.setString(++i, r.run().institution());
            p.setObject(++i, utc(r.run().generatedAt()));
            p.setObject(++i, utc(recordedAt));
            for (long n : new long[]{r.rows().read(), r.rows().audited(), r.rows().rejected(), r.rows().duplicate(),
                    r.rows().excluded(), r.rowsOutsidePeriod(), f.studies(), f.pediatricStudies(), f.events(), f.ctStudies(),
                    f.pediatricCtStudies(), f.pediatricCtStudiesWithAdultProtocol()}) {
                p.setLong(++i, n);
            }
            setDouble(p, ++i, f.pediatricProtocolCompliance());
            p.setLong(++i, f.ctStudiesRepeated());
            setDouble(p, ++i, f.repeatRate());
            for (long n : new long[]{m.below10(), m.from10To50(), m.from50To100(), m.atLeast100(), m.notEstimated()}) p.setLong(++i, n);
            p.setInt(++i, m.windowDays());
            p.setDouble(++i, m.phantomFactor32To16());
            p.setString(++i, m.phantomFactorSource());
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                if (!keys.next()) throw new SQLException("the store returned no id for the new run");
                long id = keys.getLong(1);
                insertInputs(id, r.run().inputs());
                return id;
            }
        }
    }

    private void insertInputs(long runId, List<InputFile> inputs) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO run_input (run_id, ordinal, file_name, sha256, read_as, profile_sha256)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (InputFile in : inputs) {
                p.setLong(1, runId);
                p.setInt(2, ++n);
                p.setString(3, in.file());
                p.setString(4, in.sha256());
                p.setString(5, clip(in.readAs(), 1000));
                p.setString(6, in.profileSha256());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private void insertCounts(long runId, AuditResult r) throws SQLException {
        ComplianceFigures f = r.figures();
        Map<String, Long> ruleSeverity = new TreeMap<>();
        for (Finding x : r.findings()) ruleSeverity.merge(x.ruleId() + "/" + x.severity(), 1L, Long::sum);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO run_count (run_id, dimension, item, n) VALUES (?, ?, ?, ?)")) {
            add(p, runId, Dimension.STUDIES_BY_MODALITY, f.studiesByModality());
            add(p, runId, Dimension.STUDIES_BY_FACILITY, f.studiesByFacility());
            add(p, runId, Dimension.FINDINGS_BY_RULE, f.findingsByRule());
            add(p, runId, Dimension.FINDINGS_BY_SEVERITY, f.findingsBySeverity());
            add(p, runId, Dimension.FINDINGS_BY_RULE_SEVERITY, ruleSeverity);
            add(p, runId, Dimension.FINDINGS_BY_FACILITY, f.findingsByFacility());
            add(p, runId, Dimension.FINDINGS_BY_STATION, f.findingsByStation());
            add(p, runId, Dimension.FINDINGS_BY_PROTOCOL, f.findingsByProtocol());
            p.executeBatch();
        }
    }

    private static void add(PreparedStatement p, long runId, Dimension d, Map<String, Long> counts) throws SQLException {
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            p.setLong(1, runId);
            p.setString(2, d.name());
            p.setString(3, e.getKey() == null ? "(none)" : e.getKey());
            p.setLong(4, e.getValue());
            p.addBatch();
        }
    }

    private void insertDrlGroups(long runId, List<DrlGroup> groups) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO run_drl_group (run_id, ordinal, facility, exam_type, band, quantity,"
                + " n, median, p75, drl, ratio, status, source, phantom_cm, studies, drl_set, drl_phantom_cm, note)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (DrlGroup g : groups) {
                int i = 0;
                p.setLong(++i, runId);
                p.setInt(++i, ++n);
                p.setString(++i, g.facility());
                p.setString(++i, g.examType());
                p.setString(++i, g.band());
                p.setString(++i, g.quantity());
                p.setInt(++i, g.n());
                setDouble(p, ++i, g.median());
                setDouble(p, ++i, g.p75());
                setDouble(p, ++i, g.drl());
                setDouble(p, ++i, g.ratio());
                p.setString(++i, g.status());
                p.setString(++i, g.source());
                p.setInt(++i, g.phantomCm());
                p.setInt(++i, g.studies());
                p.setString(++i, g.drlSet());
                p.setInt(++i, g.drlPhantomCm());
                p.setString(++i, g.note());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /**
     * The run's studies. One of the period replaces any stored study with its key (a corrected date moves it);
     * a history-only one is kept only where no run has audited that study, and never overwrites one that has.
     */
    private void insertStudies(long runId, List<StoredStudy> studies, StudyFindings findings) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM study WHERE facility = ? AND accession_number = ?");
             PreparedStatement study = c.prepareStatement(StudyColumns.INSERT);
             PreparedStatement dose = c.prepareStatement(StudyColumns.INSERT_DOSE)) {
            for (int from = 0; from < studies.size(); from += BATCH) {
                List<StoredStudy> chunk = studies.subList(from, Math.min(studies.size(), from + BATCH));
                Map<String, Boolean> stored = stored(chunk);
                for (StoredStudy s : chunk) {
                    Boolean audited = stored.get(s.key());
                    if (audited == null) continue;
                    if (!s.audited() && audited) continue;
                    delete.setString(1, s.facility());
                    delete.setString(2, s.accessionNumber());
                    delete.addBatch();
                }
                delete.executeBatch();
                for (StoredStudy s : chunk) {
                    Boolean audited = stored.get(s.key());
                    if (!s.audited() && audited != null && audited) continue;
                    StudyColumns.bind(study, runId, s, findings.of(s.key()));
                    study.addBatch();
                    int ordinal = 0;
                    for (DoseValue v : s.doseValues()) {
                        StudyColumns.bind(dose, s, ++ordinal, v);
                        dose.addBatch();
                    }
                }
                study.executeBatch();
                dose.executeBatch();
            }
        }
    }

    /** Which of these studies the store already has, and whether a run audited each: one query per chunk. */
    private Map<String, Boolean> stored(List<StoredStudy> chunk) throws SQLException {
        Map<String, Boolean> out = new HashMap<>();
        if (chunk.isEmpty()) return out;
        StringBuilder sql = new StringBuilder("SELECT facility, accession_number, audited FROM study WHERE (facility, accession_number) IN (");
        for (int i = 0; i < chunk.size(); i++) sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
        sql.append(')');
        try (PreparedStatement p = c.prepareStatement(sql.toString())) {
            int i = 0;
            for (StoredStudy s : chunk) {
                p.setString(++i, s.facility());
                p.setString(++i, s.accessionNumber());
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.put(Study.key(rs.getString(1), rs.getString(2)), rs.getBoolean(3));
            }
        }
        return out;
    }

    static LocalDateTime utc(Instant t) { return LocalDateTime.ofInstant(t, ZoneOffset.UTC); }

    static void setDouble(PreparedStatement p, int i, Double v) throws SQLException {
        if (v == null || v.isNaN() || v.isInfinite()) p.setNull(i, Types.DOUBLE);
        else p.setDouble(i, v);
    }

    static void setInt(PreparedStatement p, int i, Integer v) throws SQLException {
        if (v == null) p.setNull(i, Types.INTEGER);
        else p.setInt(i, v);
    }

    /** The run_count dimensions. */
    enum Dimension {
        STUDIES_BY_MODALITY, STUDIES_BY_FACILITY, FINDINGS_BY_RULE, FINDINGS_BY_SEVERITY, FINDINGS_BY_RULE_SEVERITY,
        FINDINGS_BY_FACILITY, FINDINGS_BY_STATION, FINDINGS_BY_PROTOCOL
    }
}
