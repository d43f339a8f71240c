package org.alaraaudit.scanlog;

import java.util.List;

/**
 * The pseudonyms of every patient identifier read, as numbers (eight bytes a patient): a short row shifts an
 * identifier into another column, where it matches no cell of its own row but is some row's patient. Once the
 * whole input is read, a rejected or unusual value that is such an identifier is withheld.
 */
final class KnownIdentifiers {
    private final Pseudonymiser pseudonymiser;
    private final DuplicateFilter.LongSet pseudonyms = new DuplicateFilter.LongSet();
    /** The key added last, when {@code any}: the next row is mostly the same patient's. */
    private long last;
    private boolean any;

    KnownIdentifiers(Pseudonymiser pseudonymiser) { this.pseudonymiser = pseudonymiser; }

    /**
     * A patient, by the key of its pseudonym ({@link #key}). A patient's rows mostly come one after another (a
     * study's events are adjacent), so the key just added is not looked up again: at a million rows each lookup
     * in the set is a cache miss.
     */
    void add(long key) {
        if (any && key == last) return;
        pseudonyms.add(key);
        last = key;
        any = true;
    }

    /** Whether a rejected row's identifier as written names a patient: not when it is missing or blank. */
    static boolean counts(String id) { return id != null && !BlankText.isBlank(id); }

    void withhold(List<Rejection> rejections, List<DataWarning> warnings) {
        // The row's facility, accession and study date are checked as its faulty value is: a short row shifts an
        // identifier into any of them.
        withhold(rejections, warnings, this::isIdentifier);
    }

    /** Each cell of the rejections and warnings that {@code identifies} is withheld. */
    static void withhold(List<Rejection> rejections, List<DataWarning> warnings, java.util.function.Predicate<String> identifies) {
        java.util.function.UnaryOperator<String> shown = v -> checkable(v) && identifies.test(v) ? Rejection.VALUE_WITHHELD : v;
        rejections.replaceAll(r -> new Rejection(r.file(), r.line(), r.column(), shown.apply(r.value()), r.reason(),
                shown.apply(r.facility()), shown.apply(r.accessionNumber()), shown.apply(r.studyDatetime())));
        warnings.replaceAll(w -> checkable(w.value()) && identifies.test(w.value())
                ? new DataWarning(w.file(), w.line(), w.column(), Rejection.VALUE_WITHHELD, w.reason()) : w);
    }

    /** The cells {@link #withhold} checks, each once: every cell it could withhold. */
    static java.util.stream.Stream<String> checkedCells(List<Rejection> rejections, List<DataWarning> warnings) {
        return java.util.stream.Stream.concat(
                rejections.stream().flatMap(r -> java.util.stream.Stream.of(r.value(), r.facility(), r.accessionNumber(), r.studyDatetime())),
                warnings.stream().map(DataWarning::value)).filter(KnownIdentifiers::checkable).distinct();
    }

    private static boolean checkable(String value) {
        return value != null && !value.equals(Rejection.VALUE_WITHHELD) && !BlankText.isBlank(value);
    }

    private boolean isIdentifier(String value) { return pseudonyms.contains(key(pseudonymiser.pseudonym(value))); }

    static long key(String pseudonym) { return Long.parseLong(pseudonym, 16); }
}
