package org.alaraaudit.report.pdf;

import org.alaraaudit.rules.ReferenceTables;

/** A reference table named as a reviewer reads it (its title), never by its file name. */
final class TableTitles {
    private TableTitles() {}

    static String of(ReportContext ctx, String file) {
        for (ReferenceTables.Table t : ctx.result.tables().references().tables()) {
            if (t.file().equals(file)) return t.title();
        }
        return "the " + (file.endsWith(".csv") ? file.substring(0, file.length() - 4) : file).replace('-', ' ') + " table";
    }
}
