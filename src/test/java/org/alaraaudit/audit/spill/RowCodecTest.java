package org.alaraaudit.audit.spill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.alaraaudit.model.Acquisition;
import org.alaraaudit.model.AcquisitionType;
import org.alaraaudit.model.Contrast;
import org.alaraaudit.model.DoseCheckRecord;
import org.alaraaudit.model.Measurements;
import org.alaraaudit.model.Modality;
import org.alaraaudit.model.ProjectionDose;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.model.Study;
import org.alaraaudit.model.TargetRegion;
import org.alaraaudit.scanlog.ScanRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A row written to a spill file reads back part by part as it was, whether its texts were numbered or not. */
class RowCodecTest {
    @TempDir
    Path dir;

    private static final ScanRow FULL = new ScanRow(new SourceLine("log.csv", 12),
            new Study.Header("p1", 7.5, "F", 20.0, 120.0, "General", "CT1", "GE", "Revolution", "A1",
                    LocalDateTime.of(2026, 10, 1, 8, 0, 0, 123_000_000), Modality.CT, "CT HEAD " + "x".repeat(70_000), "fall"),
            new Acquisition("PED HEAD", AcquisitionType.SPIRAL, TargetRegion.HEAD, LocalDateTime.of(2026, 10, 1, 8, 1), "1.2.3",
                    Contrast.WITH),
            new Measurements(120.0, 100.0, 20.5, 16, 300.0, 150.0, 25.0, 14.0, 13.5, 1.5, 2.0),
            new DoseCheckRecord(true, 10.0, 12.0, 100.0, 502.4, "override ü"), false,
            new ProjectionDose("CHEST", "PA", 550.0, 400.0, null, 3200.0, 2100.0, "B"));

    private static final ScanRow EMPTY = new ScanRow(new SourceLine("other.xlsx", 3),
            new Study.Header("p2", 40.0, null, null, null, "General", null, null, null, "A2",
                    LocalDateTime.of(2026, 10, 2, 9, 30), Modality.DX, null, null),
            new Acquisition(null, null, null, LocalDateTime.of(2026, 10, 2, 9, 30), null, null), Measurements.NONE, null, true, ProjectionDose.NONE);

    @Test
    void everyPartReadsBackAsWrittenWithNullsAndLongTextsWhetherNumberedOrInline() throws IOException {
        Path file = dir.resolve("rows.bin");
        // Two words only: the rest of the repeating texts are written inline, the other path of the format.
        try (SpillOut out = new SpillOut(file, 1024, 2)) {
            for (int i = 0; i < 3; i++) {
                RowCodec.write(out, FULL);
                RowCodec.write(out, EMPTY);
            }
        }
        try (SpillIn in = new SpillIn(file, 1024)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(FULL, RowCodec.row(in));
                assertEquals(EMPTY, RowCodec.row(in));
            }
        }
    }
}
