package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scan logs were read with commons-csv (RFC 4180, blank lines skipped) until FastCSV replaced it for speed: every
 * text, however its quotes, spaces and line breaks fall, still gives the rows, line numbers and refusals that
 * reading gave. The texts are drawn from the pieces that make CSV hard, with a fixed seed; the header is one column,
 * so that the comparison is of the parsing alone (the swallowed-rows check has its own tests).
 */
class CsvReadingAsBeforeTest {
    @TempDir
    Path dir;

    private static final String[] PIECES = {"a", "1", " ", "\t", "\u3000", "\u00a0", ",", ",", "\"", "\"", "\"\"", "\r", "\n", "\n",
            "\r\n", "\n\n", "é", "x,y", "\"q\"", " \"", "\" ", "5\"", "\u2028"};

    /** What reading with commons-csv gave: per row its line, first cell and surplus cells; then the refusal, if any. */
    private static String asBefore(String text) throws IOException {
        StringBuilder out = new StringBuilder();
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            Iterator<CSVRecord> records = p.iterator();
            long lastLine = 1;
            boolean header = true;
            try {
                while (records.hasNext()) {
                    CSVRecord r = records.next();
                    long end = p.getCurrentLineNumber();
                    if (!header) {
                        // commons-csv counts the line a record ends on; its quoted line feeds move the start up.
                        long lineFeeds = r.stream().mapToLong(v -> v.chars().filter(c -> c == '\n').count()).sum();
                        String first = r.get(0).trim();
                        out.append(row(end - lineFeeds, first.isEmpty() ? null : first, r.size() - 1));
                    }
                    header = false;
                    lastLine = end;
                }
            } catch (UncheckedIOException e) {
                String m = e.getCause().getMessage();
                if (m.contains("EOF reached before encapsulated token finished")) {
                    out.append("a quote opened after line ").append(lastLine).append(" is never closed");
                } else {
                    Matcher line = Pattern.compile("line: ([\\d,]+), position").matcher(m);
                    line.find();
                    out.append("text after a closing quote on line ").append(line.group(1).replace(",", ""))
                            .append(", the field quoted from line ").append(lastLine + 1);
                }
            }
        }
        return out.toString();
    }

    private static String row(long line, Object firstCell, int surplus) {
        return line + " " + firstCell + " +" + surplus + "\n";
    }

    /** The same, as the tool reads the text now. */
    private String now(String text) throws IOException {
        Path f = dir.resolve("log.csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        try (CsvTable t = new CsvTable(f)) {
            while (t.hasNext()) {
                TabularFile.Row r = t.next();
                out.append(row(r.line(), r.cells()[0], r.surplusCells()));
            }
        } catch (ScanLogException e) {
            Matcher open = Pattern.compile("line (\\d+): a quote opens a field that is never closed").matcher(e.getMessage());
            Matcher after = Pattern.compile("line (\\d+): text follows a closing quote inside a field; the field was quoted from line (\\d+) on")
                    .matcher(e.getMessage());
            if (open.find()) out.append("a quote opened after line ").append(Long.parseLong(open.group(1)) - 1).append(" is never closed");
            else if (after.find()) out.append("text after a closing quote on line ").append(after.group(1)).append(", the field quoted from line ").append(after.group(2));
            else throw e;
        }
        return out.toString();
    }

    @Test
    void everyTextGivesTheRowsLineNumbersAndRefusalsOfTheCommonsCsvReading() throws IOException {
        Random random = new Random(18);
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder("h").append(random.nextBoolean() ? "\n" : "\r\n");
            // Now and then a text long enough to cross the readers' buffers (8K characters) several times.
            int pieces = n % 20 == 0 ? random.nextInt(12_000) : random.nextInt(40);
            for (int k = 0; k < pieces; k++) text.append(PIECES[random.nextInt(PIECES.length)]);
            String t = text.toString();
            assertEquals(asBefore(t), now(t), () -> t.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    @Test
    void theCasesThatSetTheTwoParsersApartAreAmongThoseCompared() throws IOException {
        // FastCSV alone refuses the first and reads the second as a doubled quote; commons-csv did neither.
        assertEquals(row(2, "a", 1), asBefore("h\n\"a\" ,b\n"));
        assertEquals("text after a closing quote on line 2, the field quoted from line 2", asBefore("h\n\"a\" \"b\"\n"));
        for (String t : List.of("h\n\"a\" ,b\n", "h\n\"a\" \"b\"\n", "h\r\"a\rb\"\r", "h\n\"a\nb\" x\n")) assertEquals(asBefore(t), now(t), t);
    }
}
