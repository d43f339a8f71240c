package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.model.Glob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canonical CSV read in chunks on two threads gives what reading it on one thread gives: the same rows with the
 * same line numbers, the same duplicates, rejections, warnings, row accounting and digest, and the same refusal of
 * a broken file. Each file is read with many chunk lengths, so that split points fall before, inside and after
 * every awkward spot (quoted line breaks, CR LF, blank lines, stray quotes).
 */
class ParallelCsvReadingTest {
    private static final String HEADER =
            "patient_id,age_years,facility,station_name,accession_number,study_datetime,modality,protocol_name,ctdivol_mgy,indication\n";

    @TempDir
    Path dir;

    /** Everything a read hands on or keeps, as text. */
    private record Outcome(List<String> rows, List<String> rejections, List<String> warnings, String accounting, String digest) {}

    private static String row(int n, String protocol, String ctdivol, String indication) {
        return "MRN" + (n % 37) + "," + (n % 17) + ",Gen,CT" + (n % 3) + ",A" + n + ",2026-10-0" + (1 + n % 9) + "T10:" + (10 + n % 50)
                + ",CT," + protocol + "," + ctdivol + "," + indication;
    }

    /** Rows of every kind: quoted line breaks with commas, CR LF, blank lines, rejections, duplicates, exclusions, warnings. */
    private static StringBuilder awkwardRows(int count) {
        StringBuilder s = new StringBuilder(HEADER);
        for (int n = 1; n <= count; n++) {
            String indication = n % 7 == 0 ? "\"cough\nfever, no response\"" : n % 13 == 0 ? "\"said \"\"no\"\"\r\nthen, yes\"" : "";
            String ctdivol = n % 29 == 0 ? "abc" : n % 23 == 0 ? "55.0" : "2." + (n % 10);
            String protocol = n % 19 == 0 ? "QA PHANTOM" : "PED CHEST 5-10Y";
            String line = row(n, protocol, ctdivol, indication);
            s.append(line).append(n % 11 == 0 ? "\r\n" : "\n");
            if (n % 31 == 0) s.append(line).append('\n');
            if (n % 17 == 0) s.append("\n\n");
        }
        return s;
    }

    private Path write(String name, CharSequence text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    /** Reads on one thread when {@code chunkBytes} is 0, else on two in chunks of that length. */
    private static Outcome read(Path f, int chunkBytes) {
        List<DataWarning> warnings = new ArrayList<>();
        RowValidator v = new RowValidator(new Pseudonymiser(AuditFixture.SECRET), LocalDateTime.of(2026, 11, 2, 7, 0), 50, warnings::add);
        Exclusions qc = new Exclusions(List.of(new Exclusions.Exclusion("protocol_name", new Glob("QA*"), "quality control")));
        ScanLogInput in = new ScanLogInput(List.of(f), v, qc, warnings);
        if (chunkBytes > 0) in.splitCsv(0, chunkBytes);
        List<String> rows = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        in.read((row, ordinal) -> {
            rows.add(ordinal + " " + row);
            ordinals.add(ordinal);
        }, n -> { });
        for (int i = 0; i < ordinals.size(); i++) rows.set(i, rows.get(i) + (in.isDuplicate(ordinals.get(i)) ? " duplicate" : ""));
        return new Outcome(rows, in.rejections().stream().map(Object::toString).toList(), in.warnings().stream().map(Object::toString).toList(),
                in.accounting().toString(), in.inputFiles().get(0).sha256());
    }

    private static void assertSameAtEveryChunkLength(Path f) {
        Outcome one = read(f, 0);
        for (int chunk = 40; chunk < 3000; chunk += 37) {
            assertEquals(one, read(f, chunk), "chunks of " + chunk + " bytes");
        }
    }

    @Test
    void readingInChunksOnTwoThreadsGivesTheRowsRejectionsAndAccountingOfOneThread() throws IOException {
        Path f = write("year.csv", awkwardRows(400));
        Outcome one = read(f, 0);
        assertTrue(one.rejections().size() >= 10 && one.warnings().size() >= 10, "the file has rejections and warnings to compare");
        assertTrue(one.rows().stream().anyMatch(r -> r.endsWith(" duplicate")), "and duplicates");
        assertEquals(FileDigest.sha256(f), one.digest());
        assertSameAtEveryChunkLength(f);
    }

    @Test
    void aStrayQuoteRejectsOnlyItsOwnLineWhereverTheFileIsSplit() throws IOException {
        StringBuilder s = awkwardRows(120);
        s.append(row(500, "\"PED CHEST", "2.0", "")).append('\n').append(row(501, "P", "2.0", "")).append('\n')
                .append(row(502, "PED HEAD\"", "2.0", "")).append('\n');
        s.append(awkwardRows(120).substring(HEADER.length()));
        Path f = write("stray.csv", s);
        Outcome one = read(f, 0);
        List<String> stray = one.rejections().stream().filter(r -> r.contains("which reads as a whole row")).toList();
        assertEquals(1, stray.size(), one.rejections().toString());
        assertTrue(stray.get(0).contains("accessionNumber=A500"), stray.get(0));
        assertTrue(one.rows().stream().anyMatch(r -> r.contains("A501")) && one.rows().stream().anyMatch(r -> r.contains("A502")));
        assertSameAtEveryChunkLength(f);
    }

    @Test
    void aQuoteInsideAnUnquotedCellThatMisleadsTheSplitStillGivesTheOneThreadRows() throws IOException {
        // 5" is text to the parser but flips the quote parity the split is guessed from.
        StringBuilder s = awkwardRows(60);
        s.append(row(900, "PED CHEST 5\"", "2.0", "")).append('\n');
        s.append(awkwardRows(200).substring(HEADER.length()));
        Path f = write("inch.csv", s);
        Outcome one = read(f, 0);
        assertTrue(one.rows().stream().anyMatch(r -> r.contains("PED CHEST 5\"")), "the quote is read as text");
        assertSameAtEveryChunkLength(f);
    }

    @Test
    void aQuoteLeftOpenOrClosedByALaterQuotedFieldRejectsItsLineWhereverTheFileIsSplit() throws IOException {
        StringBuilder open = awkwardRows(80).append(row(800, "\"PED CHEST", "2.0", ""));
        StringBuilder cut = awkwardRows(80).append(row(800, "\"PED CHEST", "2.0", "")).append("\nwith contrast\n");
        StringBuilder closed = awkwardRows(80).append(row(800, "\"PED", "2.0", "")).append('\n')
                .append(row(801, "PED \"HEAD\"", "2.0", "")).append('\n').append(awkwardRows(40).substring(HEADER.length()));
        for (Path f : List.of(write("open.csv", open), write("cut.csv", cut), write("closed.csv", closed))) {
            Outcome one = read(f, 0);
            assertEquals(1, one.rejections().stream().filter(r -> r.contains("accessionNumber=A800") && r.contains("(a stray")).count(),
                    one.rejections().toString());
            assertSameAtEveryChunkLength(f);
        }
    }

    /** The default split: a file of 8 MB or more on two threads in chunks of 128 KB; {@code oneThread}: never split. */
    private static Outcome readAsAnAuditDoes(Path f, boolean oneThread) {
        List<DataWarning> warnings = new ArrayList<>();
        RowValidator v = new RowValidator(new Pseudonymiser(AuditFixture.SECRET), LocalDateTime.of(2026, 11, 2, 7, 0), 50, warnings::add);
        ScanLogInput in = new ScanLogInput(List.of(f), v, new Exclusions(List.of()), warnings);
        if (oneThread) in.splitCsv(Long.MAX_VALUE, CsvChunks.CHUNK_BYTES);
        List<String> rows = new ArrayList<>();
        in.read((row, ordinal) -> rows.add(ordinal + " " + row), n -> { });
        return new Outcome(rows, in.rejections().stream().map(Object::toString).toList(), in.warnings().stream().map(Object::toString).toList(),
                in.accounting().toString(), in.inputFiles().get(0).sha256());
    }

    @Test
    void strayQuotesInAFileReadOnTwoThreadsGiveTheRowsOfOneThread() throws IOException {
        // Quoted free text with commas throughout, as real exports have it; stray quotes that close again at the end of
        // a cell five lines on (the split's count of quotes is even again after them, so the chunks after them are
        // still read on two threads), near the end one that the next quoted field would close (the rest is then read
        // on one thread, the split having no boundary left), and one never closed on the last line.
        StringBuilder s = new StringBuilder(HEADER);
        int line = 1;
        int unpaired = 0;
        while (s.length() < CsvChunks.PARALLEL_FROM_BYTES + (1 << 20)) {
            line++;
            if (unpaired == 0 && s.length() > CsvChunks.PARALLEL_FROM_BYTES && line % 59 == 21) unpaired = line;
            String indication = line % 59 == 0 ? "\"renal mass, arterial phase\"" : "";
            String protocol = line % 20_011 == 21 || line == unpaired ? "\"PED CHEST 5-10Y" : line % 20_011 == 26 ? "PED CHEST 5-10Y\"" : "P";
            s.append(row(line, protocol, "2." + line % 10, indication)).append('\n');
        }
        s.append(row(++line, "\"PED HEAD", "2.0", ""));
        Path f = write("month.csv", s);
        Outcome one = readAsAnAuditDoes(f, true);
        List<String> strays = one.rejections().stream().filter(r -> r.contains("(a stray")).toList();
        assertEquals(2 + (line - 1 - 21) / 20_011 + 1, strays.size(), strays.toString());
        assertTrue(strays.get(0).contains("line=21, column=protocol_name") && strays.get(0).contains("runs over line 22"), strays.get(0));
        assertTrue(strays.get(strays.size() - 1).contains("is never closed"), strays.get(strays.size() - 1));
        int closer = unpaired + 59 - 21;
        assertTrue(one.rows().stream().anyMatch(r -> r.contains("accessionNumber=A" + closer + ",")), "the row whose quoted field the"
                + " old reading took for the stray quote's end is audited");
        assertEquals(line - 1, one.rows().size() + one.rejections().size(), "every data line is a row or a rejection");
        assertEquals(one, readAsAnAuditDoes(f, false));
    }
}
