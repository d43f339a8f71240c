package org.alaraaudit.report.excel;

import java.time.LocalDateTime;
import java.util.List;
import org.alaraaudit.model.Finding;
import org.alaraaudit.rules.RuleIds;
import org.alaraaudit.model.Findings;
import org.apache.poi.ss.usermodel.Workbook;

/** REPEAT_STUDY findings as pairs: the later study, the earlier one it repeats, and the time between them. */
final class RepeatsSheet {
    static final String NAME = "Repeats";
    static final String RULE = RuleIds.REPEAT_STUDY;
    static final List<Column> COLUMNS = List.of(Column.of("patient_ref", 16), Column.num("age (years)", 9),
            Column.of("severity", 10), Column.of("facility", 16), Column.of("station", 16),
            Column.of("target region", 21), Column.of("protocol", 26), Column.of("later study", 16),
            Column.of("later study start", 17), Column.of("earlier study", 16), Column.of("earlier study start", 17),
            Column.num("interval (hours)", 10), Column.num("repeat window (hours)", 12), Column.of("message", 60),
            Column.of("finding_id", 18));

    private RepeatsSheet() {}

    static Table write(Workbook wb, Styles styles, Findings findings, int rowsPerSheet) {
        Table t = new Table(wb, styles, NAME, COLUMNS, rowsPerSheet).titleColumns(1).open();
        for (Finding f : findings) {
            if (!RULE.equals(f.ruleId())) continue;
            t.row().text(f.patientRef()).number(org.alaraaudit.report.Cells.age(f.ageYears()), styles.decimal)
                    .severity(f.severity()).wrapped(f.facility()).text(f.stationName())
                    .text(f.targetRegion() == null ? null : f.targetRegion().name()).wrapped(f.protocolName())
                    .text(f.accessionNumber())
                    .dateTime(f.studyDatetime()).text(f.relatedAccessionNumber())
                    .dateTime(earlierStart(f.studyDatetime(), f.measuredValue())).decimal(round1(f.measuredValue()))
                    .decimal(f.referenceValue()).wrapped(f.message()).text(f.findingId());
        }
        t.finish();
        return t;
    }

    /** The interval is measured back from the later study's start, so the earlier start follows from it. */
    static LocalDateTime earlierStart(LocalDateTime later, Double intervalHours) {
        if (later == null || intervalHours == null) return null;
        return later.minusSeconds(Math.round(intervalHours * 3600));
    }

    private static Double round1(Double d) { return org.alaraaudit.report.Cells.rounded(d, 1); }
}
