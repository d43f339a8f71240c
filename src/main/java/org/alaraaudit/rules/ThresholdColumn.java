package org.alaraaudit.rules;

import java.util.Optional;

/**
 * A value column of the thresholds workbook and the CSV column it edits. The workbook's actions name the CSV
 * column ({@code edits.value(kcontext, "expected_ctdivol_max_mgy", "$param")}), so a renamed label on the sheet
 * changes nothing; the label here is what messages and the report call the column.
 */
public enum ThresholdColumn {
    EXPECTED_CTDIVOL_MIN(ProtocolCatalog.FILE, "expected_ctdivol_min_mgy", "CTDIvol lower (mGy)"),
    EXPECTED_CTDIVOL_MAX(ProtocolCatalog.FILE, "expected_ctdivol_max_mgy", "CTDIvol upper (mGy)"),
    EXPECTED_DLP_MIN(ProtocolCatalog.FILE, "expected_dlp_min_mgycm", "DLP lower (mGy·cm)"),
    EXPECTED_DLP_MAX(ProtocolCatalog.FILE, "expected_dlp_max_mgycm", "DLP upper (mGy·cm)"),
    NOTIFICATION_CTDIVOL(NotificationValues.FILE, "ctdivol_mgy", "Notification value CTDIvol (mGy)"),
    SETTING_VALUE(Policy.FILE, "value", "Value"),
    CUMULATIVE_THRESHOLD(CumulativeDoseLevels.FILE, "threshold", "Threshold");

    private final String file;
    private final String csvColumn;
    private final String label;

    ThresholdColumn(String file, String csvColumn, String label) {
        this.file = file;
        this.csvColumn = csvColumn;
        this.label = label;
    }

    public String file() { return file; }

    public String csvColumn() { return csvColumn; }

    public String label() { return label; }

    /** The metadata key of the hidden column that keeps the value as exported. */
    String exportedKey() { return "exported_" + csvColumn; }

    public static Optional<ThresholdColumn> of(String csvColumn) {
        for (ThresholdColumn c : values()) if (c.csvColumn.equals(csvColumn)) return Optional.of(c);
        return Optional.empty();
    }

    /** The lower end paired with an upper one, for the min ≤ max check after edits. */
    Optional<ThresholdColumn> upperOf() {
        return switch (this) {
            case EXPECTED_CTDIVOL_MIN -> Optional.of(EXPECTED_CTDIVOL_MAX);
            case EXPECTED_DLP_MIN -> Optional.of(EXPECTED_DLP_MAX);
            default -> Optional.empty();
        };
    }
}
