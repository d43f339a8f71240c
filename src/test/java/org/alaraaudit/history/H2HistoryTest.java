package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/** The history store contract on the embedded default: an H2 database in a file. */
class H2HistoryTest extends HistoryStoreContract {
    @Override
    String newStore(Path dir) { return "jdbc:h2:file:" + dir.resolve("store").resolve("history"); }

    /**
     * The tests run H2 as {@code java -jar} does, with H2's own assert statements off (pom.xml): with them on, one of
     * H2 2.3.232's fails in the compaction H2 does as a store closes, aborting the close half-way through moving
     * chunks, and a later open reads an earlier version of the store (a table of the last migrations "not found").
     * The tool's own assertions stay on.
     */
    @Test
    void theStoreRunsWithH2sOwnAssertionsOffAsAUsersDoes() {
        assertFalse(MVStore.class.desiredAssertionStatus(), "H2's assertions are on: pom.xml's argLine lost -da:org.h2...");
        assertTrue(HistoryStore.class.desiredAssertionStatus(), "the tool's own assertions are checked in the tests");
    }
}
