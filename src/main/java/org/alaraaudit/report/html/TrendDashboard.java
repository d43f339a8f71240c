package org.alaraaudit.report.html;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alaraaudit.history.trend.DoseMedian;
import org.alaraaudit.history.trend.MedianStep;
import org.alaraaudit.history.trend.MonthFigures;
import org.alaraaudit.history.trend.MonthFindings;
import org.alaraaudit.history.trend.StepRule;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.report.trend.TrendText;
import org.alaraaudit.model.Severity;
import org.alaraaudit.report.Cells;

/**
 * {@code trend-FROM_TO.html}: the trend as a dashboard. This is the one class that reads the trend query's types
 * ({@link Trend} and its month records); it turns them into the page's data, which the page's script draws. The
 * store holds no patient-level data for the trend, so there is nothing to withhold here.
 */
public final class TrendDashboard {
    private TrendDashboard() {}

    public static void write(Trend t, Instant generatedAt, Path target) throws IOException {
        write(t, List.of(), generatedAt, target);
    }

    /** {@code drlSources}: the DRLs the months' audits judged against, with their status (report.trend.DrlCitations). */
    public static void write(Trend t, List<String> drlSources, Instant generatedAt, Path target) throws IOException {
        ChartLibrary.script();
        List<String> lines = new ArrayList<>();
        lines.add("Month by month from " + t.from() + " to " + t.to() + (t.by().name().equals("ALL") ? "" : ", by " + t.by().label())
                + "; history store " + t.store());
        lines.add("Generated " + generatedAt.truncatedTo(ChronoUnit.SECONDS));
        // The DRLs the medians are judged against, with how far each was verified, as the PDF and the workbook cite them.
        for (String cited : drlSources) lines.add("DRL: " + cited);
        DashboardPage.write(target, new DashboardPage.Heading("trend", "Pediatric dose trend, " + t.from() + " to " + t.to(), lines), data(t));
    }

    static Map<String, Object> data(Trend t) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", "trend");
        d.put("from", t.from().toString());
        d.put("to", t.to().toString());
        d.put("by", t.by().label());
        d.put("months", t.monthList().stream().map(YearMonth::toString).toList());
        // The charts' months: every month of the range, so that a month not audited is a gap in each line.
        d.put("chartMonths", t.chartMonths().stream().map(YearMonth::toString).toList());
        d.put("notAudited", t.notAuditedText());
        d.put("groups", t.groups());
        List<Map<String, Object>> figures = new ArrayList<>();
        for (MonthFigures m : t.months()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("group", m.group());
            f.put("month", m.month().toString());
            f.put("studies", m.studies());
            f.put("pediatricStudies", m.pediatricStudies());
            f.put("ctStudies", m.ctStudies());
            f.put("pediatricCtStudies", m.pediatricCtStudies());
            f.put("compliance", Cells.rounded(m.pediatricProtocolCompliance(), 6));
            f.put("repeatRate", Cells.rounded(m.repeatRate(), 6));
            figures.add(f);
        }
        d.put("figures", figures);
        List<Map<String, Object>> findings = new ArrayList<>();
        for (MonthFindings m : t.findings()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("group", m.group());
            f.put("month", m.month().toString());
            f.put("studies", m.studies());
            Map<String, Object> per100 = new LinkedHashMap<>();
            Map<String, Object> counts = new LinkedHashMap<>();
            for (Severity s : Severity.values()) {
                per100.put(s.name(), Cells.rounded(m.per100(s), 4));
                counts.put(s.name(), m.findings().getOrDefault(s, 0L));
            }
            f.put("count", counts);
            f.put("per100", per100);
            findings.add(f);
        }
        d.put("findings", findings);
        d.put("allFacilities", Trend.ALL_FACILITIES);
        List<Map<String, Object>> medians = new ArrayList<>();
        for (DoseMedian m : t.medians()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("group", m.group());
            f.put("month", m.month().toString());
            f.put("series", m.examType() + " " + m.band());
            f.put("quantity", m.quantity());
            f.put("unit", m.unit());
            f.put("n", m.n());
            f.put("studies", m.studies());
            f.put("median", Cells.rounded(m.median(), 4));
            f.put("drl", m.drl());
            f.put("ratio", Cells.rounded(m.ratio(), 4));
            f.put("sufficient", m.sufficient());
            medians.add(f);
        }
        d.put("medians", medians);
        StepRule rule = t.stepRule();
        List<Map<String, Object>> steps = new ArrayList<>();
        for (MedianStep s : t.steps()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("facility", s.facility());
            f.put("station", s.station());
            f.put("protocol", s.protocol());
            f.put("before", s.before().toString());
            f.put("after", s.after().toString());
            f.put("medianBefore", Cells.rounded(s.medianBefore(), 4));
            f.put("medianAfter", Cells.rounded(s.medianAfter(), 4));
            f.put("change", Cells.rounded(s.change(), 6));
            f.put("changeText", TrendText.changeText(rule, s.change()));
            f.put("studiesBefore", s.studiesBefore());
            f.put("beyondSampling", s.beyondSampling());
            f.put("studiesAfter", s.studiesAfter());
            steps.add(f);
        }
        d.put("steps", steps);
        d.put("stepThreshold", TrendText.percentText(rule.fraction()));
        d.put("minStudies", rule.minStudies());
        d.put("findingsDefinition", TrendText.FINDINGS_DEFINITION);
        return d;
    }
}
