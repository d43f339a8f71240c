package org.alaraaudit.report.html;

import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.ComplianceFigures;
import org.alaraaudit.audit.aggregate.DoseSample;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.audit.aggregate.FacilityFigures;
import org.alaraaudit.audit.PreviousPeriod;
import org.alaraaudit.audit.aggregate.ProtocolStatistics;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.alaraaudit.report.Cells;
import org.alaraaudit.report.CitedStatus;
import org.alaraaudit.report.Disclosure;
import org.alaraaudit.rules.RuleDescription;

/**
 * {@code audit-PERIOD.html}: the audit as a dashboard. This is the one class that reads the {@link AuditResult} (and
 * the types it is made of); it turns the result into the page's data as plain maps and lists, which the page's
 * script draws. What it may show about patients is the template's {@link Disclosure}, as for the PDF and JSON:
 * with an aggregate template no pseudonym, no age, messages without ages and no cumulative-dose list.
 */
public final class AuditDashboard {
    /**
     * Findings the page carries at most, the most severe first: a registry-sized run has hundreds of thousands, and
     * a page a browser opens must stay a few MB; the rest are in findings.csv and the workbook.
     */
    static final int MAX_FINDINGS = 20_000;
    private static final String CUMULATIVE = "CUMULATIVE_DOSE";

    private AuditDashboard() {}

    public static void write(AuditResult result, Disclosure shown, String institution, Path target) throws IOException {
        ChartLibrary.script();
        String period = periodText(result);
        List<String> lines = new ArrayList<>();
        String place = institution != null && !institution.isBlank() ? institution.trim()
                : result.run().institution() != null && !result.run().institution().isBlank() ? result.run().institution().trim()
                : String.join("; ", result.figures().studiesByFacility().keySet());
        if (!place.isEmpty()) lines.add(place);
        lines.add("Rule set " + result.run().ruleSetDigest() + ", DRL set " + result.run().drlSet() + ", alara-audit "
                + result.run().toolVersion() + ", generated " + result.run().generatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        DashboardPage.write(target, new DashboardPage.Heading("audit", "Pediatric dose audit, " + period, lines), data(result, shown, period));
    }

    static Map<String, Object> data(AuditResult r, Disclosure shown, String period) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", "audit");
        d.put("period", period);
        PreviousPeriod prev = r.previousPeriod();
        d.put("previousPeriod", prev == null ? null : label(prev.period()));
        d.put("disclosure", shown.showsPatients() ? "patient-level" : "aggregate");
        d.put("rows", Map.of("read", r.rows().read(), "audited", r.rows().audited(), "rejected", r.rows().rejected(),
                "duplicate", r.rows().duplicate(), "excluded", r.rows().excluded()));
        d.put("facilities", facilities(r.figures(), prev == null ? null : prev.figures()));
        d.put("drl", drl(r.drlGroups(), prev == null ? null : prev.drlGroups()));
        d.put("protocols", protocols(r.protocols()));
        d.put("rules", rules(r.rules()));
        List<Finding> sorted = r.findings().stream()
                .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::studyDatetime, Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(MAX_FINDINGS).toList();
        List<Map<String, Object>> findings = new ArrayList<>();
        CitedStatus cited = CitedStatus.of(r);
        for (Finding f : sorted) findings.add(finding(f, shown, cited, r.reviews().of(f)));
        d.put("findings", findings);
        d.put("findingsTotal", r.findings().stream().count());
        d.put("cumulativeDose", shown.showsPatients() ? cumulative(r) : null);
        d.put("skinFollowUp", shown.showsPatients() ? skinFollowUp(r) : null);
        List<String> notes = new ArrayList<>();
        if (r.patientIdentifiersMissing()) {
            notes.add("Repeats and cumulative dose are " + AuditResult.NO_PATIENT_ID + " (" + String.join(", ", r.filesWithoutPatientIdentifiers()) + ").");
        }
        d.put("notes", notes);
        return d;
    }

    /**
     * The patients to call back: the findings of every rule with a follow-up in its metadata (the shipped one: a
     * fluoroscopy procedure at the substantial radiation dose level, NCRP 168), by date, with who, when, the values
     * and the advice the PDF and the workbook give (the rule's suggested action). Empty, not absent, when none.
     */
    private static List<Map<String, Object>> skinFollowUp(AuditResult r) {
        List<Map<String, Object>> out = new ArrayList<>();
        org.alaraaudit.audit.FollowUps followUps = r.followUps();
        for (Finding f : followUps.byDate()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("patient", f.patientRef());
            m.put("facility", f.facility());
            m.put("station", f.stationName());
            m.put("procedure", f.accessionNumber());
            m.put("date", f.studyDatetime() == null ? null : f.studyDatetime().toLocalDate().toString());
            m.put("quantity", f.quantity());
            m.put("value (mGy)", Cells.rounded(f.measuredValue(), 4));
            m.put("level (mGy)", Cells.rounded(f.referenceValue(), 4));
            m.put("rule", followUps.rule(f.ruleId()).title());
            m.put("advice", followUps.advice(f));
            out.add(m);
        }
        return out;
    }

    private static String periodText(AuditResult r) {
        return r.run().periodGiven() ? label(r.run().period()) : "whole input";
    }

    private static String label(org.alaraaudit.audit.AuditPeriod p) {
        if (p.from() == null || p.to() == null) return "whole input";
        if (p.from().getDayOfMonth() == 1 && p.to().equals(p.from().withDayOfMonth(p.from().lengthOfMonth()))) {
            return p.from().format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
        }
        return p.from() + " to " + p.to();
    }

    /** Every facility's headline figures and the network's, each with the previous period's beside it. */
    private static List<Map<String, Object>> facilities(ComplianceFigures now, ComplianceFigures before) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> all = headline("All facilities", now.studies(), now.pediatricStudies(), now.ctStudies(), now.pediatricCtStudies(),
                now.pediatricProtocolCompliance(), now.repeatRate(), total(now));
        all.put("bySeverity", severities(now.findingsBySeverity()));
        if (before != null) {
            all.put("previous", headline("All facilities", before.studies(), before.pediatricStudies(), before.ctStudies(),
                    before.pediatricCtStudies(), before.pediatricProtocolCompliance(), before.repeatRate(), total(before)));
        }
        out.add(all);
        for (FacilityFigures f : now.facilities()) {
            Map<String, Object> m = facility(f);
            FacilityFigures p = before == null ? null
                    : before.facilities().stream().filter(x -> x.facility().equals(f.facility())).findFirst().orElse(null);
            if (p != null) m.put("previous", facility(p));
            else if (before != null && before.studiesByFacility().containsKey(f.facility())) {
                // A store that keeps the previous period's studies and findings per facility but not its other figures.
                long studies = before.studiesByFacility().get(f.facility());
                long findings = before.findingsByFacility().getOrDefault(f.facility(), 0L);
                m.put("previous", headline(f.facility(), studies, -1, -1, -1, null, null, findings));
            }
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> facility(FacilityFigures f) {
        return headline(f.facility(), f.studies(), f.pediatricStudies(), f.ctStudies(), f.pediatricCtStudies(),
                f.pediatricProtocolCompliance(), f.repeatRate(), f.findings());
    }

    private static Map<String, Object> headline(String name, long studies, long pediatric, long ct, long pediatricCt,
                                                Double compliance, Double repeatRate, long findings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("studies", studies);
        m.put("pediatricStudies", pediatric < 0 ? null : pediatric);
        m.put("ctStudies", ct < 0 ? null : ct);
        m.put("pediatricCtStudies", pediatricCt < 0 ? null : pediatricCt);
        m.put("compliance", Cells.rounded(compliance, 6));
        m.put("repeatRate", Cells.rounded(repeatRate, 6));
        m.put("findings", findings);
        m.put("per100", studies == 0 ? null : Cells.rounded(100.0 * findings / studies, 4));
        return m;
    }

    private static long total(ComplianceFigures f) {
        return f.findingsBySeverity() == null ? 0 : f.findingsBySeverity().values().stream().mapToLong(v -> v == null ? 0 : v).sum();
    }

    private static Map<String, Long> severities(Map<String, Long> bySeverity) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Severity s : Severity.values()) m.put(s.name(), bySeverity == null ? 0L : bySeverity.getOrDefault(s.name(), 0L));
        return m;
    }

    private static List<Map<String, Object>> drl(List<DrlGroup> groups, List<DrlGroup> before) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DrlGroup g : groups) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("facility", g.facility());
            m.put("examType", g.examName());
            m.put("band", g.band());
            m.put("quantity", g.quantity());
            m.put("unit", "DLP".equals(g.quantity()) ? "mGy·cm" : "mGy");
            m.put("n", g.n());
            m.put("studies", g.studies());
            m.put("median", Cells.rounded(g.median(), 4));
            m.put("ciLow", g.medianInterval() == null ? null : Cells.rounded(g.medianInterval().low(), 4));
            m.put("ciHigh", g.medianInterval() == null ? null : Cells.rounded(g.medianInterval().high(), 4));
            m.put("drl", g.drl());
            m.put("ratio", Cells.rounded(g.ratio(), 4));
            m.put("status", g.status());
            m.put("statusWords", DrlGroup.statusWords(g.status())); // as the PDF and the workbook word it
            m.put("judged", g.judged());
            m.put("note", g.note());
            DrlGroup p = before == null ? null : before.stream().filter(q -> java.util.Objects.equals(q.facility(), g.facility())
                    && java.util.Objects.equals(q.examType(), g.examType()) && java.util.Objects.equals(q.band(), g.band())
                    && java.util.Objects.equals(q.quantity(), g.quantity())).findFirst().orElse(null);
            // A change is only a change between two judged groups (the PDF's rule): otherwise say why not.
            m.put("previousRatio", p != null && DrlGroup.notCompared(g, p) == null ? Cells.rounded(p.ratio(), 4) : null);
            m.put("notCompared", p == null ? null : DrlGroup.notCompared(g, p));
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> protocols(List<ProtocolStatistics> protocols) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ProtocolStatistics p : protocols) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("facility", p.facility());
            m.put("station", p.stationName());
            m.put("protocol", p.standardProtocol());
            m.put("studies", p.studies());
            m.put("pediatricStudies", p.pediatricStudies());
            m.put("CTDIvol", spread(p.ctdivol()));
            m.put("DLP", spread(p.dlp()));
            m.put("SSDE", spread(p.ssde()));
            out.add(m);
        }
        return out;
    }

    /** The box plot's numbers: minimum, 5th, 25th, 50th, 75th, 95th percentile, maximum and n; null without values. */
    private static Map<String, Object> spread(DoseSample s) {
        if (s == null || s.size() == 0) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", s.size());
        double[] q = {0, 0.05, 0.25, 0.5, 0.75, 0.95, 1};
        List<Double> v = new ArrayList<>();
        for (double x : q) v.add(Cells.rounded(s.quantile(x), 4));
        m.put("q", v);
        return m;
    }

    private static Map<String, String> rules(List<RuleDescription> rules) {
        Map<String, String> m = new java.util.TreeMap<>();
        for (RuleDescription d : rules) m.putIfAbsent(d.ruleId(), d.name());
        return m;
    }

    private static Map<String, Object> finding(Finding f, Disclosure shown, CitedStatus cited, AuditResult.Review review) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.findingId());
        m.put("rule", f.ruleId());
        m.put("severity", f.severity().name());
        m.put("facility", f.facility());
        m.put("station", f.stationName());
        m.put("accession", f.accessionNumber());
        m.put("date", f.studyDatetime() == null ? null : f.studyDatetime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString().replace('T', ' '));
        if (shown.showsPatients()) {
            m.put("patient", f.patientRef());
            m.put("age", shown.age(f));
        }
        m.put("protocol", f.protocolName());
        m.put("quantity", f.quantity());
        m.put("measured", Cells.rounded(shown.measuredValue(f), 4));
        m.put("reference", Cells.rounded(f.referenceValue(), 4));
        m.put("unit", f.unit());
        m.put("status", cited.of(f)); // how far the reference value was verified, as findings.csv says it
        m.put("message", shown.message(f));
        m.put("review", review == null ? "NOT_REVIEWED" : review.status() == null ? "OPEN" : review.status());
        return m;
    }

    /** CUMULATIVE_DOSE findings by pseudonym, as the workbook's sheet lists them. */
    private static List<Map<String, Object>> cumulative(AuditResult r) {
        List<Map<String, Object>> out = new ArrayList<>();
        r.findings().stream().filter(f -> CUMULATIVE.equals(f.ruleId()))
                .sorted(Comparator.comparing(Finding::patientRef, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(f -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("patient", f.patientRef());
                    m.put("facility", f.facility());
                    m.put("severity", f.severity().name());
                    m.put("metric", f.quantity());
                    m.put("value", Cells.rounded(f.measuredValue(), 4));
                    m.put("threshold", Cells.rounded(f.referenceValue(), 4));
                    m.put("unit", f.unit());
                    m.put("latestStudy", f.accessionNumber());
                    m.put("date", f.studyDatetime() == null ? null : f.studyDatetime().toLocalDate().toString());
                    out.add(m);
                });
        return out;
    }
}
