package org.alaraaudit.rules;

import java.nio.file.Path;

/**
 * How a rules folder's CSV tables are read: as written, or with the numbers a site changed under a built-in row's
 * citation turned into local policy ({@link SiteValueChanges#asLocalPolicy}), so that the tables, findings and counts
 * of the report present them as the site's own values, not the publication's. The dosimetry tables (k-factors,
 * marrow and SSDE coefficients) have readers of their own and are read as written; their rows still count as local
 * policy in the reference tables.
 */
@FunctionalInterface
interface TableSource {
    TableFile read(Path file, String name, String... requiredColumns);

    TableSource AS_WRITTEN = TableFile::read;
}
