package org.alaraaudit.rules;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alaraaudit.model.TableException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Records that the site's physicist confirmed a table's values against their publications: fills
 * {@code verified_by} and {@code verified_on} of every row (adding the two columns where missing), so that the
 * report says "confirmed by NAME on DATE" instead of the default status. Rows, their order and every other cell
 * are kept; the file is replaced in one move, never half-written.
 */
public final class ReferenceConfirmation {
    private ReferenceConfirmation() {}

    /** Confirms the rows of one table; returns the number of rows confirmed. */
    public static int confirm(Path table, String by, LocalDate on) {
        if (by == null || by.isBlank()) throw new IllegalArgumentException("the name of who confirmed the values is required");
        String name = table.getFileName().toString();
        List<List<String>> records = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(table, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.builder().setReader(r).setFormat(CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get()).get()) {
            for (CSVRecord rec : p) records.add(new ArrayList<>(rec.toList()));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new TableException(name, 0, "cannot be read: " + e.getMessage());
        }
        if (records.isEmpty()) throw new TableException(name, 0, "is empty; expected a header row");
        List<String> header = records.get(0);
        List<String> lower = header.stream().map(h -> h.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT)).toList();
        if (!lower.contains("source")) throw new TableException(name, 1, "has no source column: it holds no reference values");
        int byCol = column(header, lower, ReferenceTables.VERIFIED_BY);
        int onCol = column(header, lower, ReferenceTables.VERIFIED_ON);
        int confirmed = 0;
        for (List<String> rec : records.subList(1, records.size())) {
            if (rec.isEmpty() || rec.get(0).startsWith("#") || (rec.size() == 1 && rec.get(0).isBlank())) continue;
            while (rec.size() < header.size()) rec.add("");
            rec.set(byCol, by.trim());
            rec.set(onCol, on.toString());
            confirmed++;
        }
        StringWriter text = new StringWriter();
        try (CSVPrinter out = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            for (List<String> rec : records) out.printRecord(rec);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            Path part = table.resolveSibling(name + ".part");
            Files.writeString(part, text.toString(), StandardCharsets.UTF_8);
            Files.move(part, table, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(name + ": cannot be written: " + e.getMessage(), e);
        }
        return confirmed;
    }

    /** The index of a column, appended to the header when the table does not have it yet. */
    private static int column(List<String> header, List<String> lower, String name) {
        int i = lower.indexOf(name);
        if (i >= 0) return i;
        header.add(name);
        return header.size() - 1;
    }
}
