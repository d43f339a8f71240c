package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alaraaudit.AuditFixture;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile scan logs through the whole command: identifiers and birth dates where they do not belong, text
 * longer than the store holds, control characters. Every output, the console and the store are searched.
 */
class HostileInputLeaksTest {
    private static final Path HOSTILE = Path.of("src/test/resources/hostile");
    /** Every identifier and birth date of the hostile files, in the layouts they were written in and others. */
    private static final List<String> SECRETS = List.of("RCH0011111", "RCH0022222", "RCH0033333", "RCH0044444",
            "RCH-SHIFT-42", "RCH0012345", "RCH0020001", "2016-02-30", "11/03/2016", "20160311", "2016-03-11",
            "11.03.2016", "03/11/2016", "14/03/2020", "2020-03-14", "2023-08-01");
    private static final String WITHHELD = "value withheld: may identify a patient";

    @TempDir
    Path dir;

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d);
        }
    }

    private static List<String> sheet(Path xlsx, String name) throws Exception {
        List<String> out = new ArrayList<>();
        try (Workbook wb = new XSSFWorkbook(xlsx.toFile())) {
            for (Sheet s : wb) {
                if (name != null && !s.getSheetName().startsWith(name)) continue;
                for (Row r : s) for (Cell c : r) out.add(c.toString());
            }
        }
        return out;
    }

    private static String store(String url) throws Exception { return PrivacyAndReproducibilityTest.dump(url); }

    @Test
    void noIdentifierOrBirthDateOfAHostileLogReachesAnyOutputTheConsoleOrTheStore() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store/history").toAbsolutePath();
        CliTest.Run r = CliTest.run("audit", HOSTILE.resolve("identifiers-in-rejections.csv").toString(),
                HOSTILE.resolve("short-row-shifts-patient-id.csv").toString(),
                HOSTILE.resolve("openrem-date-of-birth-as-age.csv").toString(),
                "--period", "2026-10", "--out", dir.resolve("out").toString(), "--history", url);
        assertEquals(0, r.code(), r.err());
        Path out = dir.resolve("out");
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put("console", r.out() + r.err());
        texts.put("store", store(url + ";AUTO_SERVER=TRUE"));
        try (var files = Files.list(out)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".pdf")) texts.put(name, pdfText(f));
                else if (name.endsWith(".xlsx")) texts.put(name, String.join("|", sheet(f, null)));
                else texts.put(name, Files.readString(f));
            }
        }
        assertEquals(7, texts.size(), texts.keySet().toString());
        texts.forEach((where, text) -> {
            for (String secret : SECRETS) assertFalse(text.contains(secret), "leaked " + secret + " in " + where);
        });

        String rejected = texts.get("rejected.csv");
        for (String line : List.of("identifiers-in-rejections.csv,2,birth_date,", "identifiers-in-rejections.csv,3,birth_date,",
                "identifiers-in-rejections.csv,4,birth_date,", "identifiers-in-rejections.csv,6,study_datetime,",
                "short-row-shifts-patient-id.csv,4,modality,", "openrem-date-of-birth-as-age.csv,2,age_years,",
                "openrem-date-of-birth-as-age.csv,3,age_years,")) {
            assertTrue(rejected.contains(line + WITHHELD + ","), "withheld, and said so: " + line + "\n" + rejected);
        }
        assertTrue(rejected.contains("short-row-shifts-patient-id.csv,3,,,\"the row has 8 cells, the header has 9"),
                "the short row itself is rejected for its cell count, showing none of its cells: " + rejected);
        assertTrue(texts.get("findings.json").contains("\"value\" : \"" + WITHHELD + "\""), "findings.json says so too");
        assertTrue(sheet(out.resolve("audit-2026-10.xlsx"), "Rejected").contains(WITHHELD), "and the Rejected sheet");
        assertTrue(r.out().contains("identifiers-in-rejections.csv line 2: birth_date (" + WITHHELD + ") names a day that is not in the calendar"), r.out());

        assertTrue(texts.get("findings.csv").contains("indication 'appendicitis'"), "the matched words, not the note");
        assertTrue(texts.get("findings.json").contains("PED ABD 5-10Y [patient id]"), "free text is kept, masked");
    }

    @Test
    void textLongerThanTheStoreHoldsIsRejectedWhenReadAndTheMonthIsStored() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store/history").toAbsolutePath();
        Path log = new AuditFixture()
                .row("accession_number", "A".repeat(101))
                .row("accession_number", "A2", "station_name", "S".repeat(501))
                .row("accession_number", "A3", "protocol_name", "P".repeat(301))
                .row("accession_number", "B".repeat(100), "station_name", "T".repeat(500), "protocol_name", "Q".repeat(300),
                        "facility", "F".repeat(500))
                .write(dir, "long-values.csv");
        CliTest.Run r = CliTest.run("audit", log.toString(), "--period", "2026-10", "--out", dir.resolve("out").toString(),
                "--history", url);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Rows: 4 read = 1 audited + 3 rejected"), r.out());
        assertTrue(r.out().contains("long-values.csv line 2: accession_number is 101 characters long; the history store holds at most 100"), r.out());
        assertTrue(r.out().contains("line 3: station_name is 501 characters long; the history store holds at most 500"), r.out());
        assertTrue(r.out().contains("line 4: protocol_name is 301 characters long; the history store holds at most 300"), r.out());
        assertTrue(store(url + ";AUTO_SERVER=TRUE").contains("B".repeat(100)), "the study at the limits is in the store");
    }

    @Test
    void controlCharactersFromTheInputAreEscapedOnTheConsole() {
        Path log = new AuditFixture()
                .row("accession_number", "A1")
                .row("accession_number", "A2", "kvp", "3\u001b[2J\u001b[31m300\nRows: 9 read\u202e")
                .write(dir, "escapes.csv");
        CliTest.Run r = CliTest.run("audit", log.toString(), "--period", "2026-10", "--out", dir.resolve("out").toString(),
                "--no-history");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("kvp \"3\\u001b[2J\\u001b[31m300\\nRows: 9 read\\u202e\" is not a number"), r.out());
        assertFalse(r.out().contains("\u001b") || r.out().contains("\u202e"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("Rows:")).count(), "no forged line");
    }

    @Test
    void controlCharactersInAnErrorMessageAreEscaped() {
        CliTest.Run r = CliTest.run("audit", dir.resolve("missing\u001b[31m.csv").toString(), "--period", "2026-10",
                "--out", dir.resolve("out").toString(), "--no-history");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("missing\\u001b[31m.csv: no such file or folder"), r.err());
        assertFalse(r.err().contains("\u001b"), r.err());
        CliTest.Run verbose = CliTest.run("audit", dir.resolve("missing\u001b[31m.csv").toString(), "--period", "2026-10",
                "--out", dir.resolve("out").toString(), "--no-history", "--verbose");
        assertEquals(3, verbose.code(), verbose.err());
        assertTrue(verbose.err().contains("\tat org.alaraaudit."), "the trace keeps its lines: " + verbose.err());
        assertFalse(verbose.err().contains("\u001b"), verbose.err());
    }
}
