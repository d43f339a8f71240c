package org.alaraaudit.scanlog;

import java.util.ArrayList;
import java.util.List;

/** The rows an input yields for audit, duplicates left out: what the audit's patient grouping receives. */
final class AuditedRows {
    private AuditedRows() {}

    static List<ScanRow> read(ScanLogInput in) {
        List<ScanRow> rows = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        in.read((row, ordinal) -> {
            rows.add(row);
            ordinals.add(ordinal);
        }, n -> { });
        List<ScanRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) if (!in.isDuplicate(ordinals.get(i))) out.add(rows.get(i));
        return out;
    }
}
