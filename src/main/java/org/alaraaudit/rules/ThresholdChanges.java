package org.alaraaudit.rules;

import java.util.List;

/**
 * What the thresholds workbook of a rules folder did: how many rows it has and each value on which it disagrees
 * with the CSV tables. {@link #NONE} when the folder has no workbook.
 */
public record ThresholdChanges(String workbook, int rows, List<ThresholdChange> conflicts) {
    public static final ThresholdChanges NONE = new ThresholdChanges(null, 0, List.of());

    public ThresholdChanges {
        conflicts = List.copyOf(conflicts);
    }

    public boolean present() { return workbook != null; }

    /** The values the audit takes from the workbook instead of the CSV: what the methodology must name. */
    public List<ThresholdChange> applied() {
        return conflicts.stream().filter(ThresholdChange::fromWorkbook).toList();
    }
}
