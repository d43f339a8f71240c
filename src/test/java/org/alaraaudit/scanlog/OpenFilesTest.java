package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workbook read is a workbook closed, whichever reader read it. FastExcel leaves its file open when its opening of a
 * workbook fails, with nothing to close it by, so a workbook it cannot open never reaches its opening of the file:
 * otherwise the file stays open until the garbage collector finalizes FastExcel's zip file, or the run ends.
 */
class OpenFilesTest {
    @TempDir
    Path dir;

    /** How many of this process's open file descriptors point at {@code f}, as Linux lists them. */
    private static long openDescriptors(Path f) throws IOException {
        Path file = f.toRealPath();
        long n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).equals(file)) n++;
                } catch (IOException closedMeanwhile) {
                    // the directory's own descriptor, or one closed since it was listed
                }
            }
        }
        return n;
    }

    /** {@code f} copied to {@code name} with the first match of {@code regex} in its part {@code part} replaced. */
    private Path edited(Path f, String name, String part, String regex, String replacement) throws IOException {
        return EditedWorkbook.edit(f, dir.resolve(name), part, regex, replacement);
    }

    private static List<String> rows(Path f) {
        List<String> out = new ArrayList<>();
        try (XlsxTable t = new XlsxTable(f, null, List.of())) {
            out.add(String.join("|", t.header()));
            while (t.hasNext()) out.add(java.util.Arrays.toString(t.next().cells()));
        }
        return out;
    }

    @Test
    void aWorkbookFastExcelFailsToOpenIsReadByTheOtherReaderAndLeftClosed() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "the process's open files are listed as Linux lists them");
        Path sound = SharedTextIndexTest.workbook(dir.resolve("sound.xlsx"), "<si><t>patient_id</t></si><si><t>MRN-1</t></si>",
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row>");
        // An active tab that is not a number, which POI never reads; and no styles part, which WorkbookParts foresaw.
        List<Path> damaged = List.of(
                edited(sound, "active-tab.xlsx", "xl/workbook.xml", "<sheets>", "<bookViews><workbookView activeTab=\"first\"/></bookViews><sheets>"),
                edited(sound, "no-styles.xlsx", "[Content_Types].xml", "<Override PartName=\"/xl/styles\\.xml\"[^>]*/>", ""));
        for (Path f : damaged) {
            // Shown in memory, where FastExcel's failure leaves no file open.
            assertThrows(RuntimeException.class, () -> new ReadableWorkbook(new ByteArrayInputStream(Files.readAllBytes(f)),
                    FastExcelSheet.OPTIONS).close(), "FastExcel cannot open " + f.getFileName());
            assertFalse(WorkbookParts.inspect(f).fastExcel(), "FastExcel is not asked to open " + f.getFileName());
            // A failed opening's file is closed only when the garbage collector finalizes it, if ever: while the table
            // is open, only the reader that reads it holds it.
            try (XlsxTable t = new XlsxTable(f, null, List.of())) {
                assertEquals(1, openDescriptors(f), f.getFileName() + " is held by one reader");
                assertEquals("MRN-1", t.next().cells()[0]);
            }
            assertEquals(0, openDescriptors(f), f.getFileName() + " is left open");
        }
    }

    @Test
    void aWorkbookReadWholeOrRefusedIsLeftClosed() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "the process's open files are listed as Linux lists them");
        Path sound = SharedTextIndexTest.workbook(dir.resolve("read.xlsx"), "<si><t>patient_id</t></si><si><t>MRN-1</t></si>",
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row>");
        assertEquals(2, rows(sound).size());
        assertEquals(0, openDescriptors(sound));
        Path refused = SharedTextIndexTest.workbook(dir.resolve("refused.xlsx"), "<si><t>patient_id</t></si>",
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row>");
        assertThrows(ScanLogException.class, () -> rows(refused));
        assertEquals(0, openDescriptors(refused));
    }
}
