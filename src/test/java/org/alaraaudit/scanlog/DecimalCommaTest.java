package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * In a decimal-comma file a dot groups thousands or it is a mistake: "1.234" is one thousand two hundred and
 * thirty-four (never 1.234, a DLP a thousand times too small), and "1.23" or "12.5" are rejected with the reason.
 */
class DecimalCommaTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {"1.234|1234", "1.234,5|1234.5", "1.234.567|1234567", "-1.052,25|-1052.25",
            "12,5|12.5", "1234|1234", " 7,0 |7.0"})
    void aDotGroupsThousandsOnlyInGroupsOfThree(String written, String read) {
        assertEquals(read, DecimalComma.toDot(written));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.23", "12.5", "1.2345", "1234.5", "1,234.5", ".5", "1.234.5"})
    void anyOtherDotIsNoNumber(String written) {
        assertNull(DecimalComma.toDot(written));
    }

    private static final String PROFILE = String.join("\n", "name = vendor-eu", "title = a European vendor's export",
            "patient_id = MRN", "age_years = Age", "facility = Site", "station_name = Scanner", "accession_number = Acc",
            "study_datetime = When", "modality = Mod", "protocol_name = Protocol", "ctdivol_mgy = CTDI",
            "dlp_mgycm = DLP", "dlp_mgycm.unit = mGy.cm", "") ;

    /** The same rule for a mapped export as for canonical CSV: the rows keep the file's convention to the end. */
    @Test
    void aMappedSemicolonExportFollowsTheSameRule() throws Exception {
        Path profile = dir.resolve("vendor-eu.profile");
        Files.writeString(profile, PROFILE);
        Path f = dir.resolve("export.csv");
        Files.writeString(f, "MRN;Age;Site;Scanner;Acc;When;Mod;Protocol;CTDI;DLP\n"
                + "M1;8;Gen;CT1;A1;2026-10-01T10:00;CT;PED CHEST 5-10Y;2,5;1.234\n"
                + "M2;8;Gen;CT1;A2;2026-10-01T11:00;CT;PED CHEST 5-10Y;2,5;1.23\n"
                + "M3;8;Gen;CT1;A3;2026-10-01T12:00;CT;PED CHEST 5-10Y;12.5;50\n"
                + "M4;8;Gen;CT1;A4;2026-10-01T13:00;CT;PED CHEST 5-10Y;2;1.052,5\n");
        RowValidator v = new RowValidator(new Pseudonymiser(AuditFixture.SECRET), LocalDateTime.of(2026, 11, 2, 7, 0), 1000, w -> { });
        ScanLogInput in = new ScanLogInput(List.of(f), v, new Exclusions(List.of()), new ArrayList<>(),
                new ScanLogOptions(profile.toString(), null));
        List<ScanRow> rows = new ArrayList<>();
        in.read((row, ordinal) -> rows.add(row), n -> { });
        assertEquals(List.of(1234.0, 1052.5), rows.stream().map(r -> r.measurements().dlpMgycm()).toList());
        assertEquals(List.of(2.5, 2.0), rows.stream().map(r -> r.measurements().ctdivolMgy()).toList());
        assertEquals(List.of(
                new Rejection("export.csv", 3, "dlp_mgycm", "1.23", DecimalComma.MISPLACED_DOT),
                new Rejection("export.csv", 4, "ctdivol_mgy", "12.5", DecimalComma.MISPLACED_DOT)),
                in.rejections().stream().map(x -> new Rejection(x.file(), x.line(), x.column(), x.value(), x.reason())).toList());
    }
}
