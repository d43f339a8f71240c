package org.alaraaudit.history.trend;

import java.time.YearMonth;
import java.util.List;

/** Everything the trend report shows, read from the history store; both the PDF and the workbook are readers of it. */
public record Trend(YearMonth from, YearMonth to, Grouping by, String store, List<MonthFigures> months,
                    List<MonthFindings> findings, List<DoseMedian> medians, List<MedianStep> steps, StepRule stepRule, List<StoredRun> runs,
                    XrayTrend xray, List<YearMonth> notAudited, java.util.Map<YearMonth, List<String>> facilitiesNotAudited) {

    /**
     * {@code notAudited}: months of the range no stored run covers. They are left out of every table
     * ({@link #monthList()}), a gap in every chart ({@link #chartMonths()}), and named: shown as zero they would read
     * as a month without patients, and a change against them as a jump. {@code facilitiesNotAudited}: per month that other facilities were audited in,
     * the trend's facilities no run audited then; their series have no figure in that month.
     */
    public Trend {
        notAudited = List.copyOf(notAudited);
        facilitiesNotAudited = java.util.Map.copyOf(facilitiesNotAudited);
    }

    /** A trend of CT figures only, every month audited. */
    public Trend(YearMonth from, YearMonth to, Grouping by, String store, List<MonthFigures> months, List<MonthFindings> findings,
                 List<DoseMedian> medians, List<MedianStep> steps, StepRule stepRule, List<StoredRun> runs) {
        this(from, to, by, store, months, findings, medians, steps, stepRule, runs, XrayTrend.NONE, List.of(), java.util.Map.of());
    }

    /** The series of {@link #findings} that counts every facility together: counts add up, medians never do. */
    public static final String ALL_FACILITIES = "All facilities";

    /** {@code 2026-08_2026-10}: the report files' name. */
    public String label() { return from + "_" + to; }

    public List<String> groups() { return months.stream().map(MonthFigures::group).distinct().toList(); }

    /** The findings of one series in one month; null when the trend has none. */
    public MonthFindings findingsOf(String group, YearMonth month) {
        return findings.stream().filter(f -> f.group().equals(group) && f.month().equals(month)).findFirst().orElse(null);
    }

    /** Every series of one month added up: counts add, so the shares are those of all the month's studies. */
    public MonthFigures total(YearMonth month) {
        long[] n = new long[6];
        for (MonthFigures m : months) {
            if (!m.month().equals(month)) continue;
            n[0] += m.studies();
            n[1] += m.pediatricStudies();
            n[2] += m.ctStudies();
            n[3] += m.pediatricCtStudies();
            n[4] += m.pediatricCtAdultProtocol();
            n[5] += m.ctStudiesRepeated();
        }
        java.util.Map<org.alaraaudit.model.Severity, Long> studyLevel = new java.util.EnumMap<>(org.alaraaudit.model.Severity.class);
        for (MonthFigures m : months) if (m.month().equals(month)) m.studyFindings().forEach((s, k) -> studyLevel.merge(s, k, Long::sum));
        return new MonthFigures(month, ALL_FACILITIES, n[0], n[1], n[2], n[3], n[4], n[5], studyLevel);
    }

    /** The audited months of the range, in order: the columns of every table ({@link #chartMonths()} for the charts). */
    public List<YearMonth> monthList() {
        List<YearMonth> out = new java.util.ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) if (!notAudited.contains(m)) out.add(m);
        return out;
    }

    /**
     * Every month of the range, audited or not: the categories of every chart, so that a month not audited stands at
     * its place with no value and its line breaks there, instead of the months either side being joined as neighbours.
     */
    public List<YearMonth> chartMonths() {
        List<YearMonth> out = new java.util.ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) out.add(m);
        return out;
    }

    /**
     * "2026-09 was not audited ..." (or "2026-09 and 2026-11 were"), then each month a facility was not audited in
     * while others were, for the reports to say; null when every facility was audited in every month.
     */
    public String notAuditedText() {
        List<String> said = new java.util.ArrayList<>();
        if (!notAudited.isEmpty()) {
            List<String> names = notAudited.stream().map(YearMonth::toString).toList();
            said.add(and(names) + (names.size() == 1 ? " was" : " were") + " not audited (no stored run covers "
                    + (names.size() == 1 ? "it" : "them") + "): left out of the tables, a gap in the charts, and no change is shown against "
                    + (names.size() == 1 ? "it" : "them") + ".");
        }
        new java.util.TreeMap<>(facilitiesNotAudited).forEach((m, facilities) -> said.add(m + " was not audited for " + and(facilities)
                + ": " + (facilities.size() == 1 ? "its" : "their") + " series have no figure that month, and its All facilities"
                + " figures are the other facilities' alone."));
        return said.isEmpty() ? null : String.join(" ", said);
    }

    private static String and(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
