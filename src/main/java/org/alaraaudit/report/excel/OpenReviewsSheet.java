package org.alaraaudit.report.excel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.report.Disclosure;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The CRITICAL and MAJOR findings of earlier periods that the history store still holds as open: the list the PDF
 * counts by age and points to. Its key and review columns are the Findings sheet's, in the same places, so a
 * review typed here goes into the store with {@code review import} of this workbook, like one of this period's.
 */
final class OpenReviewsSheet {
    static final String NAME = "Open reviews";
    /** CRITICAL before MAJOR, then the oldest first: what has waited longest is what a reviewer asks about. */
    static final Comparator<AuditResult.OpenFinding> ORDER = Comparator.comparing(AuditResult.OpenFinding::severity)
            .thenComparing(AuditResult.OpenFinding::studyDatetime, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(AuditResult.OpenFinding::findingId);

    private OpenReviewsSheet() {}

    static List<Column> columns() {
        List<Column> out = new ArrayList<>();
        for (String c : FindingsSheet.KEY_COLUMNS) out.add(Column.of(c, c.equals("rule_id") ? 30 : 18));
        for (String c : FindingsSheet.REVIEW_COLUMNS) out.add(Column.of(c, c.equals("justification") ? 40 : 16));
        out.add(Column.of("facility", 22));
        out.add(Column.of("study_datetime", 17));
        out.add(Column.of("period_from", 12));
        out.add(Column.of("period_to", 12));
        out.add(Column.of("message", 70));
        return out;
    }

    static Table write(Workbook wb, Styles styles, List<AuditResult.OpenFinding> open, Disclosure shown, int rowsPerSheet) {
        Table t = new Table(wb, styles, NAME, columns(), rowsPerSheet)
                .reviewColumns(FindingsSheet.REVIEW_STATUS_COLUMN, FindingsSheet.REVIEW_COLUMNS.size())
                .frozenColumns(FindingsSheet.REVIEW_STATUS_COLUMN)
                .titleColumns(1)
                .onFinish(FindingsSheet::reviewValidation)
                .columnStyle(FindingsSheet.REVIEW_STATUS_COLUMN + 3, styles.date)
                .open();
        for (AuditResult.OpenFinding f : open.stream().sorted(ORDER).toList()) {
            RowCells row = t.row().text(f.findingId()).severity(f.severity()).text(f.ruleId()).text(f.accessionNumber());
            AuditResult.Review r = f.review();
            // a review left OPEN with a note keeps its note here, so it is not typed again
            if (r != null) row.text(r.status() == null ? null : r.status().name()).wrapped(r.justification()).text(r.reviewer()).date(r.reviewedOn());
            else row.skip().skip().skip().skip();
            row.wrapped(f.facility()).dateTime(f.studyDatetime()).date(f.periodFrom()).date(f.periodTo()).wrapped(shown.message(f.message()));
        }
        t.finish();
        return t;
    }
}
