package org.alaraaudit.history;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.alaraaudit.model.ReviewStatus;
import org.alaraaudit.scanlog.FileDigest;

/**
 * {@code review import}: stores the review columns of an audit workbook against the stable finding ids. A row
 * is ignored, and reported by sheet and row, when its finding id is not one of a recorded run, when its
 * rule_id, severity or accession_number differ from what the store holds for that id (the row was edited, or
 * belongs to another finding), when its review_status is not one of the four, or when reviewed_on is not a
 * date. Nothing but the reviews is changed; the latest import of a finding id wins. All or nothing: one
 * transaction.
 */
public final class ReviewImport {
    private static final int CHUNK = 500;

    /** A row that was not imported, and why. */
    public record Ignored(String where, String findingId, String reason) {}

    /**
     * What one import did: {@code imported} new or changed reviews, {@code unchanged} ones equal to the stored
     * review, {@code notReviewed} rows with empty review columns, and the ignored rows.
     */
    public record Summary(String workbook, String sha256, int rows, int imported, int unchanged, int notReviewed,
                          List<Ignored> ignored) {}

    private record Known(String ruleId, String severity, String accessionNumber) {}

    private record Stored(ReviewStatus status, String justification, String reviewer, LocalDate reviewedOn) {}

    private record Valid(ReviewWorkbook.Row row, ReviewStatus status, LocalDate reviewedOn) {}

    private final HistoryStore store;
    private final Clock clock;

    public ReviewImport(HistoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * @throws ReviewWorkbook.UnusableException when the workbook cannot be read as an audit workbook
     * @throws HistoryException when the store cannot be read or written
     */
    public Summary importWorkbook(Path workbook) {
        String sha = sha256(workbook);
        List<ReviewWorkbook.Row> rows = new ArrayList<>();
        ReviewWorkbook.read(workbook, rows::add);
        List<Ignored> ignored = new ArrayList<>();
        List<Valid> candidates = new ArrayList<>();
        Map<String, String> firstRow = new HashMap<>();
        int notReviewed = 0;
        for (ReviewWorkbook.Row r : rows) {
            if (!r.reviewed()) {
                notReviewed++;
                continue;
            }
            if (r.findingId() == null) {
                ignored.add(new Ignored(r.where(), null, "review values on a row without a finding_id"));
                continue;
            }
            String earlier = firstRow.putIfAbsent(r.findingId(), r.where());
            if (earlier != null) {
                ignored.add(new Ignored(r.where(), r.findingId(), "finding " + r.findingId() + " is already reviewed on " + earlier));
                continue;
            }
            if (r.status() == null) {
                ignored.add(new Ignored(r.where(), r.findingId(), "review_status is empty; choose one of " + ReviewStatus.choices()));
                continue;
            }
            ReviewStatus status = ReviewStatus.parse(r.status()).orElse(null);
            if (status == null) {
                ignored.add(new Ignored(r.where(), r.findingId(), "review_status \"" + r.status() + "\" is not one of " + ReviewStatus.choices()));
                continue;
            }
            LocalDate on;
            try {
                on = ReviewWorkbook.date(r.reviewedOn());
            } catch (IllegalArgumentException e) {
                ignored.add(new Ignored(r.where(), r.findingId(), e.getMessage()));
                continue;
            }
            candidates.add(new Valid(r, status, on));
        }
        int imported = 0;
        int unchanged = 0;
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement p = c.prepareStatement("SELECT id FROM store_lock WHERE id = 1 FOR UPDATE")) {
                    p.executeQuery().close();
                }
                Map<String, Known> known = known(c, candidates);
                Map<String, Stored> stored = stored(c, candidates);
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM finding_review WHERE finding_id = ?");
                     PreparedStatement insert = c.prepareStatement("INSERT INTO finding_review (finding_id, status, justification,"
                             + " reviewer, reviewed_on, imported_at, workbook_name, workbook_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Valid v : candidates) {
                        ReviewWorkbook.Row r = v.row();
                        Known k = known.get(r.findingId());
                        if (k == null) {
                            ignored.add(new Ignored(r.where(), r.findingId(), "finding " + r.findingId() + " is not in the history store"
                                    + " (not from an audit recorded in " + store.printable() + ")"));
                            continue;
                        }
                        String edited = edited(r, k);
                        if (edited != null) {
                            ignored.add(new Ignored(r.where(), r.findingId(), edited));
                            continue;
                        }
                        Stored now = new Stored(v.status(), r.justification(), r.reviewer(), v.reviewedOn());
                        if (now.equals(stored.get(r.findingId()))) {
                            unchanged++;
                            continue;
                        }
                        delete.setString(1, r.findingId());
                        delete.addBatch();
                        int i = 0;
                        insert.setString(++i, r.findingId());
                        insert.setString(++i, v.status().name());
                        insert.setString(++i, RunWriter.clip(r.justification(), 4000));
                        insert.setString(++i, RunWriter.clip(r.reviewer(), 500));
                        insert.setObject(++i, v.reviewedOn());
                        insert.setObject(++i, RunWriter.utc(clock.instant()));
                        insert.setString(++i, RunWriter.clip(workbook.getFileName().toString(), 1000));
                        insert.setString(++i, sha);
                        insert.addBatch();
                        imported++;
                    }
                    delete.executeBatch();
                    insert.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new HistoryException("cannot write the reviews into the history store " + store.printable() + ": "
                    + HistoryStore.rootMessage(e), e);
        }
        ignored.sort(java.util.Comparator.comparing((Ignored x) -> sheetOrder(x.where())).thenComparing(x -> rowOf(x.where())));
        return new Summary(workbook.getFileName().toString(), sha, rows.size(), imported, unchanged, notReviewed, List.copyOf(ignored));
    }

    private static String sheetOrder(String where) { return where.substring(0, where.lastIndexOf('!')); }

    private static int rowOf(String where) { return Integer.parseInt(where.substring(where.lastIndexOf('!') + 1)); }

    /** Why the row's identifying columns do not match the stored finding, or null when they do. */
    private static String edited(ReviewWorkbook.Row r, Known k) {
        List<String> diffs = new ArrayList<>();
        if (!Objects.equals(r.ruleId(), k.ruleId())) diffs.add("rule_id \"" + nz(r.ruleId()) + "\" (stored " + k.ruleId() + ")");
        if (r.severity() == null || !r.severity().equalsIgnoreCase(k.severity())) {
            diffs.add("severity \"" + nz(r.severity()) + "\" (stored " + k.severity() + ")");
        }
        if (!Objects.equals(r.accessionNumber(), k.accessionNumber())) {
            diffs.add("accession_number \"" + nz(r.accessionNumber()) + "\" (stored " + nz(k.accessionNumber()) + ")");
        }
        return diffs.isEmpty() ? null : "the row was edited beyond the review columns: " + String.join(", ", diffs);
    }

    private static String nz(String s) { return s == null ? "" : s; }

    /** The latest recorded run's rule, severity and accession for each finding id. */
    private static Map<String, Known> known(Connection c, List<Valid> rows) throws SQLException {
        Map<String, Known> out = new HashMap<>();
        for (List<String> chunk : chunks(rows)) {
            try (PreparedStatement p = c.prepareStatement("SELECT f.finding_id, f.rule_id, f.severity, f.accession_number"
                    + " FROM run_finding f JOIN audit_run r ON r.id = f.run_id WHERE f.finding_id IN (" + marks(chunk.size())
                    + ") ORDER BY r.recorded_at, r.id")) {
                for (int i = 0; i < chunk.size(); i++) p.setString(i + 1, chunk.get(i));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.put(rs.getString(1), new Known(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    private static Map<String, Stored> stored(Connection c, List<Valid> rows) throws SQLException {
        Map<String, Stored> out = new HashMap<>();
        for (List<String> chunk : chunks(rows)) {
            try (PreparedStatement p = c.prepareStatement("SELECT finding_id, status, justification, reviewer, reviewed_on"
                    + " FROM finding_review WHERE finding_id IN (" + marks(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) p.setString(i + 1, chunk.get(i));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new Stored(ReviewStatus.valueOf(rs.getString(2).trim()), rs.getString(3), rs.getString(4),
                                rs.getObject(5, LocalDate.class)));
                    }
                }
            }
        }
        return out;
    }

    private static List<List<String>> chunks(List<Valid> rows) {
        List<String> ids = rows.stream().map(v -> v.row().findingId()).distinct().toList();
        List<List<String>> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) out.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        return out;
    }

    private static String marks(int n) { return String.join(", ", java.util.Collections.nCopies(n, "?")); }

    private static String sha256(Path file) {
        try {
            return FileDigest.sha256(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ReviewWorkbook.UnusableException(file + ": no such file", e);
        } catch (IOException e) {
            throw new ReviewWorkbook.UnusableException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

}
