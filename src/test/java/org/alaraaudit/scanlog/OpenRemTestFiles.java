package org.alaraaudit.scanlog;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The committed OpenREM test exports and small helpers to read them, shared by the tests of this package. */
final class OpenRemTestFiles {
    private OpenRemTestFiles() {}

    static Path file(String name) {
        try {
            return Path.of(Objects.requireNonNull(OpenRemTestFiles.class.getResource("/openrem/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every raw row of a file, read as the audit reads it (format and profile detected). */
    static List<RawRow> rows(Path f, ScanLogOptions options) {
        List<RawRow> out = new ArrayList<>();
        try (ScanLogReader r = new ScanLogOpener(options).open(f)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    static List<RawRow> rows(Path f) { return rows(f, ScanLogOptions.DEFAULTS); }

    static List<RawRow> rows(String name) { return rows(file(name)); }

    /** The rows of one study, in event order. */
    static List<RawRow> study(List<RawRow> rows, String accession) {
        return rows.stream().filter(r -> accession.equals(r.get(CanonicalColumn.ACCESSION_NUMBER))).toList();
    }
}
