package org.alaraaudit.history.trend;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.alaraaudit.model.Severity;
import org.alaraaudit.report.ReportFile;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The trend as a workbook, one sheet per table of the PDF, numbers as numbers (shares as fractions with a
 * percent format) so a safety officer can chart or filter them further.
 */
public final class TrendWorkbook {
    private final XSSFWorkbook wb = new XSSFWorkbook();
    private final CellStyle header;
    private final CellStyle percent;
    private final CellStyle decimal;

    private TrendWorkbook() {
        Font bold = wb.createFont();
        bold.setBold(true);
        header = wb.createCellStyle();
        header.setFont(bold);
        percent = wb.createCellStyle();
        percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
        decimal = wb.createCellStyle();
        decimal.setDataFormat(wb.createDataFormat().getFormat("0.00"));
    }

    public static void write(Trend t, Instant generatedAt, Path target) throws IOException {
        TrendWorkbook w = new TrendWorkbook();
        w.months(t);
        w.medians(t);
        w.steps(t);
        w.runs(t);
        w.about(t, generatedAt);
        try (XSSFWorkbook wb = w.wb) {
            ReportFile.write(target, wb::write);
        }
    }

    private void months(Trend t) {
        Sheet s = sheet("Months", "month", "series", "studies", "pediatric_studies", "ct_studies", "pediatric_ct_studies",
                "pediatric_ct_adult_protocol", "pediatric_protocol_compliance", "ct_studies_repeated", "repeat_rate",
                "critical_per_100", "major_per_100", "minor_per_100", "info_per_100");
        int r = 1;
        for (MonthFigures m : t.months()) {
            Row row = s.createRow(r++);
            int c = 0;
            row.createCell(c++).setCellValue(m.month().toString());
            row.createCell(c++).setCellValue(m.group());
            for (long n : new long[]{m.studies(), m.pediatricStudies(), m.ctStudies(), m.pediatricCtStudies(), m.pediatricCtAdultProtocol()}) {
                row.createCell(c++).setCellValue(n);
            }
            number(row, c++, m.pediatricProtocolCompliance(), percent);
            row.createCell(c++).setCellValue(m.ctStudiesRepeated());
            number(row, c++, m.repeatRate(), percent);
            for (Severity sev : Severity.values()) number(row, c++, m.findingsPer100(sev), decimal);
        }
        finish(s, 14);
    }

    private void medians(Trend t) {
        Sheet s = sheet("Dose medians", "month", "series", "drl_set", "exam_type", "band", "quantity", "unit", "n", "studies",
                "median", "drl", "median_over_drl", "sample");
        int r = 1;
        for (DoseMedian d : t.medians()) {
            Row row = s.createRow(r++);
            int c = 0;
            for (String v : new String[]{d.month().toString(), d.group(), d.drlSet(), d.examType(), d.band(), d.quantity(), d.unit()}) {
                row.createCell(c++).setCellValue(v);
            }
            row.createCell(c++).setCellValue(d.n());
            row.createCell(c++).setCellValue(d.studies());
            number(row, c++, d.median(), decimal);
            number(row, c++, d.drl(), decimal);
            number(row, c++, d.ratio(), decimal);
            row.createCell(c).setCellValue(d.sufficient() ? "sufficient" : "below minimum sample");
        }
        finish(s, 13);
    }

    private void steps(Trend t) {
        Sheet s = sheet("Median steps", "facility", "station", "protocol", "from_month", "to_month", "median_before_mgy",
                "median_after_mgy", "change", "studies_before", "studies_after");
        int r = 1;
        for (MedianStep m : t.steps()) {
            Row row = s.createRow(r++);
            int c = 0;
            for (String v : new String[]{m.facility(), m.station(), m.protocol(), m.before().toString(), m.after().toString()}) {
                row.createCell(c++).setCellValue(v);
            }
            number(row, c++, m.medianBefore(), decimal);
            number(row, c++, m.medianAfter(), decimal);
            number(row, c++, m.change(), percent);
            row.createCell(c++).setCellValue(m.studiesBefore());
            row.createCell(c).setCellValue(m.studiesAfter());
        }
        finish(s, 10);
    }

    private void runs(Trend t) {
        Sheet s = sheet("Runs", "period_from", "period_to", "facilities", "studies", "generated_at", "tool_version",
                "rule_set_digest", "inputs");
        int r = 1;
        for (StoredRun run : t.runs()) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(run.from().toString());
            row.createCell(1).setCellValue(run.to().toString());
            row.createCell(2).setCellValue(run.facilities());
            row.createCell(3).setCellValue(run.studies());
            row.createCell(4).setCellValue(run.generatedAt().toString());
            row.createCell(5).setCellValue(run.toolVersion());
            row.createCell(6).setCellValue(run.ruleSetDigest());
            row.createCell(7).setCellValue(run.inputs());
        }
        finish(s, 8);
    }

    private void about(Trend t, Instant generatedAt) {
        Sheet s = sheet("About", "item", "value");
        String[][] rows = {
                {"months", t.from() + " to " + t.to()},
                {"series", t.by() == Grouping.ALL ? "all sites together" : "by " + t.by().label()},
                {"history store", t.store()},
                {"generated at", generatedAt.toString()},
                {"findings per 100 studies", "study-level findings (event, study and study-pair rules) in the month of their study; "
                        + "period- and patient-level findings depend on the audited period's length and are in each run's report"},
                {"by protocol", "a study counts under the standard protocol of its first diagnostic acquisition"},
                {"median steps", StepRule.SETTING + " = " + t.stepRule().fraction() + ", minimum " + t.stepRule().minStudies()
                        + " studies in both months; source: " + t.stepRule().source()},
        };
        int r = 1;
        for (String[] v : rows) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(v[0]);
            row.createCell(1).setCellValue(v[1]);
        }
        s.setColumnWidth(0, 26 * 256);
        s.setColumnWidth(1, 120 * 256);
    }

    private Sheet sheet(String name, String... columns) {
        Sheet s = wb.createSheet(name);
        Row h = s.createRow(0);
        for (int i = 0; i < columns.length; i++) {
            h.createCell(i).setCellValue(columns[i]);
            h.getCell(i).setCellStyle(header);
        }
        s.createFreezePane(0, 1);
        return s;
    }

    private static void number(Row row, int c, Double v, CellStyle style) {
        if (v == null) return;
        row.createCell(c).setCellValue(v);
        row.getCell(c).setCellStyle(style);
    }

    private static void finish(Sheet s, int columns) {
        for (int i = 0; i < columns; i++) s.setColumnWidth(i, 16 * 256);
        if (s.getLastRowNum() > 0) s.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, s.getLastRowNum(), 0, columns - 1));
    }
}
