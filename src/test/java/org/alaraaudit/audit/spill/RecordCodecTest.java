package org.alaraaudit.audit.spill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.alaraaudit.model.TargetRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A part written component by component reads back as it was, enum constants and nulls included. */
class RecordCodecTest {
    record Part(TargetRegion region, Double dose, int count, boolean flag, String note, LocalDateTime at, TargetRegion other) {}

    @TempDir
    Path dir;

    @Test
    void aPartWithEnumConstantsNullsAndEveryOtherKindOfComponentReadsBackAsWritten() throws IOException {
        RecordCodec<Part> codec = RecordCodec.of(Part.class);
        Part full = new Part(TargetRegion.CHEST, 4.25, 3, true, "ü", LocalDateTime.of(2024, 2, 29, 23, 59, 59, 1), TargetRegion.HEAD);
        Part empty = new Part(null, null, 0, false, null, null, TargetRegion.values()[TargetRegion.values().length - 1]);
        Path file = dir.resolve("parts.bin");
        try (SpillOut out = new SpillOut(file, 256, 4)) {
            for (int i = 0; i < 2; i++) {
                codec.write(out, full);
                codec.write(out, empty);
            }
        }
        try (SpillIn in = new SpillIn(file, 256)) {
            for (int i = 0; i < 2; i++) {
                assertEquals(full, codec.read(in));
                assertEquals(empty, codec.read(in));
            }
        }
    }
}
