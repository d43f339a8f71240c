package org.alaraaudit.report.excel;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.ComplianceFigures;
import org.alaraaudit.audit.aggregate.MarrowDoseProfile;
import org.alaraaudit.audit.PreviousPeriod;
import org.alaraaudit.audit.RunInfo;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.alaraaudit.rules.RuleDescription;
import org.alaraaudit.rules.RuleIds;
import org.alaraaudit.scanlog.InputFile;
import org.alaraaudit.scanlog.RowAccounting;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The first sheet: how the audit was made (so it can be checked against its sources), whether the rows
 * reconcile, the compliance figures, and the findings by rule and severity with a chart - the pivot a safety
 * officer would otherwise build by hand each month. An XSSF sheet, because streamed sheets cannot hold a chart.
 */
final class SummarySheet {
    static final String NAME = "Summary";

    private static final int LAST_COLUMN = 5;
    private static final int PAGE_CHARS = 44 + 15 * LAST_COLUMN;

    private final XSSFSheet sheet;
    private final Styles styles;
    private int next;

    SummarySheet(XSSFSheet sheet, Styles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    /** {@code continued}: list sheets that passed Excel's row limit, with all their sheet names. */
    void write(AuditResult result, Map<String, List<String>> continued) {
        sheet.setColumnWidth(0, 44 * 256);
        // B..F hold counts, and the 71-character rule-set digest must fit in them without spilling past the page
        for (int c = 1; c <= LAST_COLUMN; c++) sheet.setColumnWidth(c, 15 * 256);
        RunInfo run = result.run();
        row().styled("ALARA audit: pediatric dose compliance", styles.title); // CT, radiography and fluoroscopy, as the PDF
        // As the PDF's cover: without --institution, the facilities the data came from, never a blank line.
        row().text(run.institution() != null && !run.institution().isBlank() ? run.institution()
                : String.join("; ", result.figures().studiesByFacility().keySet()));
        next++;
        run(run);
        inputs(run.inputs(), run.profileFiles());
        accounting(result.rows(), result.rowsOutsidePeriod(), result.warnings().size());
        figures(result);
        findingsByRule(result);
        facilities(result);
        notes(continued);
        PrintLayout.portraitOnePageWide(sheet);
    }

    private void run(RunInfo run) {
        section("Run");
        // An empty cell reads as a defect; say it was not given, as the line under the title names the facilities instead.
        pair("Institution").text(run.institution() != null && !run.institution().isBlank() ? run.institution() : "not given (--institution)");
        if (run.period() == null || run.period().isWholeInput()) {
            pair("Period").text("whole input");
        } else {
            pair("Period from").date(run.period().from());
            pair("Period to").date(run.period().to());
            if (!run.periodGiven()) pair("").styled("(no --period given: the dates the data cover)", styles.note);
        }
        pair("Generated at (UTC)").dateTime(run.generatedAt() == null ? null
                : LocalDateTime.ofInstant(run.generatedAt(), ZoneOffset.UTC));
        pair("Tool version").text(run.toolVersion());
        pair("Rule set digest").text(run.ruleSetDigest());
        pair("Rule set location").text(run.ruleSetLocation());
        pair("Pediatric limit (years; below it is pediatric)").number(run.pediatricAgeYears(), styles.decimal);
        pair("DRL set").text(run.drlSet());
        next++;
    }

    private void inputs(List<InputFile> inputs, List<InputFile> profiles) {
        section("Input files");
        // The digest last: it is wider than its column and runs on into the empty cells after it.
        row().styled("file", styles.header).styled("read as", styles.header).styled("SHA-256", styles.header);
        for (InputFile f : inputs) row().text(f.file()).text(f.readAs()).text(f.sha256());
        for (InputFile p : profiles) row().text(p.file()).text("the mapping profile").text(p.sha256());
        next++;
    }

    private void accounting(RowAccounting rows, long outsidePeriod, int warnings) {
        section("Row accounting (read = audited + rejected + duplicate + excluded)");
        pair("rows read").count(rows.read());
        pair("audited").count(rows.audited());
        pair("rejected (see Rejected rows)").count(rows.rejected());
        pair("duplicate").count(rows.duplicate());
        pair("excluded (QA, phantom)").count(rows.excluded());
        pair("check").styled(rows.reconciles() ? "reconciles" : "DOES NOT RECONCILE", rows.reconciles()
                ? styles.text : styles.severity(Severity.CRITICAL));
        pair("audited rows outside the period (history only)").count(outsidePeriod);
        pair("data warnings (see Data warnings)").count(warnings);
        next++;
    }

    private void figures(AuditResult result) {
        ComplianceFigures f = result.figures();
        PreviousPeriod pp = result.previousPeriod();
        ComplianceFigures p = pp == null ? null : pp.figures();
        section("Compliance figures (studies in the period)");
        if (result.patientIdentifiersMissing()) {
            note(RuleIds.REPEAT_STUDY + " and " + RuleIds.CUMULATIVE_DOSE + " are " + AuditResult.NO_PATIENT_ID + " ("
                    + String.join(", ", result.filesWithoutPatientIdentifiers()) + "): the repeat count and rate below leave those files out.");
        }
        if (p == null) {
            note(org.alaraaudit.audit.PreviousPeriod.whyNone(result.run().period(), result.historyStoreRead()));
        } else {
            header("figure", "this period", "previous period", "change");
            String period = pp.period() == null || pp.period().isWholeInput() ? "whole input"
                    : pp.period().from() + " to " + pp.period().to();
            pair("previous period").text("").text(period);
            if (pp.ruleSetDigest() != null && !pp.ruleSetDigest().equals(result.run().ruleSetDigest())) {
                note("The previous period was audited with another rule set (" + pp.ruleSetDigest() + "): part of a change may come from that.");
            }
        }
        count("studies", f.studies(), p == null ? null : p.studies());
        count("pediatric studies", f.pediatricStudies(), p == null ? null : p.pediatricStudies());
        count("irradiation events", f.events(), p == null ? null : p.events());
        for (Map.Entry<String, Long> e : f.studiesByModality().entrySet()) {
            count("studies, " + e.getKey(), e.getValue(), p == null ? null : p.studiesByModality().getOrDefault(e.getKey(), 0L));
        }
        count("CT studies", f.ctStudies(), p == null ? null : p.ctStudies());
        count("pediatric CT studies", f.pediatricCtStudies(), p == null ? null : p.pediatricCtStudies());
        count("pediatric CT studies with an adult protocol", f.pediatricCtStudiesWithAdultProtocol(),
                p == null ? null : p.pediatricCtStudiesWithAdultProtocol());
        share("pediatric protocol compliance", f.pediatricProtocolCompliance(), p == null ? null : p.pediatricProtocolCompliance(), p != null);
        count("CT studies repeated (" + RuleIds.REPEAT_STUDY + ")", f.ctStudiesRepeated(), p == null ? null : p.ctStudiesRepeated());
        share("repeat rate", f.repeatRate(), p == null ? null : p.repeatRate(), p != null);
        long total = 0;
        long totalBefore = 0;
        for (Severity s : Severity.values()) {
            long n = f.findingsBySeverity().getOrDefault(s.name(), 0L);
            Long before = p == null ? null : p.findingsBySeverity().getOrDefault(s.name(), 0L);
            total += n;
            if (before != null) totalBefore += before;
            count("findings, " + s.name(), n, before);
        }
        count("findings, total", total, p == null ? null : totalBefore);
        for (Severity s : Severity.values()) {
            long n = f.findingsBySeverity().getOrDefault(s.name(), 0L);
            Double before = p == null ? null : per100(p.findingsBySeverity().getOrDefault(s.name(), 0L), p.studies());
            rate("findings per 100 studies, " + s.name(), per100(n, f.studies()), before, p != null);
        }
        rate("findings per 100 studies, total", per100(total, f.studies()), p == null ? null : per100(totalBefore, p.studies()), p != null);
        next++;
        marrowProfile(f.cumulativeMarrowDoseProfile());
        if (result.windowBeforeInput() != null) note(result.windowBeforeInput()); // wrapped over the width, not cut at the sheet's edge
    }

    private static Double per100(long findings, long studies) { return studies == 0 ? null : findings * 100.0 / studies; }

    /** A count with, when the previous period is known, its previous value and the change, as numbers. */
    private void count(String label, long now, Long before) {
        RowCells r = pair(label).count(now);
        if (before != null) r.count(before).number((double) (now - before), styles.signedInteger);
    }

    /** A share (percent format) and its change in percentage points. */
    private void share(String label, Double now, Double before, boolean hasPrevious) {
        RowCells r = pair(label).number(now, styles.percent);
        if (!hasPrevious) return;
        r.number(before, styles.percent);
        if (now != null && before != null) r.number(org.alaraaudit.report.Cells.rounded((now - before) * 100, 4), styles.signedPoints);
    }

    private void rate(String label, Double now, Double before, boolean hasPrevious) {
        RowCells r = pair(label).number(round(now), styles.ratio);
        if (!hasPrevious) return;
        r.number(round(before), styles.ratio);
        if (now != null && before != null) r.number(round(now - before), styles.signedDecimal);
    }

    private static Double round(Double d) { return org.alaraaudit.report.Cells.rounded(d, 4); }

    /** Pediatric CT patients by estimated cumulative red-marrow dose: how many approach the EPI-CT levels. */
    private void marrowProfile(MarrowDoseProfile m) {
        if (m == null) return;
        section("Pediatric CT patients by estimated cumulative red-marrow dose (" + m.windowDays() + " days)");
        header("band (" + MarrowDoseProfile.UNIT + ")", "patients");
        pair("below 10").count(m.below10());
        pair("10 to below 50").count(m.from10To50());
        pair("50 to below 100").count(m.from50To100());
        pair("100 or more").count(m.atLeast100());
        pair("not estimated (no usable acquisition)").count(m.notEstimated());
        pair("patients").count(m.patients());
        pair("phantom factor 32 cm to 16 cm").number(m.phantomFactor32To16(), styles.decimal);
        if (m.phantomFactorSource() != null) note("factor source: " + m.phantomFactorSource());
        next++;
    }

    private void findingsByRule(AuditResult result) {
        sheet.setRowBreak(next - 1); // table and chart on a page of their own when printed
        section("Findings by rule and severity");
        List<String> header = new ArrayList<>(List.of("rule"));
        for (Severity s : Severity.values()) header.add(s.name());
        header.add("total");
        header(header.toArray(String[]::new));
        Map<String, long[]> byRule = new LinkedHashMap<>();
        for (String id : ruleOrder(result)) byRule.put(id, new long[Severity.values().length]);
        for (Finding f : result.findings()) {
            byRule.computeIfAbsent(f.ruleId(), k -> new long[Severity.values().length])[f.severity().ordinal()]++;
        }
        int first = next;
        long[] totals = new long[Severity.values().length];
        for (Map.Entry<String, long[]> e : byRule.entrySet()) {
            RowCells r = row().text(e.getKey());
            long sum = 0;
            for (int i = 0; i < totals.length; i++) {
                r.count(e.getValue()[i]);
                sum += e.getValue()[i];
                totals[i] += e.getValue()[i];
            }
            r.count(sum);
        }
        int last = next - 1;
        RowCells t = new RowCells(sheet.createRow(next++), styles, 0).styled("total", styles.label);
        long all = 0;
        for (long n : totals) {
            t.count(n);
            all += n;
        }
        t.count(all);
        next++;
        if (result.findings().isEmpty() || byRule.isEmpty()) {
            row().styled("No findings: no chart.", styles.note);
            return;
        }
        int total = Severity.values().length + 1;
        BarChart chart = new BarChart(sheet, "Findings by rule", new CellRangeAddress(first, last, 0, 0))
                .series("findings", new CellRangeAddress(first, last, total, total), org.alaraaudit.report.Palette.series(0))
                .valueAxisTitle("findings");
        int height = Math.max(16, (last - first + 1) * 3 / 2 + 6);
        chart.draw(0, next, LAST_COLUMN + 1, next + height);
        next += height + 1;
    }

    /** The catalog's order, the same every month, so two months' sheets compare line by line. */
    private static Set<String> ruleOrder(AuditResult result) {
        Set<String> ids = new LinkedHashSet<>();
        for (RuleDescription r : result.rules()) ids.add(r.ruleId());
        return ids;
    }

    /**
     * The PDF's by-facility headline (FacilityHeadline), as far as the page's six columns take it: studies, compliance,
     * repeat rate, CRITICAL and MAJOR findings; findings.json has every figure of it.
     */
    private void facilities(AuditResult result) {
        section("By facility");
        header("facility", "studies", "pediatric protocol compliance", "CT repeat rate", "CRITICAL", "MAJOR");
        for (org.alaraaudit.report.FacilityHeadline h : org.alaraaudit.report.FacilityHeadline.of(result)) {
            var site = h.figures();
            row().text(site.facility()).count(site.studies()).number(site.pediatricProtocolCompliance(), styles.percent)
                    .number(site.repeatRate(), styles.percent).count(h.critical()).count(h.major());
        }
        next++;
    }

    private void notes(Map<String, List<String>> continued) {
        section("Notes");
        for (Map.Entry<String, List<String>> e : continued.entrySet()) {
            note(e.getKey() + " passed Excel's limit of 1,048,576 rows and continues on: "
                    + String.join(", ", e.getValue().subList(1, e.getValue().size())) + ".");
        }
        note("Findings: fill in review_status (" + org.alaraaudit.model.ReviewStatus.choices() + "), justification, reviewer "
                + "and reviewed_on; keep the columns as they are, so that 'alara-audit review import' can read the review back.");
        note("DRL: diagnostic reference levels judge groups of patients, never one patient (ICRP 135).");
    }

    /** A sentence across the page's columns, wrapped, so long text neither spills past the page nor is cut. */
    private void note(String text) {
        int r = next;
        Row row = sheet.createRow(next++);
        Cell c = row.createCell(0);
        c.setCellValue(text);
        c.setCellStyle(styles.wrapped);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, LAST_COLUMN));
        int lines = (text.length() + PAGE_CHARS - 11) / (PAGE_CHARS - 10);
        if (lines > 1) row.setHeightInPoints(15f * lines);
    }

    private RowCells row() { return new RowCells(sheet.createRow(next++), styles, 0); }

    private void section(String title) { row().styled(title, styles.section); }

    private RowCells pair(String label) { return row().styled(label, styles.label); }

    /** The first column names the rows; the others hold counts, so their headers align right. */
    private void header(String... names) {
        RowCells r = row();
        for (int i = 0; i < names.length; i++) r.styled(names[i], i == 0 ? styles.header : styles.numericHeader);
    }

}
