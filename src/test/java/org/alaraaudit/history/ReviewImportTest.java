package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.alaraaudit.report.excel.ExcelReport;
import org.alaraaudit.scanlog.FileDigest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review loop on a real workbook: audit into a temporary H2 store, write audit-2026-10.xlsx, fill in the
 * review columns with POI as a safety officer would in Excel, import, and see the reviews in the next audit.
 */
class ReviewImportTest {
    static final AuditPeriod OCTOBER = AuditPeriod.month(YearMonth.of(2026, 10));
    static final AuditPeriod NOVEMBER = AuditPeriod.month(YearMonth.of(2026, 11));

    @TempDir
    Path dir;

    StoreRuns runs;
    AuditResult october;
    Path workbook;

    @BeforeEach
    void auditOctober() throws IOException {
        runs = new StoreRuns("jdbc:h2:file:" + dir.resolve("store").resolve("history"));
        Path log = new AuditFixture()
                .row("patient_id", "P1", "accession_number", "A1", "protocol_name", "CHEST ROUTINE")
                .row("patient_id", "P2", "accession_number", "A2", "ctdivol_mgy", "12", "dlp_mgycm", "300")
                .row("patient_id", "P3", "accession_number", "A3", "kvp", "120")
                .write(dir, "october.csv");
        october = runs.audit(OCTOBER, log);
        workbook = dir.resolve("audit-2026-10.xlsx");
        ExcelReport.write(october, workbook);
    }

    /** The workbook with review values set on the rows of these findings: finding id -> column -> value. */
    Path filledIn(String name, Map<String, Map<String, Object>> edits, List<Object[]> extraRows) throws IOException {
        Path out = dir.resolve(name);
        try (InputStream in = Files.newInputStream(workbook); Workbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheet("Findings");
            Map<String, Integer> col = new HashMap<>();
            for (Cell c : s.getRow(0)) col.put(c.getStringCellValue(), c.getColumnIndex());
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (Row r : s) {
                if (r.getRowNum() == 0) continue;
                Map<String, Object> e = edits.get(r.getCell(col.get("finding_id")).getStringCellValue());
                if (e == null) continue;
                for (Map.Entry<String, Object> v : e.entrySet()) set(r, col.get(v.getKey()), v.getValue(), date);
            }
            for (Object[] extra : extraRows) {
                Row r = s.createRow(s.getLastRowNum() + 1);
                for (int i = 0; i + 1 < extra.length; i += 2) set(r, col.get((String) extra[i]), extra[i + 1], date);
            }
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
        return out;
    }

    private static void set(Row r, int column, Object value, CellStyle date) {
        // a fresh cell: the audit writes inline strings, which POI would keep beside a newly set value
        if (r.getCell(column) != null) r.removeCell(r.getCell(column));
        Cell c = r.createCell(column);
        if (value instanceof LocalDate d) {
            c.setCellValue(d);
            c.setCellStyle(date);
        } else {
            c.setCellValue(String.valueOf(value));
        }
    }

    Finding first(String ruleId) {
        return october.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    ReviewImport.Summary importIt(Path wb) {
        return new ReviewImport(runs.store, Clock.fixed(AuditFixture.RUN_TIME.plusSeconds(3600), ZoneOffset.UTC)).importWorkbook(wb);
    }

    @Test
    void importsValidReviewsAndReportsEveryOtherRowByRow() throws IOException {
        Finding adult = first("PEDIATRIC_ADULT_PROTOCOL");
        Finding notification = first("CT_NOTIFICATION_VALUE");
        Finding kvp = first("PEDIATRIC_HIGH_KVP");
        Path filled = filledIn("filled.xlsx", Map.of(
                adult.findingId(), Map.of("review_status", "JUSTIFIED", "justification", "adult-size 17-year-old; protocol checked",
                        "reviewer", "R. Safety", "reviewed_on", LocalDate.of(2026, 11, 5)),
                notification.findingId(), Map.of("review_status", "MAYBE", "reviewer", "R. Safety"),
                kvp.findingId(), Map.of("review_status", "ACTION_TAKEN", "severity", "INFO")),
                List.<Object[]>of(new Object[]{"finding_id", "0000000000000000", "rule_id", "REPEAT_STUDY", "severity", "MINOR",
                        "review_status", "FALSE_POSITIVE"}));

        ReviewImport.Summary s = importIt(filled);

        assertEquals(1, s.imported(), s.toString());
        assertEquals(0, s.unchanged());
        assertEquals(october.findings().size() - 3, s.notReviewed());
        assertEquals(3, s.ignored().size(), s.toString());
        Map<String, String> reasons = s.ignored().stream().collect(Collectors.toMap(ReviewImport.Ignored::findingId, ReviewImport.Ignored::reason));
        assertTrue(reasons.get(notification.findingId()).contains("\"MAYBE\" is not one of"), reasons.toString());
        assertTrue(reasons.get(kvp.findingId()).contains("edited beyond the review columns: severity \"INFO\" (stored MINOR)"), reasons.toString());
        assertTrue(reasons.get("0000000000000000").contains("not in the history store"), reasons.toString());
        for (ReviewImport.Ignored i : s.ignored()) assertTrue(i.where().matches("Findings!\\d+"), i.where());

        try (Connection c = runs.store.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT finding_id, status, justification, reviewer, reviewed_on, workbook_sha256 FROM finding_review")) {
            assertTrue(rs.next());
            assertEquals(adult.findingId(), rs.getString(1));
            assertEquals("JUSTIFIED", rs.getString(2));
            assertEquals("adult-size 17-year-old; protocol checked", rs.getString(3));
            assertEquals("R. Safety", rs.getString(4));
            assertEquals(LocalDate.of(2026, 11, 5), rs.getObject(5, LocalDate.class));
            assertEquals(FileDigest.sha256(filled), rs.getString(6));
            assertTrue(!rs.next());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }

        // the same workbook again: nothing new
        ReviewImport.Summary again = importIt(filled);
        assertEquals(0, again.imported());
        assertEquals(1, again.unchanged());
    }

    @Test
    void theLatestImportWinsAndTheNextAuditsSeeTheReviews() throws IOException {
        Finding adult = first("PEDIATRIC_ADULT_PROTOCOL");
        Finding notification = first("CT_NOTIFICATION_VALUE");
        importIt(filledIn("first.xlsx", Map.of(adult.findingId(), Map.of("review_status", "OPEN", "reviewer", "A")), List.of()));
        ReviewImport.Summary second = importIt(filledIn("second.xlsx", Map.of(adult.findingId(),
                Map.of("review_status", "justified", "justification", "checked", "reviewer", "B", "reviewed_on", "2026-11-06")), List.of()));
        assertEquals(1, second.imported(), second.toString());

        // a re-run of October shows each finding's review
        AuditResult rerun = runs.auditOnly(OCTOBER, dir.resolve("october.csv"));
        AuditResult.Review r = rerun.reviews().of(adult);
        assertEquals(new AuditResult.Review(org.alaraaudit.model.ReviewStatus.JUSTIFIED, "checked", "B", LocalDate.of(2026, 11, 6)), r);
        assertNull(rerun.reviews().of(notification));
        assertEquals(october.findings().stream().filter(f -> f.severity().atLeast(Severity.MAJOR)).count() - 1,
                rerun.reviews().stillOpen(rerun.findings(), Severity.MAJOR));

        // November carries October's still-open CRITICAL/MAJOR findings, not the justified one
        Path nov = new AuditFixture().row("patient_id", "P9", "accession_number", "N1", "study_datetime", "2026-11-03T10:00:00")
                .period(NOVEMBER).write(dir, "november.csv");
        AuditResult november = runs.audit(NOVEMBER, nov);
        Set<String> open = november.reviews().openFromEarlierPeriods().stream().map(AuditResult.OpenFinding::findingId)
                .collect(Collectors.toSet());
        assertTrue(open.contains(notification.findingId()), open.toString());
        assertTrue(!open.contains(adult.findingId()), open.toString());
        Set<String> expected = october.findings().stream().filter(f -> f.severity().atLeast(Severity.MAJOR))
                .map(Finding::findingId).filter(id -> !id.equals(adult.findingId())).collect(Collectors.toSet());
        assertEquals(expected, open);
        assertEquals(OCTOBER.from(), november.reviews().openFromEarlierPeriods().get(0).periodFrom());
    }

    @Test
    void nextMonthsWorkbookListsTheStillOpenFindingsAndAReviewTypedThereClosesOne() throws IOException {
        Finding notification = first("CT_NOTIFICATION_VALUE");
        Path nov = new AuditFixture().row("patient_id", "P9", "accession_number", "N1", "study_datetime", "2026-11-03T10:00:00")
                .period(NOVEMBER).write(dir, "november.csv");
        AuditResult november = runs.audit(NOVEMBER, nov);
        Path novWorkbook = dir.resolve("audit-2026-11.xlsx");
        ExcelReport.write(november, novWorkbook);
        Set<String> expected = october.findings().stream().filter(f -> f.severity().atLeast(Severity.MAJOR))
                .map(Finding::findingId).collect(Collectors.toSet());
        Path filled = dir.resolve("audit-2026-11-filled.xlsx");
        try (InputStream in = Files.newInputStream(novWorkbook); Workbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheet("Open reviews");
            assertTrue(s != null, "an Open reviews sheet");
            Map<String, Integer> col = new HashMap<>();
            for (Cell c : s.getRow(0)) col.put(c.getStringCellValue(), c.getColumnIndex());
            Set<String> listed = new java.util.HashSet<>();
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (Row r : s) {
                if (r.getRowNum() == 0) continue;
                String id = r.getCell(col.get("finding_id")).getStringCellValue();
                listed.add(id);
                assertEquals("2026-10-01", r.getCell(col.get("period_from")).getLocalDateTimeCellValue().toLocalDate().toString());
                if (id.equals(notification.findingId())) {
                    set(r, col.get("review_status"), "ACTION_TAKEN", date);
                    set(r, col.get("justification"), "protocol corrected on CT1", date);
                    set(r, col.get("reviewer"), "R. Safety", date);
                    set(r, col.get("reviewed_on"), LocalDate.of(2026, 12, 2), date);
                }
            }
            assertEquals(expected, listed, "every CRITICAL and MAJOR finding of October, none of November's");
            try (OutputStream o = Files.newOutputStream(filled)) {
                wb.write(o);
            }
        }

        ReviewImport.Summary s = importIt(filled);
        assertEquals(1, s.imported(), s.toString());
        assertTrue(s.ignored().isEmpty(), s.toString());

        AuditResult again = runs.auditOnly(NOVEMBER, nov);
        Set<String> stillOpen = again.reviews().openFromEarlierPeriods().stream().map(AuditResult.OpenFinding::findingId)
                .collect(Collectors.toSet());
        Set<String> rest = new java.util.HashSet<>(expected);
        rest.remove(notification.findingId());
        assertEquals(rest, stillOpen, "the reviewed finding no longer waits");
    }

    @Test
    void anAuditWithoutAStoreHasNoReviews() {
        AuditResult r = new AuditFixture().row().audit(dir);
        assertEquals(AuditResult.Reviews.NONE, r.reviews());
    }
}
