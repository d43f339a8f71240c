package org.alaraaudit.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A deterministic, streaming generator of realistic synthetic scan logs in the canonical format
 * (README, "Input: the canonical scan log"): one row per irradiation event, rows in study_datetime order.
 *
 * <p>Two facilities ("St Elsewhere Children's", "County General"), four CT scanners and one DX
 * room each; about 30% pediatric patients with a realistic growth curve; CT head, chest,
 * abdomen-pelvis and chest-abdomen-pelvis with localizers, bolus tracking and diagnostic spirals
 * whose doses are log-normal around about 60-70% of the US pediatric DRLs (County General's
 * pediatric body protocols above them). A small share of studies carries deliberate deviations
 * so that every rule of the rule catalog fires, plus rows that must be rejected, duplicates and
 * QA/phantom scans (see {@link Anomaly}).
 *
 * <p>Same settings, byte-identical output. Memory does not grow with the number of studies:
 * rows are written as they are made, and only a bounded pool of recent patients (for revisits)
 * and a bounded queue of planned visits are kept.
 */
public final class ScanLogGenerator {

    /** The canonical column names, in the order they are written. */
    public static final List<String> COLUMNS = Columns.NAMES;

    /** File name prefix commonly used with {@link #writeByMonth}: scan-log-2026-10.csv. */
    public static final String DEFAULT_MONTH_PREFIX = "scan-log-";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final GeneratorSettings settings;

    public ScanLogGenerator(GeneratorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public GeneratorSettings settings() {
        return settings;
    }

    /**
     * Writes header + rows in canonical columns; returns the number of data rows written.
     * Constant memory: rows are streamed. The writer is flushed, not closed.
     */
    public long write(Writer out) throws IOException {
        Objects.requireNonNull(out, "out");
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(COLUMNS);
        long n = new Engine(settings).run((cells, studyTime) -> printer.printRecord((Object[]) cells));
        printer.flush();
        return n;
    }

    /**
     * Same data, split into one file per calendar month named prefix + "YYYY-MM.csv" in dir;
     * returns rows written. Every month of the period gets a file (header only when it has no
     * study); a study belongs to the month of its study_datetime. The folder is created if
     * missing; existing files of the same names are replaced. Files are UTF-8 without a BOM.
     */
    public long writeByMonth(Path dir, String prefix) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(prefix, "prefix");
        Files.createDirectories(dir);
        MonthSplitter splitter = new MonthSplitter(dir, prefix);
        try {
            long n = new Engine(settings).run(splitter::row);
            splitter.finish();
            return n;
        } finally {
            splitter.closeQuietly();
        }
    }

    /** File name of one month's part. */
    public static String monthFileName(String prefix, YearMonth month) {
        return prefix + month + ".csv";
    }

    private final class MonthSplitter {
        private final Path dir;
        private final String prefix;
        private YearMonth current;
        private CSVPrinter printer;

        MonthSplitter(Path dir, String prefix) {
            this.dir = dir;
            this.prefix = prefix;
        }

        void row(String[] cells, LocalDateTime studyTime) throws IOException {
            YearMonth m = YearMonth.from(studyTime);
            if (!m.equals(current)) {
                openUpTo(m);
            }
            printer.printRecord((Object[]) cells);
        }

        /** Closes the current month and opens every month up to m (empty ones get a header only). */
        private void openUpTo(YearMonth m) throws IOException {
            YearMonth next = current == null ? YearMonth.from(settings.from()) : current.plusMonths(1);
            while (true) {
                close();
                current = next;
                BufferedWriter w = Files.newBufferedWriter(dir.resolve(monthFileName(prefix, current)),
                        StandardCharsets.UTF_8);
                printer = new CSVPrinter(w, FORMAT);
                printer.printRecord(COLUMNS);
                if (!current.isBefore(m)) {
                    return;
                }
                next = current.plusMonths(1);
            }
        }

        void finish() throws IOException {
            YearMonth last = YearMonth.from(settings.to());
            if (current == null || current.isBefore(last)) {
                openUpTo(last);
            }
            close();
        }

        private void close() throws IOException {
            if (printer != null) {
                CSVPrinter p = printer;
                printer = null;
                p.close(true);
            }
        }

        void closeQuietly() {
            try {
                close();
            } catch (IOException ignored) {
                // the original exception matters more
            }
        }
    }
}
