package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports say how each input was read next to its digest: the same bytes read with another mapping profile are
 * other doses, so a reviewer checking a report against its sources needs the profile, and a profile file's own digest.
 */
class InputReadAsTest {
    @TempDir
    Path dir;

    /** The worked example of docs/input-formats.md: a radiography export and the site's profile for it. */
    private Path export() throws IOException {
        String doc = Files.readString(Path.of("docs/input-formats.md"), StandardCharsets.UTF_8);
        Path export = dir.resolve("export.csv");
        Files.writeString(export, block(doc, "A radiography dose system exports this CSV"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("north-clinic.profile"), block(doc, "Its profile, saved as"), StandardCharsets.UTF_8);
        return export;
    }

    /** The code block after a sentence of the doc. */
    private static String block(String doc, String after) {
        int start = doc.indexOf("```", doc.indexOf(after));
        start = doc.indexOf('\n', start) + 1;
        return doc.substring(start, doc.indexOf("```", start));
    }

    private CliTest.Run audit(Path export, String out) {
        return CliTest.run("audit", export.toString(), "--profile", dir.resolve("north-clinic.profile").toString(),
                "--period", "2026-10", "--no-history", "--out", dir.resolve(out).toString());
    }

    private static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    private JsonNode input(String out) throws IOException {
        JsonNode inputs = new ObjectMapper().readTree(dir.resolve(out).resolve("findings.json").toFile()).get("run").get("inputs");
        assertEquals(1, inputs.size(), inputs.toString());
        return inputs.get(0);
    }

    @Test
    void aProfileFileIsListedWithItsDigestInFindingsJsonThePdfCoverAndTheWorkbook() throws Exception {
        Path export = export();
        CliTest.Run r = audit(export, "out");
        assertEquals(ExitCode.OK, r.code(), r.err());
        String profileDigest = sha256(dir.resolve("north-clinic.profile"));
        assertEquals("north-clinic.profile", input("out").get("read_as").asText());
        assertEquals(profileDigest, input("out").get("profile_sha256").asText());

        try (PDDocument d = Loader.loadPDF(dir.resolve("out/audit-2026-10.pdf").toFile())) {
            String text = new PDFTextStripper().getText(d);
            assertTrue(text.contains("export.csv " + sha256(export) + " north-clinic.profile"), "the input, read with the profile");
            assertTrue(text.contains("north-clinic.profile " + profileDigest + " the mapping profile"), "the profile, with its digest");
        }
        java.util.List<String> rows = new java.util.ArrayList<>();
        try (InputStream in = Files.newInputStream(dir.resolve("out/audit-2026-10.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Row row : wb.getSheet("Summary")) {
                StringBuilder sb = new StringBuilder();
                for (Cell c : row) sb.append(c.toString()).append('|');
                rows.add(sb.toString());
            }
        }
        assertTrue(rows.contains("export.csv|north-clinic.profile|" + sha256(export) + "|"), rows.toString());
        assertTrue(rows.contains("north-clinic.profile|the mapping profile|" + profileDigest + "|"), rows.toString());

        // The site edits its profile between two runs: the second run's report gives the profile's new digest.
        Files.writeString(dir.resolve("north-clinic.profile"), "# kVp column renamed in October\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(ExitCode.OK, audit(export, "again").code());
        assertNotEquals(profileDigest, input("again").get("profile_sha256").asText());
        assertEquals(sha256(dir.resolve("north-clinic.profile")), input("again").get("profile_sha256").asText());
    }

    /**
     * The history store keeps how each input was read as the report said it, the profile file's digest too, and the
     * trend workbook's list of runs names it: the trend of a month read with another profile is another month.
     */
    @Test
    void theHistoryStoreKeepsHowEachInputWasReadAndTheTrendWorkbookListsIt() throws Exception {
        Path export = export();
        String store = "jdbc:h2:file:" + dir.resolve("store").resolve("history");
        CliTest.Run profiled = CliTest.run("audit", export.toString(), "--profile", dir.resolve("north-clinic.profile").toString(),
                "--period", "2026-10", "--history", store, "--format", "json", "--out", dir.resolve("p").toString());
        assertEquals(ExitCode.OK, profiled.code(), profiled.err());
        CliTest.Run canonical = CliTest.run("audit", "sample-data/scan-log-2026-09.csv", "--period", "2026-09", "--history", store,
                "--format", "json", "--out", dir.resolve("c").toString());
        assertEquals(ExitCode.OK, canonical.code(), canonical.err());
        CliTest.Run trend = CliTest.run("trend", "--history", store, "--out", dir.resolve("trend").toString());
        assertEquals(ExitCode.OK, trend.code(), trend.err());

        java.util.List<String> inputs = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(dir.resolve("trend"))) {
            Path xlsx = files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElseThrow();
            try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                org.apache.poi.ss.usermodel.Sheet runs = wb.getSheet("Runs");
                assertEquals("Input files", runs.getRow(0).getCell(7).toString());
                for (Row row : runs) if (row.getRowNum() > 0) inputs.add(row.getCell(7).toString());
            }
        }
        String profileDigest = sha256(dir.resolve("north-clinic.profile"));
        assertEquals(java.util.List.of("scan-log-2026-09.csv (read as canonical)",
                "export.csv (read with the profile file north-clinic.profile, SHA-256 " + profileDigest.substring(0, 12) + ")"), inputs);
    }

    @Test
    void aCanonicalScanLogIsReadAsCanonical() throws IOException {
        CliTest.Run r = CliTest.run("audit", "sample-data/scan-log-2026-10.csv", "--period", "2026-10", "--no-history",
                "--format", "json", "--out", dir.resolve("c").toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertEquals("canonical", input("c").get("read_as").asText());
        String json = dir.resolve("c/findings.json").toString();
        CliTest.Run same = CliTest.run("verify", json, "sample-data/scan-log-2026-10.csv", "--profile", "canonical");
        assertEquals(ExitCode.OK, same.code(), same.out());
        assertTrue(same.out().contains("OK             profile canonical (built in)"), same.out());
        CliTest.Run other = CliTest.run("verify", json, "sample-data/scan-log-2026-10.csv", "--profile", "openrem-ct-csv");
        assertEquals(1, other.code(), other.out());
        assertTrue(other.out().contains("DIFFERS        profile openrem-ct-csv  the report read scan-log-2026-10.csv as canonical"), other.out());
        assertTrue(input("c").get("profile_sha256") == null, "a built-in layout: the tool version fixes it");
    }

    @Test
    void verifyChecksTheProfileFileAndReadsAFolderWithItsLayoutAsAuditDid() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("exports"));
        Files.copy(export(), folder.resolve("october.txt"));
        Files.writeString(folder.resolve("README.txt"), "Dose exports of the DX rooms\n");
        String profile = dir.resolve("north-clinic.profile").toString();
        CliTest.Run audit = CliTest.run("audit", folder.toString(), "--profile", profile, "--period", "2026-10", "--no-history",
                "--format", "json", "--out", dir.resolve("v").toString());
        assertEquals(ExitCode.OK, audit.code(), audit.err());
        String json = dir.resolve("v/findings.json").toString();

        CliTest.Run same = CliTest.run("verify", json, folder.toString(), "--profile", profile);
        assertEquals(ExitCode.OK, same.code(), same.out() + same.err());
        assertTrue(same.out().contains("OK             october.txt"), "the export, read as a scan log with the profile's layout: " + same.out());
        assertTrue(same.out().contains("OK             profile north-clinic.profile  " + sha256(Path.of(profile))), same.out());

        CliTest.Run without = CliTest.run("verify", json, folder.resolve("october.txt").toString());
        assertEquals(1, without.code(), without.out());
        assertTrue(without.out().contains("NOT GIVEN      profile north-clinic.profile"), without.out());
        // Without its profile the folder's exports look like notes: the message says what they need.
        CliTest.Run folderWithout = CliTest.run("verify", json, folder.toString());
        assertEquals(ExitCode.INPUT_UNUSABLE, folderWithout.code());
        assertTrue(folderWithout.err().contains("README.txt, october.txt (exports of a layout of your own need --profile FILE)"),
                folderWithout.err());

        Files.writeString(Path.of(profile), "# kVp column renamed in October\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        CliTest.Run edited = CliTest.run("verify", json, folder.toString(), "--profile", profile);
        assertEquals(1, edited.code(), edited.out());
        assertTrue(edited.out().contains("DIFFERS        profile " + profile), edited.out());

        CliTest.Run unknown = CliTest.run("verify", json, folder.toString(), "--profile", "no-such-layout");
        assertEquals(ExitCode.USAGE, unknown.code());
        assertTrue(unknown.err().startsWith("alara-audit: --profile: profile \"no-such-layout\""), unknown.err());
    }
}
