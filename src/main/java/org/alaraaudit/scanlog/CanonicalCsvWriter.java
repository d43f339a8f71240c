package org.alaraaudit.scanlog;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes raw rows as a canonical scan log (spec: scan-log-format.md): every canonical column in its documented
 * order, then the rows' attributes (Dose Check, projection X-ray values) by name. It is how rows pulled from a
 * PACS are kept for the record: the file audits again exactly as the pull did. The file appears whole or not
 * at all. Rows that could not be read carry no values and are not written; the caller reports them.
 */
public final class CanonicalCsvWriter {
    private CanonicalCsvWriter() {}

    /** Writes the readable rows; returns how many were written. */
    public static int write(Path file, List<RawRow> rows) throws IOException {
        Set<String> extras = new TreeSet<>();
        Set<String> canonical = new java.util.HashSet<>();
        for (CanonicalColumn c : CanonicalColumn.values()) canonical.add(c.header());
        List<RawRow> readable = new ArrayList<>();
        for (RawRow r : rows) {
            if (r.extras().containsKey(RawRow.UNREADABLE)) continue;
            readable.add(r);
            // An attribute named like a canonical column would give the file two columns of one name.
            for (String k : r.extras().keySet()) if (!k.startsWith("\u0000") && !canonical.contains(k)) extras.add(k);
        }
        List<String> header = new ArrayList<>();
        for (CanonicalColumn c : CanonicalColumn.values()) header.add(c.header());
        header.addAll(extras);
        Path part = file.resolveSibling(file.getFileName() + ".part");
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get();
        try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8); CSVPrinter csv = new CSVPrinter(w, format)) {
            for (RawRow r : readable) {
                List<String> cells = new ArrayList<>(header.size());
                for (CanonicalColumn c : CanonicalColumn.values()) cells.add(r.get(c));
                for (String e : extras) cells.add(r.extras().get(e));
                csv.printRecord(cells);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        DataFolder.restrictToOwner(part);
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return readable.size();
    }
}
