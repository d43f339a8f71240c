package org.alaraaudit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees for a wrong Spark command line: one line and the documented exit code, before Spark starts. */
class SparkAuditArgumentsTest {
    private static final Map<String, String> ENV = Map.of("ALARA_AUDIT_SECRET", "test-site-secret-of-20b");

    private final StringWriter err = new StringWriter();

    private int run(String... args) { return SparkAudit.run(args, ENV, new PrintWriter(err, true)); }

    @Test
    void anUnknownFormatIsAUsageError(@TempDir Path tmp) {
        assertEquals(2, run("--input", "sample-data", "--format", "xml", "--out", tmp.resolve("out").toString()));
        assertTrue(err.toString().contains("--format xml: expected csv or parquet"), err.toString());
    }

    @Test
    void anOutFolderThatExistsIsNeverWrittenInto(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("keep.txt"), "x");
        assertEquals(2, run("--input", "sample-data", "--out", tmp.toString()));
        assertTrue(err.toString().contains("exists; give a new folder"), err.toString());
        assertEquals("x", Files.readString(tmp.resolve("keep.txt")));
    }

    @Test
    void aMissingInputMakesTheInputUnusable(@TempDir Path tmp) {
        assertEquals(3, run("--input", tmp.resolve("nothing-here").toString(), "--out", tmp.resolve("out").toString()));
        assertTrue(err.toString().contains("no such file or folder"), err.toString());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aMonthThatIsNoMonthIsAUsageError(@TempDir Path tmp) {
        assertEquals(2, run("--input", "sample-data", "--period", "2026-13", "--out", tmp.resolve("out").toString()));
        assertTrue(err.toString().contains("the period \"2026-13\" names month 13: months run from 01 to 12"), err.toString());
    }

    @Test
    void aPeriodThatIsNoMonthInFormIsAUsageError(@TempDir Path tmp) {
        assertEquals(2, run("--input", "sample-data", "--period", "2026-10-05", "--out", tmp.resolve("out").toString()));
        assertTrue(err.toString().contains("cannot read the period \"2026-10-05\": expected --period YYYY-MM or --from/--to YYYY-MM-DD"), err.toString());
    }
}
