package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alaraaudit.AuditFixture;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code review import} on the command line: summary, exit codes, no stack traces. */
class ReviewCommandTest {
    @TempDir
    Path dir;

    @Test
    void importsAnAuditedWorkbookIntoTheGivenStore() {
        String url = "jdbc:h2:file:" + dir.resolve("history");
        Path log = new AuditFixture().row("patient_id", "P1", "accession_number", "A1", "protocol_name", "CHEST ROUTINE").write(dir, "log.csv");
        CliTest.Run audit = CliTest.run("audit", log.toString(), "--period", "2026-10", "--out", dir.resolve("out").toString(),
                "--format", "xlsx", "--history", url, "--no-progress");
        assertEquals(0, audit.code(), audit.err());
        CliTest.Run r = CliTest.run("review", "import", dir.resolve("out/audit-2026-10.xlsx").toString(), "--history", url);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("0 imported, 0 unchanged"), r.out());
        assertTrue(r.out().contains("without a review, 0 ignored"), r.out());
    }

    @Test
    void aMissingOrForeignWorkbookIsUnusableInput() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("history");
        org.alaraaudit.history.HistoryStore.open(url, java.util.Map.of()); // a store there: the workbook is what is at fault
        CliTest.Run missing = CliTest.run("review", "import", dir.resolve("nope.xlsx").toString(), "--history", url);
        assertEquals(ExitCode.INPUT_UNUSABLE, missing.code(), missing.err());
        assertTrue(missing.err().contains("no such file"), missing.err());

        Path other = dir.resolve("other.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream o = Files.newOutputStream(other)) {
            wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("hello");
            wb.write(o);
        }
        CliTest.Run foreign = CliTest.run("review", "import", other.toString(), "--history", url);
        assertEquals(ExitCode.INPUT_UNUSABLE, foreign.code(), foreign.err());
        assertTrue(foreign.err().contains("no \"Findings\" sheet"), foreign.err());
        assertTrue(!foreign.err().contains("\tat "), foreign.err());
    }

    @Test
    void theCommandsThatNeedAStoreDoNotOfferToRunWithoutOne() {
        CliTest.Run r = CliTest.run("review", "import", dir.resolve("x.xlsx").toString(), "--no-history");
        assertEquals(ExitCode.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("Unknown option: '--no-history'"), r.err());
        for (String[] help : new String[][]{{"review", "import", "--help"}, {"trend", "--help"}, {"rules", "derive-ranges", "--help"}}) {
            CliTest.Run h = CliTest.run(help);
            assertTrue(h.out().contains("--history=JDBC-URL"), h.out());
            assertTrue(!h.out().contains("--no-history"), String.join(" ", help) + " offers --no-history: " + h.out());
        }
        assertTrue(CliTest.run("audit", "--help").out().contains("--no-history"), "audit can run without a store");
    }
}
