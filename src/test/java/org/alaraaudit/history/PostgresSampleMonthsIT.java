package org.alaraaudit.history;

import java.nio.file.Path;

/** The sample months, month by month and together, on a real PostgreSQL server; skipped without PostgreSQL. */
class PostgresSampleMonthsIT extends SampleMonthsContract {
    @Override
    String newStore(Path dir, String name) { return PostgresServer.shared().newDatabase(); }
}
