package org.alaraaudit.scanlog;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alaraaudit.model.SourceLine;

/**
 * The studies that lost rows to rejection, by the facility and accession number the rejected rows' own cells give:
 * such a study is audited without those rows, so its total DLP and accumulated doses are understated. A study is
 * (facility, accession number) wherever the audit groups rows, so the same pair finds it here; the date is not
 * needed, and a rejected row whose date is the faulty cell still finds its study. A row whose facility or accession
 * is empty, too long to be a key, or withheld as a patient's identifier names no study.
 */
public final class IncompleteStudies implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final IncompleteStudies NONE = new IncompleteStudies(Map.of());

    private final Map<String, List<SourceLine>> rejectedLines;

    private IncompleteStudies(Map<String, List<SourceLine>> rejectedLines) { this.rejectedLines = rejectedLines; }

    public static IncompleteStudies of(Collection<Rejection> rejections) {
        Map<String, List<SourceLine>> byStudy = new HashMap<>();
        for (Rejection r : rejections) {
            if (!names(r.facility()) || !names(r.accessionNumber())) continue;
            byStudy.computeIfAbsent(key(r.facility(), r.accessionNumber()), k -> new ArrayList<>()).add(new SourceLine(r.file(), r.line()));
        }
        if (byStudy.isEmpty()) return NONE;
        byStudy.replaceAll((k, lines) -> lines.stream().sorted().distinct().toList());
        return new IncompleteStudies(byStudy);
    }

    /** The rejected rows of this study, in file and line order; empty when none was rejected. */
    public List<SourceLine> rejectedLines(String facility, String accessionNumber) {
        if (rejectedLines.isEmpty() || facility == null || accessionNumber == null) return List.of();
        return rejectedLines.getOrDefault(key(facility, accessionNumber), List.of());
    }

    public boolean isEmpty() { return rejectedLines.isEmpty(); }

    private static boolean names(String cell) {
        return cell != null && !cell.isBlank() && !Rejection.VALUE_WITHHELD.equals(cell);
    }

    // A rejection keeps its cells trimmed; an audited row's may carry the export's spaces.
    private static String key(String facility, String accessionNumber) {
        return facility.strip() + "\u001f" + accessionNumber.strip();
    }
}
