package org.alaraaudit.history.trend;

import java.time.YearMonth;
import java.util.List;

/** Everything the trend report shows, read from the history store; both the PDF and the workbook are readers of it. */
public record Trend(YearMonth from, YearMonth to, Grouping by, String store, List<MonthFigures> months,
                    List<DoseMedian> medians, List<MedianStep> steps, StepRule stepRule, List<StoredRun> runs) {

    /** {@code 2026-08_2026-10}: the report files' name. */
    public String label() { return from + "_" + to; }

    public List<String> groups() { return months.stream().map(MonthFigures::group).distinct().toList(); }

    public List<YearMonth> monthList() {
        List<YearMonth> out = new java.util.ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) out.add(m);
        return out;
    }
}
