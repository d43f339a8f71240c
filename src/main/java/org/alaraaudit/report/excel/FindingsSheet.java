package org.alaraaudit.report.excel;

import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.ReviewStatus;
import org.alaraaudit.model.Findings;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.report.CitedStatus;
import org.alaraaudit.report.Disclosure;
import org.alaraaudit.report.files.FindingsCsv;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;

/**
 * Every finding, one row each, with the columns of findings.csv (same names) and the review columns the safety
 * officer fills in. The finding's key comes first (id, severity, rule, accession), the review columns right after
 * it, and those first columns are frozen, so a reviewer types next to what identifies the finding instead of
 * scrolling past a long message. Then what a reviewer reads next: when and where, what was found, against which
 * source; the rest after. Printed, the key, the review and the study's date make the first page, the facility,
 * message and citation the next, beside the repeated finding_id. {@code review import} reads the columns back by
 * their header names.
 */
final class FindingsSheet {
    static final String NAME = "Findings";
    static final List<String> REVIEW_COLUMNS = List.of("review_status", "justification", "reviewer", "reviewed_on");
    /** What identifies a finding to the reviewer; frozen at the left. */
    static final List<String> KEY_COLUMNS = List.of("finding_id", "severity", "rule_id", "accession_number");
    /** 0-based index of review_status: right after the key (column E). */
    static final int REVIEW_STATUS_COLUMN = KEY_COLUMNS.size();
    /** After the key and the review columns, in this order: what a reviewer reads first. */
    static final List<String> READ_FIRST = List.of("study_datetime", "facility", "message", "reference_source",
            "reference_status", "quantity", "measured_value", "reference_value", "unit");

    private FindingsSheet() {}

    /**
     * The findings.csv columns this disclosure allows, in the sheet's order: key, review, what a reviewer reads
     * first, then the rest in findings.csv's order.
     */
    static List<String> columnNames(Disclosure shown) {
        List<String> csv = FindingsCsv.findingColumns(shown);
        List<String> names = new ArrayList<>(KEY_COLUMNS);
        names.addAll(REVIEW_COLUMNS);
        for (String c : READ_FIRST) if (csv.contains(c)) names.add(c);
        for (String c : csv) if (!names.contains(c)) names.add(c);
        return names;
    }

    static List<Column> columns(Disclosure shown) {
        List<Column> c = new ArrayList<>();
        for (String name : columnNames(shown)) {
            boolean numeric = name.equals("age_years") || name.endsWith("_value");
            c.add(new Column(name, width(name), numeric));
        }
        return c;
    }

    private static int width(String column) {
        return switch (column) {
            case "finding_id" -> 18;
            case "rule_id" -> 32;
            case "severity" -> 10;
            case "scope" -> 15;
            case "facility" -> 16;
            case "station_name" -> 14;
            case "quantity" -> 18;
            case "accession_number" -> 18;
            case "patient_ref" -> 14;
            case "study_datetime" -> 17;
            case "age_years" -> 10;
            case "protocol_name" -> 24;
            case "target_region" -> 24;
            case "measured_value", "reference_value" -> 16;
            case "unit" -> 10;
            // a citation runs to 400 characters: wrapped in a column wide enough to keep its row a few lines tall
            case "reference_source" -> 52;
            case "reference_status" -> 16;
            case "message" -> 54;
            case "input_lines" -> 40;
            // narrower than a typed review may be (it wraps), so that the key, the review and the study's date
            // make the first printed page
            case "review_status" -> 15;
            case "justification" -> 20;
            case "reviewer" -> 12;
            case "reviewed_on" -> 13;
            default -> 14;
        };
    }

    static Table write(Workbook wb, Styles styles, Findings findings, CitedStatus cited, int rowsPerSheet) {
        return write(wb, styles, findings, cited, AuditResult.Reviews.NONE, Disclosure.PATIENT_LEVEL, rowsPerSheet);
    }

    /** Reviews already imported are written back into the review columns, so next month's workbook carries them. */
    static Table write(Workbook wb, Styles styles, Findings findings, CitedStatus cited, AuditResult.Reviews reviews,
                       Disclosure shown, int rowsPerSheet) {
        Table t = new Table(wb, styles, NAME, columns(shown), rowsPerSheet)
                .reviewColumns(REVIEW_STATUS_COLUMN, REVIEW_COLUMNS.size())
                .frozenColumns(REVIEW_STATUS_COLUMN)
                .titleColumns(1)
                .onFinish(FindingsSheet::reviewValidation)
                .columnStyle(REVIEW_STATUS_COLUMN + 3, styles.date)
                .open();
        List<String> names = columnNames(shown);
        for (Finding f : findings) {
            RowCells row = t.row();
            AuditResult.Review r = reviews.of(f);
            for (String c : names) cell(row, c, f, r, cited, shown, styles);
        }
        t.finish();
        return t;
    }

    /** Writes the finding's value of column {@code c}: long texts wrapped, their row made tall enough for them. */
    private static void cell(RowCells row, String c, Finding f, AuditResult.Review r, CitedStatus cited, Disclosure shown, Styles styles) {
        switch (c) {
            case "finding_id" -> row.text(f.findingId());
            case "severity" -> row.severity(f.severity());
            // the longest rule ids are wider than their column: wrapped, so none is cut
            case "rule_id" -> row.wrapped(f.ruleId());
            case "accession_number" -> row.text(f.accessionNumber());
            case "review_status" -> row.text(r == null || r.status() == null ? null : r.status().name());
            case "justification" -> row.wrapped(r == null ? null : r.justification());
            case "reviewer" -> row.text(r == null ? null : r.reviewer());
            case "reviewed_on" -> row.date(r == null ? null : r.reviewedOn());
            case "scope" -> row.text(f.scope());
            case "facility" -> row.wrapped(f.facility());
            case "station_name" -> row.text(f.stationName());
            case "study_datetime" -> row.dateTime(f.studyDatetime());
            case "patient_ref" -> row.text(f.patientRef());
            case "age_years" -> row.number(shown.age(f), styles.decimal);
            case "protocol_name" -> row.wrapped(f.protocolName());
            case "target_region" -> row.text(f.targetRegion() == null ? null : f.targetRegion().name());
            case "quantity" -> row.wrapped(f.quantity());
            case "measured_value" -> row.decimal(shown.measuredValue(f));
            case "reference_value" -> row.decimal(f.referenceValue());
            case "unit" -> row.text(f.unit());
            case "reference_source" -> row.wrapped(f.referenceSource());
            case "reference_status" -> row.text(cited.of(f));
            case "message" -> row.wrapped(shown.message(f));
            case "input_lines" -> row.wrappedWithinRow(f.inputLinesText());
            default -> throw new IllegalStateException("no value for the Findings column " + c);
        }
    }

    /** review_status only takes the four statuses review import understands; reviewed_on only dates. */
    static void reviewValidation(Sheet s, int lastRow) {
        DataValidationHelper h = s.getDataValidationHelper();
        DataValidation status = h.createValidation(h.createExplicitListConstraint(ReviewStatus.names()),
                new CellRangeAddressList(1, lastRow, REVIEW_STATUS_COLUMN, REVIEW_STATUS_COLUMN));
        status.setShowErrorBox(true);
        // POI writes showDropDown="!suppress", and Excel reads showDropDown="1" as "hide the arrow": true shows it
        status.setSuppressDropDownArrow(true);
        status.createErrorBox("review_status", "Choose " + ReviewStatus.either() + ".");
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
