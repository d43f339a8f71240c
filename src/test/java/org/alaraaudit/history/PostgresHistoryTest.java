package org.alaraaudit.history;

import java.nio.file.Path;

/** The history store contract on a real PostgreSQL server; skipped where PostgreSQL is not installed. */
class PostgresHistoryTest extends HistoryStoreContract {
    @Override
    String newStore(Path dir) { return PostgresServer.shared().newDatabase(); }
}
