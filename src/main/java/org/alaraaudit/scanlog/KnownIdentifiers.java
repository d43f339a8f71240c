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

    KnownIdentifiers(Pseudonymiser pseudonymiser) { this.pseudonymiser = pseudonymiser; }

    /** A row's patient, by the pseudonym it was already given. */
    void addPseudonym(String pseudonym) { pseudonyms.add(key(pseudonym)); }

    /** A rejected row's patient identifier as written, when it has one. */
    void addIdentifier(String id) {
        if (id != null && !BlankText.isBlank(id)) pseudonyms.add(key(pseudonymiser.pseudonym(id)));
    }

    void withhold(List<Rejection> rejections, List<DataWarning> warnings) {
        rejections.replaceAll(r -> isIdentifier(r.value())
                ? new Rejection(r.file(), r.line(), r.column(), Rejection.VALUE_WITHHELD, r.reason()) : r);
        warnings.replaceAll(w -> isIdentifier(w.value())
                ? new DataWarning(w.file(), w.line(), w.column(), Rejection.VALUE_WITHHELD, w.reason()) : w);
    }

    private boolean isIdentifier(String value) {
        if (value == null || value.equals(Rejection.VALUE_WITHHELD) || BlankText.isBlank(value)) return false;
        return pseudonyms.contains(key(pseudonymiser.pseudonym(value)));
    }

    private static long key(String pseudonym) { return Long.parseLong(pseudonym, 16); }
}
