package org.alaraaudit.history;

import java.nio.file.Path;

/** The history store contract on the embedded default: an H2 database in a file. */
class H2HistoryTest extends HistoryStoreContract {
    @Override
    String newStore(Path dir) { return "jdbc:h2:file:" + dir.resolve("store").resolve("history"); }
}
