package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.rules.ThresholdWorkbookFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site's physicist confirms the reference tables with {@code rules verify-tables}; {@code rules validate} counts
 * the values per status, and the PDF says the status once, in a reviewer's words, never naming a file or repository.
 */
class ReferenceConfirmationCommandTest {
    @TempDir
    Path dir;

    private Path log() {
        AuditFixture f = new AuditFixture();
        for (int i = 0; i < 12; i++) {
            f.row("patient_id", "MRN-H" + i, "accession_number", "H" + i, "study_datetime",
                    String.format("2026-10-%02dT09:00:00", i + 2), "protocol_name", "PED HEAD 6-18Y", "age_years", "9",
                    "target_region", "HEAD", "phantom", "16", "ctdivol_mgy", String.valueOf(50 + i), "dlp_mgycm", "900");
        }
        f.row("patient_id", "MRN-A", "accession_number", "A1", "protocol_name", "ADULT CHEST ROUTINE", "age_years", "7");
        return f.write(dir, "scan-log.csv");
    }

    private String pdfText(Path rules, String template) throws IOException {
        Path out = dir.resolve("out-" + template + (rules == null ? "" : "-own"));
        List<String> args = new ArrayList<>(List.of("audit", log().toString(), "--period", "2026-10", "--no-history",
                "--format", "pdf", "--template", template, "--out", out.toString()));
        if (rules != null) args.addAll(List.of("--rules", rules.toString()));
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(ExitCode.OK, r.code(), r.err());
        try (Stream<Path> s = Files.list(out); PDDocument doc = Loader.loadPDF(s.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow().toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void validateCountsTheReferenceValuesPerStatus() {
        CliTest.Run r = CliTest.run("rules", "validate");
        assertEquals(ExitCode.OK, r.code(), r.err());
        Matcher m = Pattern.compile("Reference values: (\\d+) in (\\d+) tables: primary (\\d+), secondary (\\d+), local-policy (\\d+)"
                + "(, unverified (\\d+))?; confirmed by the site: 0").matcher(r.out());
        assertTrue(m.find(), r.out());
        int total = Integer.parseInt(m.group(1));
        int sum = Integer.parseInt(m.group(3)) + Integer.parseInt(m.group(4)) + Integer.parseInt(m.group(5))
                + (m.group(7) == null ? 0 : Integer.parseInt(m.group(7)));
        assertEquals(total, sum, r.out());
        assertTrue(r.out().contains("  drl-us-kanal2022.csv"), "one line per table");
    }

    @Test
    void aConfirmedTableIsCountedAndTheReportSaysWhoConfirmedItAndWhen() throws IOException {
        Path rules = ThresholdWorkbookFile.rulesCopy(dir.resolve("rules"));
        CliTest.Run v = CliTest.run("rules", "verify-tables", "--rules", rules.toString(), "--by", "Dr Ada Rowe", "--on", "2026-11-30",
                "notification-values.csv");
        assertEquals(ExitCode.OK, v.code(), v.err());
        assertTrue(v.out().contains("Confirmed notification-values.csv: "), v.out());
        CliTest.Run val = CliTest.run("rules", "validate", "--rules", rules.toString(), "--strict");
        assertEquals(ExitCode.OK, val.code(), val.out() + val.err());
        assertTrue(val.out().matches("(?s).*notification-values\\.csv +\\d+ +secondary \\d+; confirmed \\d+ \\(Dr Ada Rowe on 2026-11-30\\).*"),
                val.out());
        String text = pdfText(rules, "default").replaceAll("\\s+", " ");
        assertTrue(text.contains("confirmed by Dr Ada Rowe on 2026-11-30"), "the confirmation replaces the default status");
    }

    @Test
    void confirmingNeedsARulesFolderAndAKnownTable() {
        assertEquals(ExitCode.USAGE, CliTest.run("rules", "verify-tables", "--by", "Dr Ada Rowe").code());
        Path rules = ThresholdWorkbookFile.rulesCopy(dir.resolve("rules2"));
        CliTest.Run r = CliTest.run("rules", "verify-tables", "--rules", rules.toString(), "--by", "Dr Ada Rowe", "nothing.csv");
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().contains("nothing.csv: no reference table of that name"), r.err());
        assertEquals(ExitCode.USAGE, CliTest.run("rules", "verify-tables", "--rules", rules.toString(), "--by", "Dr Ada Rowe",
                "--on", "2999-01-01").code());
    }

    @Test
    void neitherTemplatesPdfNamesARepositoryATableFileOrANoteToVerify() throws IOException {
        List<String> tableFiles = new ArrayList<>();
        try (Stream<Path> s = Files.list(ThresholdWorkbookFile.RULES.resolve("tables"))) {
            s.forEach(p -> tableFiles.add(p.getFileName().toString()));
        }
        for (String template : List.of("default", "accreditation")) {
            String text = pdfText(null, template);
            String flat = text.replaceAll("\\s+", " ");
            assertTrue(flat.contains("Reference values and their status"), template);
            assertTrue(flat.contains("Pediatric CT diagnostic reference levels (US)"), template);
            assertTrue(flat.contains("from a secondary source"), template);
            assertTrue(flat.contains("local policy (default)"), template);
            for (String forbidden : List.of("github", "drl_app", "verify", "tables/", ".md")) {
                assertFalse(flat.toLowerCase(java.util.Locale.ROOT).contains(forbidden), template + " shows " + forbidden);
            }
            for (String file : tableFiles) assertFalse(text.contains(file), template + " names " + file);
            // The only file names a reviewer reads are the audited inputs, listed with their SHA-256, and the audit's own
            // workbook, where the sign-off says reviews are recorded while none is.
            Matcher names = Pattern.compile("[\\w.-]+\\.(csv|xlsx)\\b").matcher(text);
            while (names.find()) {
                assertTrue(names.group().equals("scan-log.csv") || names.group().matches("audit-\\d{4}-\\d{2}\\.xlsx"), template + ": " + names.group());
            }
        }
    }
}
