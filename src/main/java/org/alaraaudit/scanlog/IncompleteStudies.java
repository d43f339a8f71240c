package org.alaraaudit.scanlog;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alaraaudit.model.SourceLine;

/**
 * The studies that lost rows to rejection, by the facility and accession number of the rejected rows as read: such a
 * study is audited without those rows, so its total DLP and accumulated doses are understated. A study is (facility,
 * accession number) wherever the audit groups rows, so the same pair finds it here; the date is not needed, and a
 * rejected row whose date is the faulty cell still finds its study. The cells are taken as read, before any is
 * withheld from a report as a patient's identifier (an accession number may equal some patient's ID); they are only
 * compared, never shown. A row whose facility or accession is empty names no study.
 */
public final class IncompleteStudies implements Serializable {
    private static final long serialVersionUID = 2L;

    public static final IncompleteStudies NONE = new IncompleteStudies(Map.of());

    /**
     * By study, each rejected row by a digest of its identity (as duplicates are told, {@link DuplicateFilter#identity})
     * with its line: the same row read again from a second export is one row lost, at its first line in input order.
     */
    private final Map<String, Map<String, SourceLine>> rejected;

    private IncompleteStudies(Map<String, Map<String, SourceLine>> rejected) { this.rejected = rejected; }

    /** Gathers the rejected rows as the reader rejects them, in input order. */
    public static final class Builder {
        private final Map<String, Map<String, SourceLine>> byStudy = new HashMap<>();

        /** A rejected row, by its cells as read. */
        public void rejected(RawRow row) {
            String facility = row.get(CanonicalColumn.FACILITY);
            String accession = row.get(CanonicalColumn.ACCESSION_NUMBER);
            if (!names(facility) || !names(accession)) return;
            String identity = digest(DuplicateFilter.identity(row));
            byStudy.computeIfAbsent(key(facility, accession), k -> new LinkedHashMap<>()).putIfAbsent(identity, row.source());
        }

        /**
         * The identity's SHA-256, cut to 128 bits: the identity holds every cell, the patient's ID among them, and the
         * matches travel to a cluster's executors; a digest compares as well and names no one.
         */
        private static String digest(byte[] identity) {
            try {
                byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(identity);
                return java.util.HexFormat.of().formatHex(d, 0, 16);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }

        public IncompleteStudies build() { return byStudy.isEmpty() ? NONE : new IncompleteStudies(byStudy); }
    }

    /** The studies of parts read apart (a Spark task's file), as one; {@code parts} in input order. */
    public static IncompleteStudies merge(Collection<IncompleteStudies> parts) {
        Map<String, Map<String, SourceLine>> all = new HashMap<>();
        for (IncompleteStudies p : parts) {
            p.rejected.forEach((k, rows) -> rows.forEach((identity, line) ->
                    all.computeIfAbsent(k, x -> new LinkedHashMap<>()).putIfAbsent(identity, line)));
        }
        return all.isEmpty() ? NONE : new IncompleteStudies(all);
    }

    /** The rejected rows of this study, in file and line order; empty when none was rejected. */
    public List<SourceLine> rejectedLines(String facility, String accessionNumber) {
        if (rejected.isEmpty() || facility == null || accessionNumber == null) return List.of();
        Map<String, SourceLine> rows = rejected.get(key(facility, accessionNumber));
        return rows == null ? List.of() : rows.values().stream().sorted().toList();
    }

    public boolean isEmpty() { return rejected.isEmpty(); }

    private static boolean names(String cell) { return cell != null && !BlankText.isBlank(cell); }

    // As the audit keys a study (audit.StudyAssembler): the two cells exactly as read.
    private static String key(String facility, String accessionNumber) { return facility + "\u001f" + accessionNumber; }
}
