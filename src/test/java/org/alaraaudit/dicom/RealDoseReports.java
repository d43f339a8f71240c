package org.alaraaudit.dicom;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real OpenREM test dose reports are (shared/real-data/rdsr, GPL test inputs that are not copied into
 * this repository): {@code -Dalara.realData=DIR}, else {@code ALARA_REAL_DATA}, else the team's shared folder.
 * Tests that need them are skipped where they are absent.
 */
public final class RealDoseReports {
    private RealDoseReports() {}

    public static Path folder() {
        String p = System.getProperty("alara.realData");
        if (p == null) p = System.getenv("ALARA_REAL_DATA");
        if (p == null) p = "/work/shared/real-data/rdsr";
        Path dir = Path.of(p);
        assumeTrue(Files.isRegularFile(dir.resolve("CT-RDSR-Siemens-Multi-1.dcm")), "the real RDSR test files are not at " + dir);
        return dir;
    }

    public static Path file(String name) { return folder().resolve(name); }

    public static Path dump(String name) {
        Path d = folder().resolve("dumps").resolve(name + ".dsrdump.txt");
        assumeTrue(Files.isRegularFile(d), "no dump " + d);
        return d;
    }
}
