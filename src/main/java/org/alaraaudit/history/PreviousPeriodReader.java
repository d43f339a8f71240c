package org.alaraaudit.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.aggregate.ComplianceFigures;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.audit.aggregate.MarrowDoseProfile;
import org.alaraaudit.audit.PreviousPeriod;
import org.alaraaudit.model.Severity;

/**
 * The stored run of the period just before this one over the same facilities and of the same length (the 12 months
 * before a year, the month before a month: {@link PreviousPeriod#before}); the latest recorded when several are. A
 * run of another length is no previous period, whatever it ends on: a year set beside one month reads as a rise of
 * twelvefold. Its figures come back as they were reported.
 */
final class PreviousPeriodReader {
    private final Connection c;

    PreviousPeriodReader(Connection c) { this.c = c; }

    PreviousPeriod read(AuditPeriod period, Set<String> facilities) throws SQLException {
        AuditPeriod before = PreviousPeriod.before(period);
        if (before == null) return null;
        try (PreparedStatement p = c.prepareStatement("SELECT id, period_from, period_to, generated_at, tool_version, rule_set_digest,"
                + " studies, pediatric_studies, events, ct_studies, pediatric_ct_studies, pediatric_ct_adult_protocol,"
                + " pediatric_protocol_compliance, ct_studies_repeated, repeat_rate, marrow_below_10, marrow_10_to_50,"
                + " marrow_50_to_100, marrow_100_or_more, marrow_not_estimated, marrow_window_days, phantom_factor_32_to_16,"
                + " phantom_factor_source FROM audit_run WHERE period_from = ? AND period_to = ? AND facilities = ?"
                + " ORDER BY recorded_at DESC, id DESC")) {
            p.setObject(1, before.from());
            p.setObject(2, before.to());
            p.setString(3, RunWriter.facilities(facilities));
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return null;
                long id = rs.getLong("id");
                AuditPeriod previous = new AuditPeriod(rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class));
                Instant generated = rs.getObject("generated_at", LocalDateTime.class).toInstant(ZoneOffset.UTC);
                Map<RunWriter.Dimension, Map<String, Long>> counts = counts(id);
                MarrowDoseProfile marrow = new MarrowDoseProfile(rs.getLong("marrow_below_10"), rs.getLong("marrow_10_to_50"),
                        rs.getLong("marrow_50_to_100"), rs.getLong("marrow_100_or_more"), rs.getLong("marrow_not_estimated"),
                        rs.getInt("marrow_window_days"), rs.getDouble("phantom_factor_32_to_16"), rs.getString("phantom_factor_source"));
                ComplianceFigures figures = new ComplianceFigures(rs.getLong("studies"), rs.getLong("pediatric_studies"),
                        rs.getLong("events"), counts.get(RunWriter.Dimension.STUDIES_BY_MODALITY), rs.getLong("ct_studies"),
                        rs.getLong("pediatric_ct_studies"), rs.getLong("pediatric_ct_adult_protocol"),
                        nullableDouble(rs, "pediatric_protocol_compliance"), rs.getLong("ct_studies_repeated"),
                        nullableDouble(rs, "repeat_rate"), counts.get(RunWriter.Dimension.FINDINGS_BY_RULE),
                        severities(counts.get(RunWriter.Dimension.FINDINGS_BY_SEVERITY)),
                        counts.get(RunWriter.Dimension.FINDINGS_BY_FACILITY), counts.get(RunWriter.Dimension.FINDINGS_BY_STATION),
                        counts.get(RunWriter.Dimension.FINDINGS_BY_PROTOCOL), counts.get(RunWriter.Dimension.STUDIES_BY_FACILITY),
                        marrow, facilities(previous, counts));
                return new PreviousPeriod(previous, generated, rs.getString("tool_version"), rs.getString("rule_set_digest"),
                        figures, drlGroups(id));
            }
        }
    }

    /**
     * Each facility's headline figures of the previous period, counted from its stored studies as the trend counts
     * them; a facility whose stored studies are not the run's count of them (a store whose earlier studies were
     * removed) gets none, rather than figures of part of its studies.
     */
    private List<org.alaraaudit.audit.aggregate.FacilityFigures> facilities(AuditPeriod previous,
                                                                           Map<RunWriter.Dimension, Map<String, Long>> counts) throws SQLException {
        Map<String, Long> studies = counts.get(RunWriter.Dimension.STUDIES_BY_FACILITY);
        Map<String, Long> findings = counts.get(RunWriter.Dimension.FINDINGS_BY_FACILITY);
        List<org.alaraaudit.audit.aggregate.FacilityFigures> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT facility, COUNT(*),"
                + " SUM(CASE WHEN pediatric THEN 1 ELSE 0 END), SUM(CASE WHEN modality = 'CT' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN pediatric AND modality = 'CT' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN pediatric AND modality = 'CT' AND adult_protocol THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN modality = 'CT' AND repeated THEN 1 ELSE 0 END)"
                + " FROM study WHERE audited AND study_date BETWEEN ? AND ? GROUP BY facility ORDER BY facility")) {
            p.setObject(1, previous.from());
            p.setObject(2, previous.to());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String facility = rs.getString(1);
                    if (!Long.valueOf(rs.getLong(2)).equals(studies.get(facility))) continue;
                    out.add(new org.alaraaudit.audit.aggregate.FacilityFigures(facility, rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), findings.getOrDefault(facility, 0L)));
                }
            }
        }
        return out;
    }

    private Map<RunWriter.Dimension, Map<String, Long>> counts(long runId) throws SQLException {
        Map<RunWriter.Dimension, Map<String, Long>> out = new EnumMap<>(RunWriter.Dimension.class);
        for (RunWriter.Dimension d : RunWriter.Dimension.values()) out.put(d, new TreeMap<>());
        try (PreparedStatement p = c.prepareStatement("SELECT dimension, item, n FROM run_count WHERE run_id = ?")) {
            p.setLong(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    RunWriter.Dimension d = RunWriter.Dimension.valueOf(rs.getString(1));
                    out.get(d).put(rs.getString(2), rs.getLong(3));
                }
            }
        }
        return out;
    }

    /** In severity order, every severity present, as the audit itself lists them. */
    private static Map<String, Long> severities(Map<String, Long> stored) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Severity s : Severity.values()) out.put(s.name(), stored.getOrDefault(s.name(), 0L));
        return out;
    }

    private List<DrlGroup> drlGroups(long runId) throws SQLException {
        List<DrlGroup> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT facility, exam_type, band, quantity, n, median, p75, drl, ratio, status,"
                + " source, phantom_cm, studies, drl_set, drl_phantom_cm, note FROM run_drl_group WHERE run_id = ? ORDER BY ordinal")) {
            p.setLong(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new DrlGroup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            nullableDouble(rs, "median"), nullableDouble(rs, "p75"), nullableDouble(rs, "drl"),
                            nullableDouble(rs, "ratio"), rs.getString(10), rs.getString(11), rs.getInt(12), rs.getInt(13),
                            rs.getString(14), rs.getInt(15), rs.getString(16), null, null));
                }
            }
        }
        return out;
    }

    static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
