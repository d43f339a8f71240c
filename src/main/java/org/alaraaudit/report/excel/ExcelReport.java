package org.alaraaudit.report.excel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.report.CitedStatus;
import org.alaraaudit.report.Disclosure;
import org.alaraaudit.report.ReportFile;
import org.alaraaudit.scanlog.SpillFolder;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The compliance workbook ({@code audit-PERIOD.xlsx}): Summary, Findings (with review columns), DRL, Repeats,
 * Cumulative dose, Protocols, Events (one row per irradiation event), Rejected rows, Data warnings and Rules.
 *
 * <p>Summary and DRL carry native charts, which only XSSF sheets can hold, so they are built in an XSSF workbook;
 * the list sheets are streamed through SXSSF on top of it, so a million findings do not have to fit in memory.
 */
public final class ExcelReport {
    /** Rows kept in memory per streamed sheet; older rows go to a compressed temp file. */
    private static final int WINDOW = 200;

    private ExcelReport() {}

    public static void write(AuditResult result, Path target) throws IOException {
        write(result, Disclosure.PATIENT_LEVEL, target);
    }

    /**
     * {@code shown}: with {@link Disclosure#AGGREGATE} (the accreditation template) the workbook holds no pseudonym
     * and no age: the findings lose those columns, and the lists by patient (Repeats, Cumulative dose, Events) are
     * left out.
     */
    public static void write(AuditResult result, Disclosure shown, Path target) throws IOException {
        write(result, shown, target, Table.EXCEL_DATA_ROWS);
    }

    static void write(AuditResult result, Path target, int rowsPerSheet) throws IOException {
        write(result, Disclosure.PATIENT_LEVEL, target, rowsPerSheet);
    }

    /** {@code rowsPerSheet} below Excel's limit lets tests see a list continue on a second sheet. */
    static void write(AuditResult result, Disclosure shown, Path target, int rowsPerSheet) throws IOException {
        // SXSSF's sheet files go to a spill folder of this run, not POI's shared poifiles/ folder, so what a run
        // killed with -9 leaves is owner-only and removed by the next run (SpillFolder).
        Path spill = SpillFolder.create("workbook");
        TempFile.setThreadLocalTempFileCreationStrategy(new DefaultTempFileCreationStrategy(spill.toFile()));
        try {
            writeWorkbook(result, shown, target, rowsPerSheet);
        } finally {
            TempFile.setThreadLocalTempFileCreationStrategy(null);
            SpillFolder.delete(spill);
        }
    }

    private static void writeWorkbook(AuditResult result, Disclosure shown, Path target, int rowsPerSheet) throws IOException {
        ReportFile.write(target, out -> {
            XSSFWorkbook xssf = new XSSFWorkbook();
            Styles styles = new Styles(xssf);
            XSSFSheet summary = xssf.createSheet(SummarySheet.NAME);
            DrlSheet.write(xssf, styles, result.drlGroups(), result.previousPeriod(), CitedStatus.of(result),
                    org.alaraaudit.audit.PreviousPeriod.whyNone(result.run().period(), result.historyStoreRead()));
            // close() deletes the temp files in POI 5.5 (dispose() is deprecated there, bug 68183)
            try (SXSSFWorkbook wb = new StreamedWorkbook(xssf, WINDOW)) {
                Map<String, List<String>> continued = new LinkedHashMap<>();
                note(continued, FindingsSheet.write(wb, styles, result.findings(), CitedStatus.of(result), result.reviews(), shown, rowsPerSheet));
                // beside the Findings sheet: both are where reviews are typed
                List<AuditResult.OpenFinding> open = result.reviews().openFromEarlierPeriods();
                if (!open.isEmpty()) note(continued, OpenReviewsSheet.write(wb, styles, open, shown, rowsPerSheet));
                // DRL was made before the streamed sheets; it belongs after the findings
                wb.setSheetOrder(DrlSheet.NAME, wb.getNumberOfSheets() - 1);
                if (shown.showsPatients()) {
                    note(continued, RepeatsSheet.write(wb, styles, result.findings(), rowsPerSheet));
                    note(continued, CumulativeDoseSheet.write(wb, styles, result.findings(), rowsPerSheet));
                }
                note(continued, ProtocolsSheet.write(wb, styles, result.protocols(), result.findings(), rowsPerSheet));
                if (!result.projection().isEmpty()) {
                    note(continued, ProjectionSheets.typicalValues(wb, styles, result.projection(),
                            result.tables() == null ? null : result.tables().policy().getDrlMinSampleStudies(), rowsPerSheet));
                    note(continued, ProjectionSheets.deviationIndex(wb, styles, result.projection(), rowsPerSheet));
                    note(continued, ProjectionSheets.retakes(wb, styles, result.projection(), rowsPerSheet));
                }
                org.alaraaudit.audit.FollowUps followUps = result.followUps();
                if (shown.showsPatients() && followUps.stream().findAny().isPresent()) {
                    note(continued, ProjectionSheets.skinFollowUp(wb, styles, followUps, rowsPerSheet));
                }
                if (shown.showsPatients()) note(continued, EventsSheet.write(wb, styles, result.events(), rowsPerSheet));
                note(continued, InputProblemsSheet.rejected(wb, styles, result.rejected(), rowsPerSheet, shown));
                note(continued, InputProblemsSheet.warnings(wb, styles, result.warnings(), rowsPerSheet, shown));
                RulesSheet.write(wb, styles, result);
                // the summary is an in-memory XSSF sheet, so it can be filled last, when the continuations are known
                new SummarySheet(summary, styles).write(result, continued);
                openOnSummary(wb);
                wb.write(out);
            }
        });
    }

    private static void note(Map<String, List<String>> continued, Table t) {
        if (t.sheetNames().size() > 1) continued.put(t.sheetNames().get(0), t.sheetNames());
    }

    /** Only Summary selected: several selected tabs would open as a group, and edits would hit them all. */
    private static void openOnSummary(SXSSFWorkbook wb) {
        for (Sheet s : wb) s.setSelected(false);
        wb.setActiveSheet(0);
        wb.setSelectedTab(0);
    }
}
