package org.alaraaudit.report.excel;

import java.util.List;
import org.alaraaudit.scanlog.DataWarning;
import org.alaraaudit.scanlog.Rejection;
import org.apache.poi.ss.usermodel.Workbook;

/** Rejected rows and data warnings: file, line, column, value, reason, so the source can be fixed at the device. */
final class InputProblemsSheet {
    static final String REJECTED = "Rejected rows";
    static final String WARNINGS = "Data warnings";
    static final List<Column> COLUMNS = List.of(Column.of("file", 24), Column.num("line", 8), Column.of("column", 18),
            Column.of("value", 30), Column.of("reason", 70));

    private InputProblemsSheet() {}

    static Table rejected(Workbook wb, Styles styles, List<Rejection> rows, int rowsPerSheet, org.alaraaudit.report.Disclosure shown) {
        Table t = new Table(wb, styles, REJECTED, COLUMNS, rowsPerSheet).open();
        for (Rejection r : rows) t.row().text(r.file()).lineNumber(r.line()).text(r.column()).wrapped(shown.inputValue(r.column(), r.value())).wrapped(r.reason());
        t.finish();
        return t;
    }

    static Table warnings(Workbook wb, Styles styles, List<DataWarning> rows, int rowsPerSheet, org.alaraaudit.report.Disclosure shown) {
        Table t = new Table(wb, styles, WARNINGS, COLUMNS, rowsPerSheet).open();
        for (DataWarning r : rows) t.row().text(r.file()).lineNumber(r.line()).text(r.column()).wrapped(shown.inputValue(r.column(), r.value())).wrapped(r.reason());
        t.finish();
        return t;
    }
}
