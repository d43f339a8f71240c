package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/** The history store contract on the embedded default: an H2 database in a file. */
class H2HistoryTest extends HistoryStoreContract {
    @Override
    String newStore(Path dir) { return "jdbc:h2:file:" + dir.resolve("store").resolve("history"); }

    /**
     * The tests run H2 with its own assert statements on (pom.xml), unlike {@code java -jar}: they check the store
     * file's consistency as H2 compacts and closes it. With H2 2.3.232 one of them failed in that compaction, and the
     * same fault with them off left stores that lost their newest tables or could not be opened again; a store H2
     * finds inconsistent must fail the test that wrote it. The tool's own assertions are on too.
     */
    @Test
    void theStoreRunsWithH2sOwnConsistencyChecksOn() {
        assertTrue(MVStore.class.desiredAssertionStatus(), "H2's assertions are off: pom.xml's argLine has -da for org.h2");
        assertTrue(HistoryStore.class.desiredAssertionStatus(), "the tool's own assertions are checked in the tests");
    }
}
