package org.alaraaudit.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.alaraaudit.rules.ThresholdFacts.CatalogRow;
import org.alaraaudit.rules.ThresholdFacts.CumulativeLevel;
import org.alaraaudit.rules.ThresholdFacts.NotificationRow;
import org.alaraaudit.rules.ThresholdFacts.SettingRow;
import org.alaraaudit.rules.ThresholdFacts.Subject;
import org.alaraaudit.rules.ThresholdFacts.Table;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes {@code thresholds.drl.xlsx} from the CSV tables: every value the workbook can change, as it stands in the
 * CSV, so that the officer edits in place and an untouched workbook agrees with the CSV. One worksheet (Drools
 * reads only the first), four RuleTables stacked on it. The values also go, hidden, into METADATA columns K-O:
 * with them a later CSV edit is told apart from an edit made in the workbook.
 */
public final class ThresholdWorkbookWriter {
    static final String SHEET = "Thresholds";
    private static final int KEY = 0;
    private static final int SECOND = 1;
    private static final int THIRD = 2;
    private static final int VALUES = 3;
    private static final int HIDDEN = 10;
    private static final int DESCRIPTION_WIDTH = 56;
    /** A fixed date keeps two exports of the same CSV tables identical, byte for byte. */
    private static final Date CREATED = new Date(1_767_225_600_000L);

    private final XSSFWorkbook wb = new XSSFWorkbook();
    private final Sheet sheet = wb.createSheet(SHEET);
    private final CellStyle title;
    private final CellStyle explanation;
    private final CellStyle code;
    private final CellStyle tableName;
    private final CellStyle label;
    private final CellStyle key;
    private final CellStyle described;
    private final CellStyle value;
    private final CellStyle hidden;
    private int next;

    private ThresholdWorkbookWriter() {
        title = style(true, false, 14, IndexedColors.BLACK, null, false);
        explanation = style(false, true, 10, IndexedColors.GREY_80_PERCENT, null, false);
        code = style(false, false, 8, IndexedColors.GREY_50_PERCENT, null, false);
        tableName = style(true, false, 12, IndexedColors.DARK_BLUE, null, false);
        label = style(true, false, 10, IndexedColors.BLACK, IndexedColors.PALE_BLUE, true);
        label.setVerticalAlignment(VerticalAlignment.BOTTOM);
        key = style(true, false, 10, IndexedColors.BLACK, null, false);
        described = style(false, false, 10, IndexedColors.GREY_80_PERCENT, null, true);
        value = style(false, false, 10, IndexedColors.BLACK, null, false);
        for (CellStyle s : List.of(key, described, value)) {
            s.setBorderBottom(BorderStyle.THIN);
            s.setBottomBorderColor(IndexedColors.GREY_25_PERCENT.getIndex());
        }
        hidden = style(false, false, 8, IndexedColors.GREY_50_PERCENT, null, false);
    }

    /** Writes the workbook for a tables folder's CSV tables, which must be valid. */
    public static void write(ThresholdWorkbook.Tables csv, Path out) throws IOException {
        byte[] bytes = bytes(csv);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    }

    public static byte[] bytes(ThresholdWorkbook.Tables csv) throws IOException {
        // The same checks as a load, so that an export never writes a workbook of an invalid table.
        Policy.from(csv.settings());
        ProtocolCatalog.from(csv.catalog());
        NotificationValues.from(csv.notifications());
        CumulativeDoseLevels.from(csv.cumulative());
        ThresholdWorkbookWriter w = new ThresholdWorkbookWriter();
        w.sheet(ThresholdFacts.of(csv));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.wb.getProperties().getCoreProperties().setCreated(Optional.of(CREATED));
        w.wb.getProperties().getCoreProperties().setTitle("alara-audit thresholds (Drools decision table)");
        w.wb.getProperties().getCoreProperties().setCreator("alara-audit rules export-thresholds");
        try (OutputStream o = out) {
            w.wb.write(o);
        } finally {
            w.wb.close();
        }
        return reproducible(out.toByteArray());
    }

    /**
     * The same workbook with every zip entry dated {@link #CREATED}: POI stamps entries with the time of writing, and
     * a regeneration from unchanged CSV tables must not change the rule-set digest.
     */
    private static byte[] reproducible(byte[] xlsx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(xlsx.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(LocalDateTime.of(2026, 1, 1, 0, 0));
                zip.putNextEntry(copy);
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private void sheet(List<Subject> facts) {
        text(row(), 0, "Thresholds of the audit policy: expected dose ranges, notification values, settings, cumulative-dose levels", title);
        text(row(), 0, "Change a value in a white cell and save as .xlsx. A blank cell keeps the value of the CSV table."
                + " The audit uses this sheet's value where it differs from the CSV; alara-audit rules validate lists each one.", explanation);
        text(row(), 0, "Leave the grey rows (the decision table's code) and the hidden columns K-O (the values as exported) as they"
                + " are. Only this first worksheet is read. Regenerate: alara-audit rules export-thresholds RULES_DIR", explanation);
        next++;
        code2(row(), "RuleSet", ThresholdWorkbook.PACKAGE);
        code2(row(), "Import", String.join(", ", List.of(CatalogRow.class, NotificationRow.class, SettingRow.class, CumulativeLevel.class)
                .stream().map(c -> c.getName().replace('$', '.')).toList()));
        code2(row(), "Variables", ThresholdEdits.class.getName() + " edits");
        next++;
        catalog(facts);
        notifications(facts);
        settings(facts);
        cumulative(facts);
        sheet.setColumnWidth(KEY, 34 * 256);
        sheet.setColumnWidth(SECOND, DESCRIPTION_WIDTH * 256);
        sheet.setColumnWidth(THIRD, 7 * 256);
        for (int c = VALUES; c < VALUES + 4; c++) sheet.setColumnWidth(c, 13 * 256);
        sheet.setColumnWidth(VALUES + 4, 40 * 256);
        for (int c = HIDDEN; c < HIDDEN + 5; c++) {
            sheet.setColumnWidth(c, 16 * 256);
            sheet.setColumnHidden(c, true);
        }
        // The first column names what each row sets; it stays in view while scrolling to the values.
        sheet.createFreezePane(1, 0);
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    private void catalog(List<Subject> facts) {
        List<ThresholdColumn> values = List.of(ThresholdColumn.EXPECTED_CTDIVOL_MIN, ThresholdColumn.EXPECTED_CTDIVOL_MAX,
                ThresholdColumn.EXPECTED_DLP_MIN, ThresholdColumn.EXPECTED_DLP_MAX);
        Header h = new Header(Table.CATALOG, "Expected dose ranges per protocol, from " + ProtocolCatalog.FILE
                + " (DOSE_BELOW_EXPECTED_RANGE, DOSE_ABOVE_EXPECTED_RANGE). Protocol: the catalog's pattern, with \" @STATION\""
                + " for a station's own row, \" +contrast\" or \" -contrast\" for a row of exams with or without contrast.", "CatalogRow");
        h.condition(KEY, "key == \"$param\"", "Protocol (catalog pattern)");
        h.description(SECOND, "Standard protocol (not read)");
        for (int i = 0; i < values.size(); i++) h.value(VALUES + i, values.get(i));
        h.reason(VALUES + 4);
        h.exported(values);
        h.write();
        for (Subject s : facts) {
            if (!(s instanceof CatalogRow c)) continue;
            Row r = row();
            text(r, KEY, c.key(), key);
            String population = c.row().text("population");
            String region = c.row().text("target_region");
            String standard = c.row().text("standard_name");
            description(r, (standard == null ? "" : standard + " ") + "(" + population.toUpperCase(java.util.Locale.ROOT)
                    + (region == null ? "" : ", " + region) + ")");
            blank(r, THIRD);
            for (int i = 0; i < values.size(); i++) number(r, VALUES + i, c.row().text(values.get(i).csvColumn()), value);
            blank(r, VALUES + 4);
            exportedCells(r, c, values);
        }
        next++;
    }

    private void notifications(List<Subject> facts) {
        Header h = new Header(Table.NOTIFICATION, "CTDIvol notification values (AAPM / NEMA XR 25) per category, from "
                + NotificationValues.FILE + " (CT_NOTIFICATION_VALUE).", "NotificationRow");
        h.condition(KEY, "category == \"$param\"", "Category");
        h.description(SECOND, "Applies to (not read)");
        h.value(VALUES, ThresholdColumn.NOTIFICATION_CTDIVOL);
        h.reason(VALUES + 1);
        h.exported(List.of(ThresholdColumn.NOTIFICATION_CTDIVOL));
        h.write();
        for (Subject s : facts) {
            if (!(s instanceof NotificationRow n)) continue;
            TableFile.Row csv = n.row();
            Row r = row();
            text(r, KEY, n.category(), key);
            String regions = csv.text("target_regions");
            String types = csv.text("acquisition_types");
            String phantom = csv.text("phantom_cm");
            description(r, (regions == null ? "any region" : regions.replace("|", ", "))
                    + (types == null ? "" : "; " + types.replace("|", ", ")) + "; age " + csv.range("age_min_years", "age_max_years").label("y")
                    + (phantom == null ? "" : "; " + phantom + " cm phantom"));
            blank(r, THIRD);
            number(r, VALUES, csv.text("ctdivol_mgy"), value);
            blank(r, VALUES + 1);
            exportedCells(r, n, List.of(ThresholdColumn.NOTIFICATION_CTDIVOL));
        }
        next++;
    }

    private void settings(List<Subject> facts) {
        Header h = new Header(Table.SETTING, "Settings, from " + Policy.FILE + ". The unit is the CSV's and cannot be changed here;"
                + " text settings (drl_set, ...) are changed in the CSV.", "SettingRow");
        h.condition(KEY, "key == \"$param\"", "Setting");
        h.description(SECOND, "What it sets (not read)");
        h.value(VALUES, ThresholdColumn.SETTING_VALUE);
        h.unit(VALUES + 1);
        h.reason(VALUES + 2);
        h.exported(List.of(ThresholdColumn.SETTING_VALUE));
        h.write();
        for (Subject s : facts) {
            if (!(s instanceof SettingRow st)) continue;
            ThresholdSetting setting = ThresholdSetting.of(st.key()).orElse(null);
            if (setting == null) continue;
            Row r = row();
            text(r, KEY, st.key(), key);
            description(r, setting.description());
            blank(r, THIRD);
            number(r, VALUES, st.row().text("value"), value);
            text(r, VALUES + 1, st.unit(), value);
            blank(r, VALUES + 2);
            exportedCells(r, st, List.of(ThresholdColumn.SETTING_VALUE));
        }
        next++;
    }

    private void cumulative(List<Subject> facts) {
        Header h = new Header(Table.CUMULATIVE, "Cumulative-dose levels, from " + CumulativeDoseLevels.FILE + " (CUMULATIVE_DOSE)."
                + " Level 1 is the first row of that metric and population in the CSV, level 2 the second.", "CumulativeLevel");
        h.condition(KEY, "metric == \"$param\"", "Metric");
        h.condition(SECOND, "population == \"$param\"", "Population");
        h.condition(THIRD, "level == \"$param\"", "Level");
        h.value(VALUES, ThresholdColumn.CUMULATIVE_THRESHOLD);
        h.unit(VALUES + 1);
        h.reason(VALUES + 2);
        h.exported(List.of(ThresholdColumn.CUMULATIVE_THRESHOLD));
        h.write();
        for (Subject s : facts) {
            if (!(s instanceof CumulativeLevel c)) continue;
            Row r = row();
            text(r, KEY, c.metric(), key);
            text(r, SECOND, c.population(), key);
            number(r, THIRD, c.level(), key);
            number(r, VALUES, c.row().text("threshold"), value);
            text(r, VALUES + 1, c.unit(), value);
            blank(r, VALUES + 2);
            exportedCells(r, c, List.of(ThresholdColumn.CUMULATIVE_THRESHOLD));
        }
        next++;
    }

    private void exportedCells(Row r, Subject s, List<ThresholdColumn> values) {
        text(r, HIDDEN, s.exportKey(), hidden);
        for (int i = 0; i < values.size(); i++) number(r, HIDDEN + 1 + i, s.row().text(values.get(i).csvColumn()), hidden);
    }

    /**
     * The five header rows of a RuleTable: its name, CONDITION/ACTION/..., the object pattern, the code and the
     * labels. Collected per column first, since the rows are written across.
     */
    private final class Header {
        private final Table table;
        private final String explanationText;
        private final String pattern;
        private final List<Object[]> columns = new ArrayList<>();
        private int conditions;

        Header(Table table, String explanationText, String pattern) {
            this.table = table;
            this.explanationText = explanationText;
            this.pattern = pattern;
        }

        void condition(int col, String snippet, String labelText) {
            columns.add(new Object[]{col, "CONDITION", snippet, labelText});
            conditions++;
        }

        void description(int col, String labelText) { columns.add(new Object[]{col, "DESCRIPTION", null, labelText}); }

        void value(int col, ThresholdColumn c) {
            columns.add(new Object[]{col, "ACTION", "edits.value(kcontext, \"" + c.csvColumn() + "\", \"$param\");", c.label()});
        }

        void unit(int col) { columns.add(new Object[]{col, "ACTION", "edits.unit(kcontext, \"$param\");", "Unit"}); }

        void reason(int col) {
            columns.add(new Object[]{col, "ACTION", "edits.reason(kcontext, \"$param\");", "Reason (printed in the report)"});
        }

        /** The hidden METADATA columns: the row's key and values as exported. */
        void exported(List<ThresholdColumn> values) {
            columns.add(new Object[]{HIDDEN, "METADATA", table.exportedKey() + "(\"$param\")", "as exported: key"});
            for (int i = 0; i < values.size(); i++) {
                columns.add(new Object[]{HIDDEN + 1 + i, "METADATA", values.get(i).exportedKey() + "(\"$param\")",
                        "as exported: " + values.get(i).label()});
            }
        }

        void write() {
            text(row(), 0, explanationText, explanation);
            text(row(), 0, "RuleTable " + table.title(), tableName);
            Row kinds = row();
            Row patterns = row();
            Row snippets = row();
            Row labels = row();
            labels.setHeightInPoints(44);
            for (Object[] c : columns) {
                int col = (Integer) c[0];
                text(kinds, col, (String) c[1], col >= HIDDEN ? hidden : code);
                if (c[2] != null) text(snippets, col, (String) c[2], col >= HIDDEN ? hidden : code);
                text(labels, col, (String) c[3], col >= HIDDEN ? hidden : label);
            }
            text(patterns, KEY, pattern, code);
            if (conditions > 1) {
                // Several conditions on one pattern: the pattern cell is merged over them, and the covered cells must
                // exist, or Drools never learns of the merge (engineering notes, section 2).
                for (int c = KEY + 1; c < KEY + conditions; c++) blank(patterns, c).setCellStyle(code);
                sheet.addMergedRegion(new CellRangeAddress(patterns.getRowNum(), patterns.getRowNum(), KEY, KEY + conditions - 1));
            }
        }
    }

    private Row row() { return sheet.createRow(next++); }

    /** A wrapped description; the row is made tall enough, since a spreadsheet keeps the height it is given. */
    private void description(Row r, String v) {
        text(r, SECOND, v, described);
        int lines = (int) Math.ceil(v.length() / (DESCRIPTION_WIDTH * 1.28));
        if (lines > 1) r.setHeightInPoints(lines * 13f);
    }

    private void code2(Row r, String keyword, String v) {
        text(r, 0, keyword, code);
        text(r, 1, v, code);
    }

    private static void text(Row r, int col, String v, CellStyle style) {
        if (v == null) {
            blank(r, col).setCellStyle(style);
            return;
        }
        Cell c = r.createCell(col);
        c.setCellValue(v);
        c.setCellStyle(style);
    }

    /** A number cell, so the officer sees (and edits) a number; blank when the CSV has none. */
    private static void number(Row r, int col, String v, CellStyle style) {
        Cell c = r.createCell(col);
        c.setCellStyle(style);
        if (v != null) c.setCellValue(Double.parseDouble(v));
    }

    private static Cell blank(Row r, int col) { return r.createCell(col); }

    private CellStyle style(boolean bold, boolean italic, int points, IndexedColors color, IndexedColors fill, boolean wrap) {
        Font f = wb.createFont();
        f.setBold(bold);
        f.setItalic(italic);
        f.setFontHeightInPoints((short) points);
        f.setColor(color.getIndex());
        CellStyle s = wb.createCellStyle();
        s.setFont(f);
        if (fill != null) {
            s.setFillForegroundColor(fill.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        s.setWrapText(wrap);
        return s;
    }
}
