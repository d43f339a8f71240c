package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A workbook written by POI with one XML part changed by hand: how the tests make what Excel, LibreOffice or a
 * damaged file writes and POI never would (a formula without its value, a 1904 date flag, a missing styles part).
 */
final class EditedWorkbook {
    private EditedWorkbook() {}

    /** {@code f} copied to {@code out} with the first match of {@code regex} in its part {@code part} replaced; the match must exist. */
    static Path edit(Path f, Path out, String part, String regex, String replacement) throws IOException {
        try (ZipFile in = new ZipFile(f.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] data = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(part)) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    String replaced = xml.replaceFirst(regex, replacement);
                    assertNotEquals(xml, replaced, "nothing in " + part + " matches " + regex);
                    data = replaced.getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(entry.getName()));
                z.write(data);
                z.closeEntry();
            }
        }
        return out;
    }
}
