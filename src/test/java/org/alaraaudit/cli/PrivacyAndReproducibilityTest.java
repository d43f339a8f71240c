package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing leaked (identifiers, birth dates, formulas) and the same input gives the same findings. */
class PrivacyAndReproducibilityTest {
    private static final String ID_1 = "ZZPATIENT-4711";
    private static final String ID_2 = "QQKID-0815";
    private static final String BIRTH = "2017-03-29";
    private static final List<String> PAYLOADS = List.of("=HYPERLINK(\"http://evil.example\",\"x\")",
            "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3+cmd|' /C calc'!A0");

    @TempDir
    Path dir;

    private Path log() {
        return new AuditFixture()
                .row("patient_id", ID_1, "age_years", "", "birth_date", BIRTH, "accession_number", "A1",
                        "protocol_name", PAYLOADS.get(0), "study_description", PAYLOADS.get(2))
                .row("patient_id", ID_1, "age_years", "", "birth_date", BIRTH, "accession_number", "A2",
                        "study_datetime", "2026-10-11T09:00:00", "protocol_name", "CHEST ROUTINE", "station_name", PAYLOADS.get(1))
                .row("patient_id", ID_2, "accession_number", "A3", "facility", PAYLOADS.get(3), "ctdivol_mgy", "oops")
                .row("patient_id", ID_2, "accession_number", "A4", "facility", PAYLOADS.get(3), "ctdivol_mgy", "30")
                .write(dir, "log.csv");
    }

    private CliTest.Run audit(Path log, String out, String historyUrl) {
        return CliTest.run("audit", log.toString(), "--period", "2026-10", "--out", dir.resolve(out).toString(),
                "--history", historyUrl);
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d);
        }
    }

    private static List<Cell> cells(Path xlsx) throws IOException {
        List<Cell> out = new ArrayList<>();
        try (Workbook wb = new XSSFWorkbook(xlsx.toFile())) {
            for (Sheet s : wb) for (Row r : s) for (Cell c : r) out.add(c);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
        return out;
    }

    /** Every row of every table of a store, as text: what a leak search reads. */
    static String dump(String jdbcUrl) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             ResultSet tables = c.getMetaData().getTables(null, "PUBLIC", "%", new String[]{"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) names.add(tables.getString("TABLE_NAME"));
            for (String t : names) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM \"" + t + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) for (int i = 1; i <= n; i++) sb.append(rs.getString(i)).append('|');
                }
            }
        }
        return sb.toString();
    }

    @Test
    void noOutputStoreOrLogCarriesAnIdentifierOrBirthDate() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store/history").toAbsolutePath();
        CliTest.Run r = audit(log(), "out", url);
        assertEquals(0, r.code(), r.err());
        List<String> texts = new ArrayList<>(List.of(r.out(), r.err(), dump(url + ";AUTO_SERVER=TRUE")));
        try (var files = Files.list(dir.resolve("out"))) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".pdf")) texts.add(pdfText(f));
                else if (name.endsWith(".xlsx")) cells(f).forEach(c -> texts.add(c.toString()));
                else texts.add(Files.readString(f));
            }
        }
        assertTrue(texts.size() > 6, "pdf, workbook, csv, json and the store were all searched");
        for (String t : texts) {
            for (String secret : List.of(ID_1, ID_2, BIRTH, "29.03.2017", "3/29/2017")) {
                assertFalse(t.contains(secret), "leaked " + secret);
            }
        }
    }

    @Test
    void formulaPayloadsStayTextInEveryHumanFacingOutput() throws Exception {
        CliTest.Run r = audit(log(), "out", "jdbc:h2:mem:formulas");
        assertEquals(0, r.code(), r.err());
        String csv = Files.readString(dir.resolve("out/findings.csv")) + Files.readString(dir.resolve("out/rejected.csv"));
        for (String p : PAYLOADS) {
            if (!csv.contains(p)) continue;
            assertTrue(csv.contains("'" + p) || csv.contains("\"'" + p.replace("\"", "\"\"")),
                    "CSV cell starting with a formula character is prefixed: " + p);
        }
        for (Cell c : cells(dir.resolve("out/audit-2026-10.xlsx"))) {
            assertFalse(c.getCellType() == CellType.FORMULA, "no formula cell: " + c.getAddress());
        }
        assertTrue(Files.readString(dir.resolve("out/findings.json")).contains("=HYPERLINK"), "JSON stays raw");
    }

    @Test
    void sameInputsRulesAndSecretGiveIdenticalFindings() throws Exception {
        Path log = log();
        assertEquals(0, audit(log, "a", "jdbc:h2:mem:repro-a").code());
        assertEquals(0, audit(log, "b", "jdbc:h2:mem:repro-b").code());
        assertEquals(Files.readString(dir.resolve("a/findings.csv")), Files.readString(dir.resolve("b/findings.csv")));
        assertEquals(Files.readString(dir.resolve("a/rejected.csv")), Files.readString(dir.resolve("b/rejected.csv")));
        String ja = Files.readString(dir.resolve("a/findings.json")).replaceAll("\"generated_at\" : \"[^\"]*\"", "");
        String jb = Files.readString(dir.resolve("b/findings.json")).replaceAll("\"generated_at\" : \"[^\"]*\"", "");
        assertEquals(ja, jb);
        List<String> wa = cells(dir.resolve("a/audit-2026-10.xlsx")).stream().map(Cell::toString).toList();
        List<String> wb = cells(dir.resolve("b/audit-2026-10.xlsx")).stream().map(Cell::toString).toList();
        assertEquals(wa.size(), wb.size());
        int differing = 0;
        for (int i = 0; i < wa.size(); i++) if (!wa.get(i).equals(wb.get(i))) differing++;
        assertTrue(differing <= 1, "only the generation time may differ: " + differing + " cells differ");
    }
}
