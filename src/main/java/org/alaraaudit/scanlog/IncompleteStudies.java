package org.alaraaudit.scanlog;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
    private static final long serialVersionUID = 1L;

    public static final IncompleteStudies NONE = new IncompleteStudies(Map.of());

    private final Map<String, List<SourceLine>> rejectedLines;

    private IncompleteStudies(Map<String, List<SourceLine>> rejectedLines) { this.rejectedLines = rejectedLines; }

    /** Gathers the rejected rows as the reader rejects them. */
    public static final class Builder {
        private final Map<String, List<SourceLine>> byStudy = new HashMap<>();

        /** A rejected row, by its cells as read. */
        public void rejected(String facility, String accessionNumber, SourceLine line) {
            if (!names(facility) || !names(accessionNumber)) return;
            byStudy.computeIfAbsent(key(facility, accessionNumber), k -> new ArrayList<>()).add(line);
        }

        public IncompleteStudies build() {
            if (byStudy.isEmpty()) return NONE;
            Map<String, List<SourceLine>> sorted = new HashMap<>();
            byStudy.forEach((k, lines) -> sorted.put(k, lines.stream().sorted().distinct().toList()));
            return new IncompleteStudies(sorted);
        }
    }

    /** The studies of parts read apart (a Spark task's file), as one. */
    public static IncompleteStudies merge(Collection<IncompleteStudies> parts) {
        Builder all = new Builder();
        for (IncompleteStudies p : parts) {
            p.rejectedLines.forEach((k, lines) -> all.byStudy.computeIfAbsent(k, x -> new ArrayList<>()).addAll(lines));
        }
        return all.build();
    }

    /** The rejected rows of this study, in file and line order; empty when none was rejected. */
    public List<SourceLine> rejectedLines(String facility, String accessionNumber) {
        if (rejectedLines.isEmpty() || facility == null || accessionNumber == null) return List.of();
        return rejectedLines.getOrDefault(key(facility, accessionNumber), List.of());
    }

    public boolean isEmpty() { return rejectedLines.isEmpty(); }

    private static boolean names(String cell) { return cell != null && !BlankText.isBlank(cell); }

    // As the audit keys a study (audit.StudyAssembler): the two cells exactly as read.
    private static String key(String facility, String accessionNumber) { return facility + "\u001f" + accessionNumber; }
}
