package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rejected row of a study in the period leaves that study audited without it. The three sample months audited for
 * October: the console lists October's rejected rows first, with their studies, though August's come first in the
 * input; rejected.csv gives every rejected row's facility, accession and study date; the PDF lists the period's.
 */
class RejectedRowsOfThePeriodTest {
    @TempDir
    Path dir;

    @Test
    void thePeriodsRejectedRowsComeFirstWithTheirStudiesEverywhere() throws IOException {
        CliTest.Run r = CliTest.run("audit", "sample-data", "--period", "2026-10", "--no-history", "--format", "pdf,csv",
                "--out", dir.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        int at = lines.indexOf("Rejected rows: 24, 7 of them in studies of the period (listed first); the first 5, all in rejected.csv:");
        assertTrue(at >= 0, r.out());
        assertEquals("  scan-log-2026-10.csv line 579: dlp_mgycm \"-724.36\" is negative (study CGH41767951)", lines.get(at + 1));
        for (int i = 1; i <= 5; i++) assertTrue(lines.get(at + i).startsWith("  scan-log-2026-10.csv"), lines.get(at + i));

        List<String> csv = Files.readAllLines(dir.resolve("rejected.csv"));
        assertEquals("file,line,column,value,reason,facility,accession_number,study_datetime", csv.get(0));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("scan-log-2026-08.csv,1877,ctdivol_mgy,\"44,4O\",is not a number,"
                + "St Elsewhere Children's,SEC38766087,2026-08-")), "the head CT whose only diagnostic series was rejected is found by its accession: " + csv);
        assertEquals(25, csv.size(), "every rejected row, header first");

        try (PDDocument d = Loader.loadPDF(dir.resolve("audit-2026-10.pdf").toFile())) {
            String text = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
            assertTrue(text.contains("7 rejected rows are of studies in the period. Each such study was audited without the row"), text);
            assertTrue(text.contains("County General CGH41767951 2026-10-04T10:59:24 scan-log-2026-10.csv, 579 dlp_mgycm: is negative"), text);
            assertTrue(text.contains("the findings list it as \u201cStudy incomplete: rows rejected\u201d when the row names it (by facility"
                    + " and accession, or by facility, patient and study start), and its DLP enters no median"), text);
        }
    }

    /** A row whose study date cannot be read is of no known period: the summary does not call it "not in" the period. */
    @Test
    void aRejectedRowWithoutAReadableDateIsNotSaidToBeOutsideThePeriod() throws IOException {
        Path log = dir.resolve("log.csv");
        Files.writeString(log, String.join("\n",
                "patient_id,age_years,facility,station_name,accession_number,study_datetime,modality,protocol_name,ctdivol_mgy,dlp_mgycm",
                "MRN1,8,Gen,CT1,A1,2026-10-10T10:00,CT,PED CHEST 5-10Y,2.0,50",
                "MRN2,9,Gen,CT1,A2,2026-10-1",
                ""));
        CliTest.Run r = CliTest.run("audit", log.toString(), "--period", "2026-10", "--no-history", "--format", "csv",
                "--out", dir.resolve("out").toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.out().contains("Rejected rows: 1, its study date unknown; in rejected.csv:"), r.out());
        Files.writeString(log, "MRN3,9,Gen,CT1,A3,2026-09-10T10:00,CT,PED CHEST 5-10Y,2.0,-5\n", java.nio.file.StandardOpenOption.APPEND);
        r = CliTest.run("audit", log.toString(), "--period", "2026-10", "--no-history", "--format", "csv",
                "--out", dir.resolve("out2").toString());
        assertTrue(r.out().contains("Rejected rows: 2, none in a study of the period by its date, 1 without a readable study date;"),
                r.out());
    }

    @Test
    void aPeriodWithoutRejectedRowsOfItsOwnSaysSoBeforeTheHistorysRows() {
        CliTest.Run r = CliTest.run("audit", "sample-data", "--from", "2026-10-02", "--to", "2026-10-02", "--no-history",
                "--format", "csv", "--out", dir.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        int at = lines.indexOf("Rejected rows: 24, none in a study of the period; the first 5, all in rejected.csv:");
        assertTrue(at >= 0, r.out());
        assertEquals("  scan-log-2026-08.csv line 293: kvp \"300\" is outside 40-150 kVp", lines.get(at + 1), "no study named: not the period's");
    }
}
