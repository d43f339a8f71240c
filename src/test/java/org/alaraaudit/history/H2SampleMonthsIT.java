package org.alaraaudit.history;

import java.nio.file.Path;

/** The sample months, month by month and together, on the embedded H2 store. */
class H2SampleMonthsIT extends SampleMonthsContract {
    @Override
    String newStore(Path dir, String name) { return "jdbc:h2:file:" + dir.resolve(name).resolve("history"); }
}
