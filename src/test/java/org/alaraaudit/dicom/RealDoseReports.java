package org.alaraaudit.dicom;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real OpenREM test dose reports are: {@code src/test/resources/real-data/rdsr} (GPL test inputs with
 * their licence and SOURCES.md, used only by tests and never packed into the jar), or {@code -Dalara.realData=DIR}
 * / {@code ALARA_REAL_DATA} for another copy. They are part of the repository, so a test never skips for want of them.
 */
public final class RealDoseReports {
    private RealDoseReports() {}

    public static Path folder() {
        String p = System.getProperty("alara.realData");
        if (p == null) p = System.getenv("ALARA_REAL_DATA");
        if (p == null) p = "src/test/resources/real-data/rdsr";
        Path dir = Path.of(p);
        assertTrue(Files.isRegularFile(dir.resolve("CT-RDSR-Siemens-Multi-1.dcm")), "the real RDSR test files are not at " + dir);
        return dir;
    }

    public static Path file(String name) { return folder().resolve(name); }

    public static Path dump(String name) {
        Path d = folder().resolve("dumps").resolve(name + ".dsrdump.txt");
        assertTrue(Files.isRegularFile(d), "no dump " + d);
        return d;
    }
}
