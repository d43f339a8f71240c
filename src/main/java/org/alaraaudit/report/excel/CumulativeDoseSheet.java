package org.alaraaudit.report.excel;

import java.util.Comparator;
import java.util.List;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Findings;
import org.alaraaudit.report.Cells;
import org.alaraaudit.rules.RuleIds;
import org.apache.poi.ss.usermodel.Workbook;

/** CUMULATIVE_DOSE findings, by pseudonym: the patients whose dose over the look-back window reached a threshold. */
final class CumulativeDoseSheet {
    static final String NAME = "Cumulative dose";
    static final String RULE = RuleIds.CUMULATIVE_DOSE;
    static final List<Column> COLUMNS = List.of(Column.of("patient_ref", 16), Column.num("age (years)", 9),
            Column.of("severity", 10), Column.of("facility", 16), Column.of("metric", 18),
            Column.num("cumulative value", 12), Column.num("threshold", 12), Column.of("unit", 8),
            Column.num("value / threshold", 10), Column.of("latest study", 14), Column.of("latest study start", 17),
            Column.of("message", 66), Column.of("threshold source", 50), Column.of("finding_id", 18));

    private CumulativeDoseSheet() {}

    static Table write(Workbook wb, Styles styles, Findings findings, int rowsPerSheet) {
        Table t = new Table(wb, styles, NAME, COLUMNS, rowsPerSheet).titleColumns(1).open();
        List<Finding> rows = findings.stream().filter(f -> RULE.equals(f.ruleId()))
                .sorted(Comparator.comparing(Finding::patientRef, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Finding::quantity, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        for (Finding f : rows) {
            Double ratio = f.measuredValue() == null || f.referenceValue() == null || f.referenceValue() == 0 ? null
                    : f.measuredValue() / f.referenceValue();
            t.row().text(f.patientRef()).number(Cells.age(f.ageYears()), styles.decimal).severity(f.severity())
                    .wrapped(f.facility()).wrapped(f.quantity()).decimal(f.measuredValue()).decimal(f.referenceValue())
                    .text(f.unit()).number(ratio, styles.ratio).text(f.accessionNumber()).dateTime(f.studyDatetime())
                    .wrapped(f.message()).wrapped(f.referenceSource()).text(f.findingId());
        }
        t.finish();
        return t;
    }
}
