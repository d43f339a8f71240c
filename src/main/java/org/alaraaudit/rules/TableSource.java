package org.alaraaudit.rules;

import java.nio.file.Path;

/**
 * How a rules folder's CSV tables are read: as written, or with the numbers a site changed under a built-in row's
 * citation turned into local policy ({@link SiteValueChanges#asLocalPolicy}), so that every table, finding and count
 * of the report presents them as the site's own values and none as the publication's.
 */
@FunctionalInterface
interface TableSource {
    TableFile read(Path file, String name, String... requiredColumns);

    TableSource AS_WRITTEN = TableFile::read;
}
