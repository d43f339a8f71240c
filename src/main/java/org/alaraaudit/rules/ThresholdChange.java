package org.alaraaudit.rules;

/**
 * A value on which the thresholds workbook and the CSV tables disagree, and which of the two the audit uses. The
 * workbook wins when its cell was edited; when the cell still holds the value it was exported with, the CSV was
 * changed since and wins (so the exported copy never undoes a later CSV edit). A row whose CSV row is gone is
 * reported with no column and ignored.
 */
public record ThresholdChange(String workbook, long sheetRow, String subject, String column, String csvFile, long csvLine,
                              String csvValue, String workbookValue, Used used, String reason) {

    /** Which value the audit uses. */
    public enum Used { WORKBOOK, CSV }

    public boolean fromWorkbook() { return used == Used.WORKBOOK; }

    /** The value the audit uses, as text ("" for none). */
    public String usedValue() { return used == Used.WORKBOOK ? workbookValue : csvValue == null ? "" : csvValue; }

    /** One line for {@code rules validate}. */
    public String describe() {
        String where = "tables/" + workbook + " row " + sheetRow;
        if (column == null) {
            return where + " (" + subject + "): " + csvFile + " has no such row any more; the row is ignored"
                    + " (run rules export-thresholds to refresh the workbook)";
        }
        String csv = csvFile + " line " + csvLine + ": " + (csvValue == null ? "blank" : csvValue);
        String line = where + ", column \"" + column + "\" (" + subject + "): workbook " + workbookValue + ", " + csv
                + "; the audit uses " + usedValue();
        return used == Used.WORKBOOK
                ? line + " from the workbook" + (reason == null ? "" : " (reason: " + reason + ")")
                : line + " from " + csvFile + " (the workbook cell is as exported, the CSV was changed since: run rules"
                        + " export-thresholds to refresh the workbook)";
    }
}
