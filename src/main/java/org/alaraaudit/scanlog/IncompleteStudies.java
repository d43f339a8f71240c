package org.alaraaudit.scanlog;

import java.io.Serializable;
import java.time.LocalDateTime;
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
 * compared, never shown. A row whose accession is empty (the cell a damaged export most often loses) finds its study by
 * facility, patient and study start instead: every row of a study repeats them, and one patient's studies at one
 * facility do not start in the same second. A row that names neither way names no study.
 */
public final class IncompleteStudies implements Serializable {
    private static final long serialVersionUID = 3L;

    public static final IncompleteStudies NONE = new IncompleteStudies(Map.of());

    /**
     * By study, each rejected row by a digest of its identity (as duplicates are told, {@link DuplicateFilter#identity})
     * with its line: the same row read again from a second export is one row lost, at its first line in input order.
     */
    private final Map<String, Map<String, SourceLine>> rejected;

    /** Whether some rejected row names its study by facility, patient and start (its key starts with the separator). */
    private final boolean startKeyed;

    private IncompleteStudies(Map<String, Map<String, SourceLine>> rejected) {
        this.rejected = rejected;
        this.startKeyed = rejected.keySet().stream().anyMatch(k -> k.startsWith("\u001f"));
    }

    /** Gathers the rejected rows as the reader rejects them, in input order. */
    public static final class Builder {
        private final Map<String, Map<String, SourceLine>> byStudy = new HashMap<>();

        /** A rejected row, by its cells as read; {@code patientRef} gives a patient identifier's pseudonym. */
        public void rejected(RawRow row, java.util.function.UnaryOperator<String> patientRef) {
            String facility = row.get(CanonicalColumn.FACILITY);
            if (!names(facility)) return;
            String accession = row.get(CanonicalColumn.ACCESSION_NUMBER);
            String key;
            if (names(accession)) {
                key = key(facility, accession);
            } else {
                String patient = row.get(CanonicalColumn.PATIENT_ID);
                LocalDateTime start = RowValidator.readDateTime(row.get(CanonicalColumn.STUDY_DATETIME));
                if (!names(patient) || start == null) return;
                key = startKey(facility, patientRef.apply(patient), start);
            }
            String identity = digest(DuplicateFilter.identity(row));
            byStudy.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(identity, row.source());
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

    /**
     * The rejected rows of this study, by its facility and accession or by its facility, patient (pseudonym) and start,
     * in file and line order; empty when none was rejected.
     */
    public List<SourceLine> rejectedLines(String facility, String accessionNumber, String patientRef, LocalDateTime start) {
        if (rejected.isEmpty() || facility == null) return List.of();
        Map<String, SourceLine> byAccession = accessionNumber == null ? null : rejected.get(key(facility, accessionNumber));
        // Asked of every study: the start's key is made only when some rejected row named its study so.
        Map<String, SourceLine> byStart = patientRef == null || start == null || !startKeyed ? null
                : rejected.get(startKey(facility, patientRef, start));
        if (byAccession == null && byStart == null) return List.of();
        java.util.Set<SourceLine> lines = new java.util.TreeSet<>();
        if (byAccession != null) lines.addAll(byAccession.values());
        if (byStart != null) lines.addAll(byStart.values());
        return List.copyOf(lines);
    }

    public boolean isEmpty() { return rejected.isEmpty(); }

    private static boolean names(String cell) { return cell != null && !BlankText.isBlank(cell); }

    // As the audit keys a study (audit.StudyAssembler): the two cells exactly as read.
    private static String key(String facility, String accessionNumber) { return facility + "\u001f" + accessionNumber; }

    // Apart from every accession key by its leading separator; the start in ISO form, to the second.
    private static String startKey(String facility, String patientRef, LocalDateTime start) {
        return "\u001f" + facility + "\u001f" + patientRef + "\u001f" + start;
    }
}
