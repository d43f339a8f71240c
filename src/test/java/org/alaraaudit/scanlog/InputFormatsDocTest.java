package org.alaraaudit.scanlog;

import static org.alaraaudit.scanlog.CanonicalColumn.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worked example of docs/input-formats.md does what the page says it does. */
class InputFormatsDocTest {
    @TempDir
    Path dir;

    /** The fenced block that follows the first line containing {@code after}. */
    private static String block(String doc, String after) {
        int at = doc.indexOf(after);
        int start = doc.indexOf("```", at);
        start = doc.indexOf('\n', start) + 1;
        return doc.substring(start, doc.indexOf("```", start));
    }

    @Test
    void theWorkedExampleReadsAsDescribed() throws Exception {
        String doc = Files.readString(Path.of("docs/input-formats.md"), StandardCharsets.UTF_8);
        Path profile = dir.resolve("north-clinic.profile");
        Files.writeString(profile, block(doc, "Its profile, saved as"), StandardCharsets.UTF_8);
        Path export = dir.resolve("export.csv");
        Files.writeString(export, block(doc, "A radiography dose system exports this CSV"), StandardCharsets.UTF_8);

        List<RawRow> rows = OpenRemTestFiles.rows(export, new ScanLogOptions(profile.toString(), null));
        RawRow r = rows.get(0);
        assertEquals("M77", r.get(PATIENT_ID));
        assertEquals("2.5", r.get(AGE_YEARS));
        assertEquals("F", r.get(SEX));
        assertEquals("North Clinic", r.get(FACILITY));
        assertEquals("DX2", r.get(STATION_NAME));
        assertEquals("2026-10-05T14:30:00", r.get(STUDY_DATETIME));
        assertEquals("DX", r.get(MODALITY));
        assertEquals("70", r.get(KVP));
        assertEquals("1.2", r.get(DAP_GYCM2));
        try (ScanLogReader reader = new ScanLogOpener(new ScanLogOptions(profile.toString(), null)).open(export)) {
            assertEquals("north-clinic", reader.profileName());
        }
    }
}
