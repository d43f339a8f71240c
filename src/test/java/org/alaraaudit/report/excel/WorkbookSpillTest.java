package org.alaraaudit.report.excel;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.report.ReportFixtures;
import org.alaraaudit.scanlog.RunOwner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbook's streamed sheets spill to a folder of this run, which is gone once the workbook is written or failed. */
class WorkbookSpillTest {
    @TempDir
    Path dir;

    private static boolean spillFolderLeft() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("alara-audit-workbook-" + RunOwner.current() + "-"));
        }
    }

    @Test
    void aWrittenOrFailedWorkbookLeavesNoSpillFolder() throws IOException {
        AuditResult result = ReportFixtures.audit(dir);
        ExcelReport.write(result, dir.resolve("audit.xlsx"));
        assertTrue(Files.size(dir.resolve("audit.xlsx")) > 0);
        assertTrue(!spillFolderLeft(), "spill folder removed after writing");
        Path inTheWay = Files.createDirectories(dir.resolve("blocked.xlsx").resolve("keep"));
        assertThrows(IOException.class, () -> ExcelReport.write(result, dir.resolve("blocked.xlsx")));
        assertTrue(Files.exists(inTheWay));
        assertTrue(!spillFolderLeft(), "spill folder removed after a failure");
    }
}
