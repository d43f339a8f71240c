package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One date rule for every reader: a day that does not exist (31 September, 29 February 2026) and the hour 24 are
 * rejected with file, line, column and reason, in canonical CSV and XLSX and in OpenREM's CSV and XLSX alike;
 * no reader moves them to a day that exists. The reason says what is wrong, as --period does: the form is right.
 */
class ImpossibleDatesTest {
    private static final List<String> REASONS = List.of("names day 31 of September 2026, which has 30 days",
            "names day 29 of February 2026, which has 28 days", "is not a time: hour 24 does not exist; midnight is 00:00 of the next day");
    private static final String[] CANONICAL_HEADER =
            "patient_id,age_years,facility,station_name,accession_number,study_datetime,modality,protocol_name,ctdivol_mgy,dlp_mgycm".split(",");

    @TempDir
    Path dir;

    private static List<String[]> canonicalRows() {
        List<String[]> rows = new ArrayList<>();
        rows.add(CANONICAL_HEADER);
        rows.add("MRN1,8,Gen,CT1,A1,2026-09-31T10:00,CT,PED CHEST 5-10Y,2.0,50".split(","));
        rows.add("MRN2,9,Gen,CT1,A2,2026-02-29T10:00,CT,PED CHEST 5-10Y,2.1,52".split(","));
        rows.add("MRN3,7,Gen,CT1,A3,2026-10-03T24:00,CT,PED CHEST 5-10Y,2.2,53".split(","));
        rows.add("MRN4,6,Gen,CT1,A4,2026-10-04T10:00,CT,PED CHEST 5-10Y,2.3,54".split(","));
        return rows;
    }

    /** The three impossible rows are rejected for their study_datetime, each at its own line, and nothing else is. */
    private static void assertRejected(AuditResult r, String file, List<String> values) {
        List<Rejection> rejected = r.rejected();
        for (int i = 0; i < values.size(); i++) {
            long line = i + 2;
            List<Rejection> at = rejected.stream().filter(x -> x.line() == line).toList();
            assertTrue(!at.isEmpty(), "line " + line + " is rejected: " + rejected);
            for (Rejection x : at) {
                // Where and why; the row's own study cells come after (the date is the one at fault here).
                assertEquals(new Rejection(file, line, "study_datetime", values.get(i), REASONS.get(i)),
                        new Rejection(x.file(), x.line(), x.column(), x.value(), x.reason()));
                assertEquals(values.get(i), x.studyDatetime(), "the study date as written");
            }
        }
        assertTrue(rejected.stream().allMatch(x -> x.line() <= values.size() + 1), rejected.toString());
        assertTrue(r.rows().reconciles());
    }

    @Test
    void canonicalCsvRejectsThem() throws IOException {
        Path f = dir.resolve("log.csv");
        StringBuilder s = new StringBuilder();
        for (String[] row : canonicalRows()) s.append(String.join(",", row)).append('\n');
        Files.writeString(f, s);
        AuditResult r = new AuditFixture().auditFiles(List.of(f));
        assertRejected(r, "log.csv", List.of("2026-09-31T10:00", "2026-02-29T10:00", "2026-10-03T24:00"));
        assertEquals(1, r.rows().audited());
    }

    @Test
    void canonicalXlsxWithTextCellsRejectsThemAsCsvDoes() throws IOException {
        Path f = dir.resolve("log.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            Sheet sheet = wb.createSheet("log");
            List<String[]> rows = canonicalRows();
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.createRow(i);
                for (int k = 0; k < rows.get(i).length; k++) row.createCell(k).setCellValue(rows.get(i)[k]);
            }
            wb.write(out);
        }
        AuditResult r = new AuditFixture().auditFiles(List.of(f));
        assertRejected(r, "log.xlsx", List.of("2026-09-31T10:00", "2026-02-29T10:00", "2026-10-03T24:00"));
        assertEquals(1, r.rows().audited());
    }

    @Test
    void openRemCsvRejectsThemAsCanonicalCsvDoes() throws IOException {
        List<CSVRecord> records;
        try (var in = Files.newBufferedReader(OpenRemTestFiles.file(OpenRemExportWriter.CSV))) {
            records = CSVFormat.RFC4180.parse(in).getRecords();
        }
        List<String> header = records.get(0).toList();
        int date = header.indexOf("Study date");
        int time = header.indexOf("Study time");
        StringWriter text = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(text, CSVFormat.RFC4180)) {
            for (int i = 0; i < records.size(); i++) {
                List<String> row = new ArrayList<>(records.get(i).toList());
                if (i == 1) row.set(date, "2026-09-31");
                if (i == 2) row.set(date, "2026-02-29");
                if (i == 3) row.set(time, "24:00:00");
                p.printRecord(row);
            }
        }
        Path f = dir.resolve("openrem.csv");
        Files.writeString(f, text.toString());
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            List<String> row = records.get(i).toList();
            values.add((i == 1 ? "2026-09-31" : i == 2 ? "2026-02-29" : row.get(date)) + " " + (i == 3 ? "24:00:00" : row.get(time)));
        }
        assertRejected(new AuditFixture().auditFiles(List.of(f)), "openrem.csv", values);
    }

    @Test
    void openRemXlsxWithTextCellsRejectsThemAsCanonicalCsvDoes() throws IOException {
        Path f = dir.resolve("openrem.xlsx");
        List<String> values = new ArrayList<>();
        try (InputStream in = Files.newInputStream(OpenRemTestFiles.file(OpenRemExportWriter.XLSX));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("All data");
            Row header = sheet.getRow(0);
            int date = -1;
            int time = -1;
            for (int k = 0; k < header.getLastCellNum(); k++) {
                if ("Study date".equals(header.getCell(k).getStringCellValue())) date = k;
                if ("Study time".equals(header.getCell(k).getStringCellValue())) time = k;
            }
            sheet.getRow(1).getCell(date).setCellValue("2026-09-31");
            sheet.getRow(1).getCell(time).setCellValue("10:00:00");
            sheet.getRow(2).getCell(date).setCellValue("2026-02-29");
            sheet.getRow(2).getCell(time).setCellValue("10:00:00");
            sheet.getRow(3).getCell(date).setCellValue("2026-10-06");
            sheet.getRow(3).getCell(time).setCellValue("24:00:00");
            values.addAll(List.of("2026-09-31 10:00:00", "2026-02-29 10:00:00", "2026-10-06 24:00:00"));
            try (OutputStream out = Files.newOutputStream(f)) {
                wb.write(out);
            }
        }
        assertRejected(new AuditFixture().auditFiles(List.of(f)), "openrem.xlsx", values);
    }

    @Test
    void theLastDayOfAMonthTheLeapDayAndTheLastMinuteOfADayAreRead() {
        AuditResult r = new AuditFixture()
                .row("accession_number", "A1", "study_datetime", "2026-09-30T10:00")
                .row("accession_number", "A2", "study_datetime", "2024-02-29T10:00", "patient_id", "MRN2")
                .row("accession_number", "A3", "study_datetime", "2026-10-03T23:59:59", "patient_id", "MRN3")
                .row("accession_number", "A4", "study_datetime", "2026-10-04T00:00", "patient_id", "MRN4")
                .row("accession_number", "A5", "study_datetime", "2026-10-05 10:00:00", "event_datetime", "2026-10-05T10:00:59",
                        "patient_id", "MRN5")
                .audit(dir);
        assertEquals(List.of(), r.rejected());
        assertEquals(5, r.rows().audited());
    }

    @Test
    void theDayAfterTheLastAndTheMinuteAfterTheLastAreRejectedSayingWhy() {
        AuditResult r = new AuditFixture()
                .row("accession_number", "A1", "study_datetime", "2026-10-01 24:00:00")
                .row("accession_number", "A2", "study_datetime", "2026-10-01T10:60", "patient_id", "MRN2")
                .row("accession_number", "A3", "study_datetime", "2026-13-01T10:00", "patient_id", "MRN3")
                .row("accession_number", "A4", "event_datetime", "2026-10-10T10:00:60", "patient_id", "MRN4")
                .row("accession_number", "A5", "study_datetime", "2026-10-01T10:00", "patient_id", "MRN5", "birth_date", "2016-02-30",
                        "age_years", "")
                .audit(dir);
        assertEquals(List.of(
                "scan-log.csv line 2: study_datetime \"2026-10-01 24:00:00\" is not a time: hour 24 does not exist; midnight is"
                        + " 00:00 of the next day",
                "scan-log.csv line 3: study_datetime \"2026-10-01T10:60\" is not a time: minute 60 does not exist; minutes run from"
                        + " 00 to 59",
                "scan-log.csv line 4: study_datetime \"2026-13-01T10:00\" names month 13: months run from 01 to 12",
                "scan-log.csv line 5: event_datetime \"2026-10-10T10:00:60\" is not a time: second 60 does not exist; seconds run"
                        + " from 00 to 59",
                // Which day of which month would give a birth date away.
                "scan-log.csv line 6: birth_date (value withheld: may identify a patient) names a day that is not in the calendar"),
                r.rejected().stream().map(Rejection::message).toList());
        assertTrue(r.rows().reconciles());
    }

    @Test
    void aDateTimeOfAnotherFormIsStillToldItsForm() {
        AuditResult r = new AuditFixture().row("study_datetime", "01/10/2026 10:00").row("study_datetime", "2026-10-01T10", "patient_id", "MRN2")
                .audit(dir);
        // A local form also gets the profile line that reads it (LocalDateFormsTest); a cut ISO form only its form.
        assertEquals(List.of("is not a date-time YYYY-MM-DDTHH:MM[:SS]; it is written day and month in an order the text"
                        + " cannot tell (dd/MM/yyyy HH:mm or MM/dd/yyyy HH:mm): a mapping profile says which"
                        + " (study_datetime.format = dd/MM/yyyy HH:mm for day first; docs/input-formats.md)",
                "is not a date-time YYYY-MM-DDTHH:MM[:SS]"),
                r.rejected().stream().map(Rejection::reason).toList());
    }

    @Test
    void aProfilesOwnDatePatternIsStrictToo() {
        var f = CellText.strictPattern("dd/MM/yyyy HH:mm");
        assertEquals(java.time.LocalDateTime.of(2026, 9, 30, 10, 0), CellText.dateTime("30/09/2026 10:00", null, f));
        assertEquals(null, CellText.dateTime("31/09/2026 10:00", null, f));
        assertEquals(null, CellText.dateTime("29/02/2026 10:00", null, f));
        assertEquals(null, CellText.dateTime("2026-10-01", "24:00", null));
        assertEquals(java.time.LocalDateTime.of(2024, 2, 29, 0, 0), CellText.dateTime("2024-02-29", null, null));
    }
}
