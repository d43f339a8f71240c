package org.alaraaudit.report.excel;

import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.model.Finding;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.report.Cells;
import org.alaraaudit.report.files.FindingsCsv;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;

/**
 * Every finding, one row each, in the columns of findings.csv (same names, same order), followed by the review
 * columns the safety officer fills in. The layout is a contract: {@code review import} reads it back by header.
 */
final class FindingsSheet {
    static final String NAME = "Findings";
    static final List<String> REVIEW_COLUMNS = List.of("review_status", "justification", "reviewer", "reviewed_on");
    static final String[] REVIEW_STATUSES = {"OPEN", "JUSTIFIED", "ACTION_TAKEN", "FALSE_POSITIVE"};
    /** 0-based index of review_status: right after the findings.csv columns (column T). */
    static final int REVIEW_STATUS_COLUMN = FindingsCsv.FINDING_COLUMNS.size();

    private FindingsSheet() {}

    static List<Column> columns() {
        List<Column> c = new ArrayList<>();
        for (String name : FindingsCsv.FINDING_COLUMNS) {
            boolean numeric = name.equals("age_years") || name.endsWith("_value");
            c.add(new Column(name, width(name), numeric));
        }
        c.add(Column.of("review_status", 16));
        c.add(Column.of("justification", 30));
        c.add(Column.of("reviewer", 16));
        c.add(Column.of("reviewed_on", 13));
        return c;
    }

    private static int width(String column) {
        return switch (column) {
            case "finding_id" -> 18;
            case "rule_id" -> 32;
            case "severity" -> 10;
            case "scope" -> 12;
            case "facility", "station_name" -> 18;
            case "quantity" -> 22;
            case "accession_number", "patient_ref" -> 16;
            case "study_datetime" -> 17;
            case "age_years" -> 10;
            case "protocol_name" -> 26;
            case "target_region" -> 21;
            case "measured_value", "reference_value" -> 16;
            case "unit" -> 10;
            case "reference_source" -> 30;
            case "message" -> 70;
            case "input_lines" -> 24;
            default -> 14;
        };
    }

    static Table write(Workbook wb, Styles styles, List<Finding> findings, int rowsPerSheet) {
        return write(wb, styles, findings, AuditResult.Reviews.NONE, rowsPerSheet);
    }

    /** Reviews already imported are written back into the review columns, so next month's workbook carries them. */
    static Table write(Workbook wb, Styles styles, List<Finding> findings, AuditResult.Reviews reviews, int rowsPerSheet) {
        Table t = new Table(wb, styles, NAME, columns(), rowsPerSheet)
                .reviewColumnsFrom(REVIEW_STATUS_COLUMN)
                .onFinish(FindingsSheet::reviewValidation)
                .columnStyle(REVIEW_STATUS_COLUMN + 3, styles.date)
                .open();
        for (Finding f : findings) {
            RowCells row = t.row().text(f.findingId()).text(f.ruleId()).severity(f.severity()).text(f.scope()).text(f.facility())
                    .text(f.stationName()).text(f.accessionNumber()).dateTime(f.studyDatetime()).text(f.patientRef())
                    .number(Cells.age(f.ageYears()), styles.decimal).text(f.protocolName())
                    .text(f.targetRegion() == null ? null : f.targetRegion().name()).text(f.quantity())
                    .decimal(f.measuredValue()).decimal(f.referenceValue()).text(f.unit()).text(f.referenceSource())
                    // the last input column: wrapped, so a long list does not run over the empty review columns
                    .text(f.message()).wrapped(f.inputLinesText());
            AuditResult.Review r = reviews.of(f);
            if (r != null) row.text(r.status()).text(r.justification()).text(r.reviewer()).date(r.reviewedOn());
        }
        t.finish();
        return t;
    }

    /** review_status only takes the four statuses review import understands; reviewed_on only dates. */
    private static void reviewValidation(Sheet s, int lastRow) {
        DataValidationHelper h = s.getDataValidationHelper();
        DataValidation status = h.createValidation(h.createExplicitListConstraint(REVIEW_STATUSES),
                new CellRangeAddressList(1, lastRow, REVIEW_STATUS_COLUMN, REVIEW_STATUS_COLUMN));
        status.setShowErrorBox(true);
        // POI writes showDropDown="!suppress", and Excel reads showDropDown="1" as "hide the arrow": true shows it
        status.setSuppressDropDownArrow(true);
        status.createErrorBox("review_status", "Choose OPEN, JUSTIFIED, ACTION_TAKEN or FALSE_POSITIVE.");
        s.addValidationData(status);
        int reviewedOn = REVIEW_STATUS_COLUMN + 3;
        DataValidation date = h.createValidation(
                h.createDateConstraint(DataValidationConstraint.OperatorType.GREATER_THAN, "DATE(2000,1,1)", null, "yyyy-mm-dd"),
                new CellRangeAddressList(1, lastRow, reviewedOn, reviewedOn));
        date.setShowErrorBox(true);
        date.createErrorBox("reviewed_on", "Enter the review date, e.g. 2026-11-05.");
        s.addValidationData(date);
    }
}
