package org.alaraaudit.report.trend;

import java.time.Instant;
import java.util.List;
import org.alaraaudit.history.trend.DoseMedian;
import org.alaraaudit.history.trend.MedianStep;
import org.alaraaudit.history.trend.StepRule;
import org.alaraaudit.history.trend.StoredRun;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.model.ConfidenceInterval;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The trend workbook's lists, a row each to filter: every dose median ("Dose medians"), the flagged steps ("Median
 * steps"), the stored runs the months come from ("Runs"), and what the workbook is ("About").
 */
final class TrendListSheets {
    private final TrendWorkbook w;
    private final Trend t;

    TrendListSheets(TrendWorkbook w, Trend t) {
        this.w = w;
        this.t = t;
    }

    void medians() {
        Sheet s = w.sheet(t, "Dose medians", "Month", TrendText.seriesName(t.by()), "DRL set", "Exam type", "Band", "Quantity", "Unit", "Values", "Studies",
                "Median", "DRL", "Median / DRL", "Sample", "95 % CI, low", "95 % CI, high", "CI above the DRL");
        int r = 1;
        for (DoseMedian d : t.medians()) {
            Row row = s.createRow(r++);
            int c = 0;
            for (String v : new String[]{d.month().toString(), d.group(), d.drlSet(), d.examType(), d.band(), d.quantity(), d.unit()}) {
                row.createCell(c++).setCellValue(v);
            }
            row.createCell(c++).setCellValue(d.n());
            row.createCell(c++).setCellValue(d.studies());
            TrendWorkbook.number(row, c++, d.median(), w.decimal);
            TrendWorkbook.number(row, c++, d.drl(), w.decimal);
            TrendWorkbook.number(row, c++, d.ratio(), w.decimal);
            row.createCell(c++).setCellValue(d.sufficient() ? "sufficient" : "below minimum sample");
            // Empty where the month has fewer than 6 values, too few for an interval.
            if (d.interval() != null) {
                TrendWorkbook.number(row, c, d.interval().low(), w.decimal);
                TrendWorkbook.number(row, c + 1, d.interval().high(), w.decimal);
            }
            c += 2;
            if (d.drl() != null && d.interval() != null) row.createCell(c).setCellValue(d.aboveDrlBeyondSampling() ? "yes" : "no");
        }
        TrendWorkbook.finish(s, 16);
    }

    void steps() {
        Sheet s = w.sheet(t, "Median steps", "Facility", "Station", "Protocol", "From month", "To month", "Median CTDIvol before (mGy)",
                "Median CTDIvol after (mGy)", "Change", "Studies before", "Studies after", "95 % CI before, low (mGy)",
                "95 % CI before, high (mGy)", "95 % CI after, low (mGy)", "95 % CI after, high (mGy)", "Beyond the spread");
        int r = 1;
        for (MedianStep m : t.steps()) {
            Row row = s.createRow(r++);
            int c = 0;
            for (String v : new String[]{m.facility(), m.station(), m.protocol(), m.before().toString(), m.after().toString()}) {
                row.createCell(c++).setCellValue(v);
            }
            TrendWorkbook.number(row, c++, m.medianBefore(), w.decimal);
            TrendWorkbook.number(row, c++, m.medianAfter(), w.decimal);
            TrendWorkbook.number(row, c++, m.change(), w.percent);
            row.createCell(c++).setCellValue(m.studiesBefore());
            row.createCell(c++).setCellValue(m.studiesAfter());
            // An empty cell where a month is too small for an interval (fewer than 6 acquisitions).
            for (ConfidenceInterval i : new ConfidenceInterval[]{m.intervalBefore(), m.intervalAfter()}) {
                if (i != null) {
                    TrendWorkbook.number(row, c, i.low(), w.decimal);
                    TrendWorkbook.number(row, c + 1, i.high(), w.decimal);
                }
                c += 2;
            }
            row.createCell(c).setCellValue(m.beyondSampling() ? "yes" : "no");
        }
        TrendWorkbook.finish(s, 15);
    }

    void runs() {
        Sheet s = w.sheet(t, "Runs", "Period from", "Period to", "Facilities", "Studies", "Generated (UTC)", "Tool version",
                "Rule set", "Input files", "Rows read", "Rows audited", "Rows rejected", "Rows duplicate", "Rows excluded",
                "Audited rows outside the period");
        int r = 1;
        for (StoredRun run : t.runs()) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(run.from().toString());
            row.createCell(1).setCellValue(run.to().toString());
            row.createCell(2).setCellValue(run.facilities());
            row.createCell(3).setCellValue(run.studies());
            row.createCell(4).setCellValue(TrendText.stamp(run.generatedAt()));
            row.createCell(5).setCellValue(run.toolVersion());
            row.createCell(6).setCellValue(run.ruleSetDigest());
            row.createCell(7).setCellValue(run.inputs());
            StoredRun.Rows rows = run.rows();
            long[] counts = {rows.read(), rows.audited(), rows.rejected(), rows.duplicate(), rows.excluded(), rows.outsidePeriod()};
            for (int i = 0; i < counts.length; i++) row.createCell(8 + i).setCellValue(counts[i]);
        }
        TrendWorkbook.finish(s, 14);
    }

    /** {@code drlSources}: the DRLs the months' audits judged against, with their status ({@link DrlCitations}). */
    void about(List<String> drlSources, Instant generatedAt) {
        Sheet s = w.sheet(t, "About", "Item", "Value");
        String[][] rows = {
                {"Months", t.from() + " to " + t.to()},
                {"Series", "by " + TrendText.seriesName(t.by()).toLowerCase(java.util.Locale.ROOT) + "; dose medians are never pooled across facilities"},
                {"Generated", TrendText.stamp(generatedAt)},
                {"Findings per 100 studies", TrendText.FINDINGS_DEFINITION},
                {"By protocol", "a study counts under the standard protocol of its first diagnostic acquisition, at its facility"},
                {"Months not audited", t.notAuditedText() == null ? "none" : t.notAuditedText()},
                {"Median steps", "flagged above " + TrendText.percentText(t.stepRule().fraction()) + " (setting " + StepRule.SETTING
                        + "), at least " + t.stepRule().minStudies() + " studies in both months"},
        };
        int r = 1;
        for (String[] v : rows) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(v[0]);
            row.createCell(1).setCellValue(v[1]);
        }
        // The DRLs the medians are judged against, each with how far it was verified, as the PDF cites them.
        for (String cited : drlSources) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue("DRL source");
            row.createCell(1).setCellValue(cited);
        }
        s.setColumnWidth(0, 26 * 256);
        s.setColumnWidth(1, 120 * 256);
    }
}
