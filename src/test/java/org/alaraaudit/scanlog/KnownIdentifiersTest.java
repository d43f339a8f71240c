package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.junit.jupiter.api.Test;

/** A value that is some row's patient identifier is withheld from the rejected rows, however the rows were ordered. */
class KnownIdentifiersTest {
    private final Pseudonymiser pseudonymiser = new Pseudonymiser(AuditFixture.SECRET);

    private void add(KnownIdentifiers known, String id) {
        known.add(KnownIdentifiers.key(pseudonymiser.pseudonym(id)));
    }

    @Test
    void patientsAddedOnceRepeatedOrAgainAfterOthersAreKnownAndOthersAreNot() {
        KnownIdentifiers known = new KnownIdentifiers(pseudonymiser);
        for (String id : new String[]{"P-1", "P-1", "P-1", "P-2", "P-1", "P-3", "P-3"}) add(known, id);
        List<Rejection> rejected = new ArrayList<>();
        for (String value : new String[]{"P-1", "P-2", "P-3", "P-4", "12.5"}) {
            rejected.add(new Rejection("log.csv", 2, "ctdivol_mgy", value, "not a number"));
        }
        List<DataWarning> warnings = new ArrayList<>();
        known.withhold(rejected, warnings);
        assertEquals(List.of(Rejection.VALUE_WITHHELD, Rejection.VALUE_WITHHELD, Rejection.VALUE_WITHHELD, "P-4", "12.5"),
                rejected.stream().map(Rejection::value).toList());
    }
}
