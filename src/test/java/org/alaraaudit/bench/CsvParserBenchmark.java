package org.alaraaudit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one CSV file with each candidate parser and prints rows per second, wall and CPU: the parser is chosen by
 * measurement on the file the tool reads, not by reputation. Every parser is configured as RFC 4180 (quotes,
 * doubled quotes, line breaks in quoted fields), hands every field on as a String and the benchmark touches each
 * field, so that none skips the work the tool needs. Rounds alternate the parsers, so that a burst of load on the
 * shared machine does not fall on one of them only.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/bench.classpath) org.alaraaudit.bench.CsvParserBenchmark FILE [ROUNDS [NAME]]</pre>
 * (NAME: only the parsers whose name holds it). The last line is the tool's own read path, to show what lies on
 * top of the parser.
 */
public final class CsvParserBenchmark {
    private interface Parser {
        /** Rows read; {@code fields[0]} gets the total length of all fields, so that nothing is optimised away. */
        long read(Reader in, long[] fields) throws Exception;
    }

    private CsvParserBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Map<String, Parser> parsers = new LinkedHashMap<>();
        parsers.put("commons-csv 1.14.1", CsvParserBenchmark::commons);
        parsers.put("fastcsv 4.4.0", CsvParserBenchmark::fastcsv);
        parsers.put("jackson-dataformat-csv 2.21.3", CsvParserBenchmark::jackson);
        parsers.put("univocity-parsers 2.9.1", CsvParserBenchmark::univocity);
        parsers.put("opencsv 5.12.0 (RFC 4180 parser)", CsvParserBenchmark::opencsv);
        // The tool's whole read path on the same file: parser, rows, exclusions, validation, duplicates, accounting.
        parsers.put("alara-audit read + validate", CsvParserBenchmark::audit);
        if (args.length > 2) parsers.keySet().removeIf(name -> !name.contains(args[2]));
        Map<String, List<double[]>> runs = new LinkedHashMap<>();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "%s: %d bytes, load average %.2f%n", file, Files.size(file), os.getSystemLoadAverage());
        long expected = -1;
        for (int round = 0; round <= rounds; round++) {
            for (var e : parsers.entrySet()) {
                long[] fields = new long[1];
                long cpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                long rows;
                if (e.getKey().startsWith("alara-audit")) {
                    rows = audit(file);
                } else {
                    try (Reader in = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), 1 << 16)) {
                        rows = e.getValue().read(in, fields);
                    }
                }
                double wall = (System.nanoTime() - start) / 1e9;
                double cpuS = (os.getProcessCpuTime() - cpu) / 1e9;
                if (expected < 0) expected = rows;
                if (rows != expected && !e.getKey().startsWith("alara-audit")) throw new IllegalStateException(e.getKey() + " read " + rows + " rows, commons-csv " + expected);
                // Round 0 warms the JIT for every parser and is not counted.
                if (round > 0) runs.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new double[] {wall, cpuS, rows});
            }
        }
        System.out.printf(Locale.ROOT, "%-34s %10s %12s %10s %12s   (median of %d rounds, load average %.2f at the end)%n",
                "parser", "wall s", "rows/s", "cpu s", "rows/cpu s", rounds, os.getSystemLoadAverage());
        for (var e : runs.entrySet()) {
            double[] wall = e.getValue().stream().mapToDouble(r -> r[0]).sorted().toArray();
            double[] cpu = e.getValue().stream().mapToDouble(r -> r[1]).sorted().toArray();
            double rows = e.getValue().get(0)[2];
            double w = wall[wall.length / 2];
            double c = cpu[cpu.length / 2];
            System.out.printf(Locale.ROOT, "%-34s %10.2f %12.0f %10.2f %12.0f   wall %s%n", e.getKey(), w, rows / w, c, rows / c,
                    Arrays.toString(Arrays.stream(wall).map(x -> Math.round(x * 100) / 100.0).toArray()));
        }
    }

    private static long audit(Reader in, long[] fields) { throw new UnsupportedOperationException("reads the file itself"); }

    /** Rows read by the tool's ScanLogInput (blank lines are not rows, so it may count fewer records than a parser). */
    private static long audit(Path file) {
        List<org.alaraaudit.scanlog.DataWarning> warnings = new ArrayList<>();
        var validator = new org.alaraaudit.scanlog.RowValidator(new org.alaraaudit.scanlog.Pseudonymiser("bench".getBytes(StandardCharsets.UTF_8)),
                java.time.LocalDateTime.of(2026, 11, 2, 7, 0), 50, warnings::add);
        var in = new org.alaraaudit.scanlog.ScanLogInput(List.of(file), validator, new org.alaraaudit.scanlog.Exclusions(List.of()), warnings);
        in.read((row, ordinal) -> { }, n -> { });
        return in.accounting().read();
    }

    private static long commons(Reader in, long[] fields) throws IOException {
        var format = org.apache.commons.csv.CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        long rows = 0;
        try (var p = org.apache.commons.csv.CSVParser.builder().setReader(in).setFormat(format).get()) {
            for (var r : p) {
                for (int i = 0; i < r.size(); i++) fields[0] += r.get(i).length();
                rows++;
            }
        }
        return rows;
    }

    private static long fastcsv(Reader in, long[] fields) throws IOException {
        long rows = 0;
        try (var r = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(in)) {
            for (var rec : r) {
                for (int i = 0; i < rec.getFieldCount(); i++) fields[0] += rec.getField(i).length();
                rows++;
            }
        }
        return rows;
    }

    private static long jackson(Reader in, long[] fields) throws IOException {
        var mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
        mapper.enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY);
        long rows = 0;
        try (com.fasterxml.jackson.databind.MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(in)) {
            while (it.hasNext()) {
                for (String f : it.next()) fields[0] += f.length();
                rows++;
            }
        }
        return rows;
    }

    private static long univocity(Reader in, long[] fields) {
        var settings = new com.univocity.parsers.csv.CsvParserSettings();
        settings.getFormat().setLineSeparator("\n");
        settings.setMaxCharsPerColumn(-1);
        settings.setNullValue("");
        settings.setEmptyValue("");
        var p = new com.univocity.parsers.csv.CsvParser(settings);
        p.beginParsing(in);
        long rows = 0;
        String[] row;
        while ((row = p.parseNext()) != null) {
            for (String f : row) fields[0] += f.length();
            rows++;
        }
        p.stopParsing();
        return rows;
    }

    private static long opencsv(Reader in, long[] fields) throws Exception {
        long rows = 0;
        try (var r = new com.opencsv.CSVReaderBuilder(in).withCSVParser(new com.opencsv.RFC4180ParserBuilder().build()).build()) {
            String[] row;
            while ((row = r.readNext()) != null) {
                for (String f : row) fields[0] += f.length();
                rows++;
            }
        }
        return rows;
    }
}
