package org.alaraaudit.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.ReviewStatus;
import org.alaraaudit.model.Findings;
import org.alaraaudit.model.Severity;

/**
 * The reviews an audit run shows: the stored review of each of its findings, and the CRITICAL and MAJOR
 * findings of earlier recorded periods (of the run's facilities) that still have no review or one marked OPEN.
 */
final class ReviewReader {
    private final Connection c;

    ReviewReader(Connection c) { this.c = c; }

    /**
     * Reviews are what people entered, a few per finding at most, while a registry-sized run has millions of
     * findings: the stored reviews are read whole and matched against the findings in one pass.
     */
    AuditResult.Reviews read(Findings findings, AuditPeriod period, Set<String> facilities) throws SQLException {
        Map<String, AuditResult.Review> stored = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT finding_id, status, justification, reviewer, reviewed_on FROM finding_review");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) stored.put(rs.getString(1), review(rs, 2));
        }
        Map<String, AuditResult.OpenFinding> earlier = openEarlier(period, facilities);
        Map<String, AuditResult.Review> byId = new HashMap<>();
        for (Finding f : findings) {
            AuditResult.Review r = stored.get(f.findingId());
            if (r != null) byId.put(f.findingId(), r);
            earlier.remove(f.findingId());
        }
        return new AuditResult.Reviews(Map.copyOf(byId), List.copyOf(earlier.values()));
    }

    /** The latest stored occurrence of each still-open CRITICAL/MAJOR finding of a period ending before this one starts. */
    private Map<String, AuditResult.OpenFinding> openEarlier(AuditPeriod period, Set<String> facilities) throws SQLException {
        if (period == null || period.from() == null) return new LinkedHashMap<>();
        Map<String, AuditResult.OpenFinding> out = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT f.finding_id, f.rule_id, f.severity, f.facility, f.accession_number,"
                + " f.study_datetime, f.message, r.period_from, r.period_to, v.status, v.justification, v.reviewer, v.reviewed_on"
                + " FROM run_finding f JOIN audit_run r ON r.id = f.run_id LEFT JOIN finding_review v ON v.finding_id = f.finding_id"
                + " WHERE r.period_to < ? AND f.severity IN ('CRITICAL', 'MAJOR') AND (v.status IS NULL OR v.status = ?)"
                + " ORDER BY r.period_to DESC, r.recorded_at DESC, f.severity, f.rule_id, f.finding_id")) {
            p.setObject(1, period.from());
            p.setString(2, ReviewStatus.OPEN.name());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String facility = rs.getString(4);
                    if (out.containsKey(id)) continue;
                    if (facility != null && !facilities.isEmpty() && !facilities.contains(facility)) continue;
                    java.time.LocalDateTime at = rs.getObject(6, java.time.LocalDateTime.class);
                    out.put(id, new AuditResult.OpenFinding(id, rs.getString(2), Severity.valueOf(rs.getString(3)), facility,
                            rs.getString(5), at, rs.getString(7),
                            rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                            rs.getString(10) == null ? null : review(rs, 10)));
                }
            }
        }
        List<AuditResult.OpenFinding> list = new ArrayList<>(out.values());
        list.sort(java.util.Comparator.comparing(AuditResult.OpenFinding::periodFrom)
                .thenComparing(AuditResult.OpenFinding::severity).thenComparing(AuditResult.OpenFinding::ruleId)
                .thenComparing(AuditResult.OpenFinding::findingId));
        Map<String, AuditResult.OpenFinding> sorted = new LinkedHashMap<>();
        for (AuditResult.OpenFinding f : list) sorted.put(f.findingId(), f);
        return sorted;
    }

    private static AuditResult.Review review(ResultSet rs, int first) throws SQLException {
        LocalDate on = rs.getObject(first + 3, LocalDate.class);
        // Only review import writes the column, and only the enum's names.
        return new AuditResult.Review(ReviewStatus.valueOf(rs.getString(first).trim()), rs.getString(first + 1), rs.getString(first + 2),
                on);
    }
}
