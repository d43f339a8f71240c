package org.alaraaudit.scanlog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.alaraaudit.model.Modality;

/**
 * The dose columns a file's header lacks for the rows it holds. A CT row whose file has no {@code ctdivol_mgy}
 * column reads as a row whose scanner reported none: no rule fires on it, so a notification value exceeded
 * disappears without a trace. Each such file gets one data warning per absent column, at its header (line 1), when
 * its first CT row is audited; the rows themselves are not touched. The columns are those the canonical scan log
 * says should be present for CT (shared spec, scan-log-format.md): {@code ctdivol_mgy} and {@code dlp_mgycm}. A
 * radiograph or fluoroscopy run without DAP is already a {@code DOSE_DATA_MISSING} finding of its own.
 */
final class AbsentDoseColumns {
    /** How every such warning's reason begins, so that a summary can tell a file's warning from a row's. */
    static final String NOT_IN_HEADER = "is not a column of the header, yet the file holds CT rows: ";

    private final String file;
    private final List<CanonicalColumn> absent;

    private AbsentDoseColumns(String file, List<CanonicalColumn> absent) {
        this.file = file;
        this.absent = absent;
    }

    /** The file's absent dose columns, decided once from its header; null when it has them all. */
    static AbsentDoseColumns of(ScanLogReader reader) {
        List<CanonicalColumn> absent = new ArrayList<>(2);
        for (CanonicalColumn c : List.of(CanonicalColumn.CTDIVOL_MGY, CanonicalColumn.DLP_MGYCM)) {
            if (!reader.hasColumnFor(c)) absent.add(c);
        }
        return absent.isEmpty() ? null : new AbsentDoseColumns(reader.fileName(), absent);
    }

    /**
     * Gives the warnings when {@code row} is the file's first CT row, and returns what is still to be watched for:
     * null once they are given, so the rows after it cost the reader nothing.
     */
    AbsentDoseColumns audited(ScanRow row, Consumer<DataWarning> warnings) {
        if (row.study().modality() != Modality.CT) return this;
        for (CanonicalColumn c : absent) warnings.accept(new DataWarning(file, 1, c.header(), null, NOT_IN_HEADER + unchecked(c)));
        return null;
    }

    private static String unchecked(CanonicalColumn c) {
        return c == CanonicalColumn.CTDIVOL_MGY
                ? "no CT row can be checked against notification values, alert values or DRLs for CTDIvol, nor against its"
                        + " protocol's expected range, and no SSDE or red-marrow dose is estimated"
                : "no CT study can be checked against DRLs or expected ranges for DLP, and no effective dose is estimated"
                        + " for cumulative dose";
    }

    /** True for the warning of a file whose header lacks a dose column its CT rows need (not one row's warning). */
    static boolean isAbsentColumn(DataWarning w) {
        return w.value() == null && w.reason() != null && w.reason().startsWith(NOT_IN_HEADER);
    }
}
