package org.alaraaudit.report.excel;

import java.util.List;
import java.util.stream.Collectors;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.DoseThreshold;
import org.alaraaudit.model.NotificationValue;
import org.alaraaudit.model.ProjectionReferenceLevel;
import org.alaraaudit.model.ReferenceLevel;
import org.alaraaudit.rules.Policy;
import org.alaraaudit.rules.PolicyTables;
import org.alaraaudit.rules.ProjectionReferenceLevels;
import org.alaraaudit.rules.RuleDescription;
import org.alaraaudit.rules.RuleIds;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The rules and thresholds this audit used, each with its source: what every finding was judged against, so a
 * reviewer can check it without the tool.
 */
final class RulesSheet {
    static final String NAME = "Rules";
    private static final int[] WIDTHS = {34, 30, 12, 14, 60, 60, 30, 24};
    /** scope as the rules write it (drl_group), as a reader says it. */
    private static String scope(String s) { return s == null ? null : s.replace('_', ' '); }

    private final Sheet sheet;
    private final Styles styles;
    private final org.alaraaudit.report.CitedStatus cited;
    private int next;
    private Row last;

    private RulesSheet(Sheet sheet, Styles styles, org.alaraaudit.report.CitedStatus cited) {
        this.sheet = sheet;
        this.styles = styles;
        this.cited = cited;
    }

    /** How far a table value was verified, in the words the PDF uses (shared reference-status rules). */
    private String status(String source) {
        return org.alaraaudit.model.ReferenceStatus.words(cited.ofSource(source));
    }

    static void write(Workbook wb, Styles styles, AuditResult result) {
        Sheet s = wb.createSheet(NAME);
        for (int i = 0; i < WIDTHS.length; i++) s.setColumnWidth(i, WIDTHS[i] * 256);
        // the first column names each rule or setting, so a page of its sources says which one they cite
        PrintLayout.landscape(s, java.util.Arrays.stream(WIDTHS).boxed().toList(), 1);
        RulesSheet rules = new RulesSheet(s, styles, org.alaraaudit.report.CitedStatus.of(result));
        rules.write(result);
        rules.fitLast();
    }

    /**
     * Row height for the wrapped text in it. LibreOffice does not size rows to wrapped text when it opens an
     * .xlsx, so without this the lines of a long source overprint the next row.
     */
    static void fitHeight(Sheet s, Row r) {
        int lines = 1;
        for (Cell c : r) {
            if (c.getCellType() != CellType.STRING || !c.getCellStyle().getWrapText()) continue;
            int width = Math.max(4, s.getColumnWidth(c.getColumnIndex()) / 256 - 1);
            int n = 0;
            for (String para : c.getStringCellValue().split("\n", -1)) n += Math.max(1, (para.length() * 11 / 10 + width - 1) / width);
            lines = Math.max(lines, n);
        }
        if (lines > 1) r.setHeightInPoints(Math.min(409f, 14.5f * lines + 2));
    }

    private void write(AuditResult result) {
        section("Rules in use (rule set " + result.run().ruleSetDigest() + ")");
        // No "file" column: the rule engine knows a rule's package (a Java name), not the file a reader could open.
        header("rule", "name", "severity", "judges one", "what it checks", "source");
        for (RuleDescription r : result.rules()) {
            row().text(r.ruleId()).wrapped(r.name()).text(r.severity()).text(scope(r.scope())).wrapped(r.description())
                    .wrapped(r.source());
        }
        next++;
        PolicyTables tables = result.tables();
        if (tables == null) return;
        section("Thresholds (tables/settings.csv)");
        header("setting", "value", "unit", "status", "source");
        for (Policy.Setting s : tables.policy().settings().values()) {
            row().text(s.key()).text(s.value()).text(s.unit()).wrapped(s.statusWording()).wrapped(s.source());
        }
        row().styled("This run", styles.label).skip().skip().skip()
                .text("pediatric limit " + result.run().pediatricAgeYears() + " years, DRL set "
                        + result.run().drlSet() + " (command line overrides settings.csv)");
        next++;
        referenceLevels(tables, result.run().drlSet());
        projectionLevels(tables, result.run().drlSet());
        cumulativeDose(tables);
        notificationValues(tables);
    }

    private void cumulativeDose(PolicyTables tables) {
        if (tables.cumulativeDose() == null) return;
        section("Cumulative dose thresholds (tables/cumulative-dose.csv, " + RuleIds.CUMULATIVE_DOSE + ")");
        header("metric", "population", "threshold", "unit", "source", "status");
        for (DoseThreshold t : tables.cumulativeDose().thresholds()) {
            row().text(t.metric() == null ? null : t.metric().label()).text(t.population() == null ? null : t.population().name())
                    .decimal(t.threshold()).text(t.unit()).wrapped(t.source()).wrapped(status(t.source()));
        }
        next++;
    }

    private void referenceLevels(PolicyTables tables, String set) {
        List<ReferenceLevel> levels;
        try {
            levels = tables.referenceLevels().set(set);
        } catch (RuntimeException e) {
            return; // a DRL set the tables do not know: the run info names it, nothing to list
        }
        section("Diagnostic reference levels, set " + set);
        header("exam type", "band", "phantom (cm)", "CTDIvol (mGy)", "DLP (mGy·cm)", "source", "target regions", "status");
        for (ReferenceLevel l : levels) {
            // With its contrast, as the DRL sheet names its groups: the with and without rows of one band are two rows.
            org.alaraaudit.model.Contrast c = org.alaraaudit.rules.ReferenceLevels.contrastOf(l);
            row().text(l.examType().replace('_', ' ') + (c == null ? "" : " " + c.label())).text(l.band())
                    .number(l.phantomCm() > 0 ? (double) l.phantomCm() : null, styles.integer)
                    .dose(l.ctdivolMgy()).dose(l.dlpMgycm()).wrapped(l.source())
                    .wrapped(l.targetRegions().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")))
                    .wrapped(status(l.source()));
        }
        next++;
    }

    /** The site's radiography and fluoroscopy DAP DRLs of the set in use; none ship, so it may say so. */
    private void projectionLevels(PolicyTables tables, String set) {
        if (tables.projectionLevels() == null) return;
        section("Radiography and fluoroscopy DRLs (tables/" + ProjectionReferenceLevels.FILE + ", " + RuleIds.DAP_DRL_MEDIAN_EXCEEDED + ")");
        List<ProjectionReferenceLevel> levels = tables.projectionLevels().set(set);
        if (levels.isEmpty()) {
            row().text("none for set " + set + ": no radiography or fluoroscopy DRL with a source ships; the site adds its own");
            next++;
            return;
        }
        header("kind", "exam", "band", "DAP (Gy·cm²)", "source", "status");
        for (ProjectionReferenceLevel l : levels) {
            row().text(l.kind()).text(l.exam().toString()).text(l.band()).dose(l.dapGycm2()).wrapped(l.source()).wrapped(l.standing());
        }
        next++;
    }

    private void notificationValues(PolicyTables tables) {
        section("CT notification values (AAPM / NEMA XR-25)");
        header("category", "age", "phantom (cm)", "CTDIvol (mGy)", "target regions / acquisition types", "source", "status");
        for (NotificationValue v : tables.notificationValues().values()) {
            String scope = v.targetRegions().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
            String types = v.acquisitionTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
            row().text(v.category()).text(v.ageYears().label("y"))
                    .number(v.phantomCm() == null ? null : (double) v.phantomCm(), styles.integer)
                    .dose(v.ctdivolMgy()).wrapped((scope.isEmpty() ? "any region" : scope)
                            + (types.isEmpty() ? "" : " / " + types)).wrapped(v.source()).wrapped(status(v.source()));
        }
    }

    /** Rows are sized when complete: a streamed sheet may have flushed them by the end. */
    private RowCells row() {
        fitLast();
        last = sheet.createRow(next++);
        return new RowCells(last, styles, 0);
    }

    private void fitLast() {
        if (last != null) fitHeight(sheet, last);
    }

    private void section(String title) { row().styled(title, styles.section); }

    private void header(String... names) {
        RowCells r = row();
        for (String n : names) r.styled(n, styles.header);
    }
}
