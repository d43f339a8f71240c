package org.alaraaudit.scanlog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The check for identifiers a short row shifted into another column, when the input was validated in parts that
 * each knew only their own patients (a Spark task per file or partition): a rejected or unusual value in one file
 * may be a patient's identifier in another. The one machine's reader knows every patient before it shows a value;
 * here the candidates are pseudonymised first, the caller finds which of those pseudonyms are patients anywhere in
 * the input, and the values that are are withheld as the one machine withholds them.
 */
public final class ShiftedIdentifiers {
    private final List<Rejection> rejections;
    private final List<DataWarning> warnings;
    /** The cells that could be withheld, by their pseudonym (cells that differ only where the pseudonymiser trims share one). */
    private final Map<String, Set<String>> cellsByPseudonym = new HashMap<>();

    public ShiftedIdentifiers(List<Rejection> rejections, List<DataWarning> warnings, byte[] secret) {
        this.rejections = rejections;
        this.warnings = warnings;
        Pseudonymiser pseudonymiser = new Pseudonymiser(secret);
        KnownIdentifiers.checkedCells(rejections, warnings)
                .forEach(v -> cellsByPseudonym.computeIfAbsent(pseudonymiser.pseudonym(v), k -> new java.util.HashSet<>()).add(v));
    }

    /** The pseudonyms to look for among the input's patients: few, one per distinct shown value. */
    public Set<String> candidates() { return Set.copyOf(cellsByPseudonym.keySet()); }

    /** What a report may show: the rejections and warnings as read. */
    public record Shown(List<Rejection> rejections, List<DataWarning> warnings) {}

    /**
     * The rejections and warnings with every cell withheld that is the identifier of a patient: of an audited row
     * ({@code patients}, pseudonyms) or of a rejected one ({@code rejectedPatientKeys}, from each part's validator).
     */
    public Shown withhold(Set<String> patients, long[] rejectedPatientKeys) {
        List<Rejection> r = new java.util.ArrayList<>(rejections);
        List<DataWarning> w = new java.util.ArrayList<>(warnings);
        Set<String> identifiers = new java.util.HashSet<>();
        for (String p : patients) identifiers.addAll(cellsByPseudonym.getOrDefault(p, Set.of()));
        long[] rejected = rejectedPatientKeys.clone();
        java.util.Arrays.sort(rejected);
        cellsByPseudonym.forEach((p, cells) -> {
            if (java.util.Arrays.binarySearch(rejected, KnownIdentifiers.key(p)) >= 0) identifiers.addAll(cells);
        });
        if (!identifiers.isEmpty()) KnownIdentifiers.withhold(r, w, identifiers::contains);
        return new Shown(r, w);
    }
}
