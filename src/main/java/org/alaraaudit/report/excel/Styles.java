package org.alaraaudit.report.excel;

import java.util.EnumMap;
import java.util.Map;
import org.alaraaudit.model.Severity;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The workbook's cell styles, created once: a workbook holds at most 64,000 styles, so a style per cell would
 * break a large audit.
 */
final class Styles {
    final CellStyle title;
    final CellStyle section;
    final CellStyle header;
    final CellStyle numericHeader;
    final CellStyle reviewHeader;
    final CellStyle label;
    final CellStyle text;
    /** Text that starts like a formula: stays literal even when the user edits the cell and saves again. */
    final CellStyle quotedText;
    /** Long text (messages, sources): wrapped, so it stays in its column instead of running over the next. */
    final CellStyle wrapped;
    final CellStyle quotedWrapped;
    final CellStyle integer;
    /** Line numbers and years: no thousands separator. */
    final CellStyle plainInteger;
    /** Dose statistics (medians, DRLs): two decimals are what anyone compares. */
    final CellStyle dose;
    final CellStyle decimal;
    final CellStyle ratio;
    final CellStyle percent;
    /** Month-over-month changes: always signed; a share's change is in percentage points. */
    final CellStyle signedInteger;
    final CellStyle signedDecimal;
    final CellStyle signedPoints;
    /** The change of a DRL ratio: signed, two decimals. */
    final CellStyle signedRatio;
    final CellStyle date;
    final CellStyle dateTime;
    final CellStyle note;
    /** A short status word between numbers (DRL status): centred so it does not touch them. */
    final CellStyle centered;
    private final Map<Severity, CellStyle> severity = new EnumMap<>(Severity.class);

    Styles(Workbook wb) {
        DataFormat fmt = wb.getCreationHelper().createDataFormat();
        Font bold = wb.createFont();
        bold.setBold(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        Font italic = wb.createFont();
        italic.setItalic(true);
        italic.setColor(IndexedColors.GREY_50_PERCENT.getIndex());

        title = wb.createCellStyle();
        title.setFont(big);
        section = wb.createCellStyle();
        section.setFont(bold);
        section.setBorderBottom(BorderStyle.THIN);
        header = headerStyle(wb, bold, IndexedColors.GREY_25_PERCENT);
        numericHeader = headerStyle(wb, bold, IndexedColors.GREY_25_PERCENT);
        numericHeader.setAlignment(HorizontalAlignment.RIGHT);
        // The review columns are the safety officer's to fill in: a different colour says so.
        reviewHeader = headerStyle(wb, bold, IndexedColors.LIGHT_GREEN);
        label = wb.createCellStyle();
        label.setFont(bold);
        label.setVerticalAlignment(VerticalAlignment.TOP);
        text = wb.createCellStyle();
        text.setVerticalAlignment(VerticalAlignment.TOP);
        quotedText = wb.createCellStyle();
        quotedText.cloneStyleFrom(text);
        quotedText.setQuotePrefixed(true);
        wrapped = wb.createCellStyle();
        wrapped.cloneStyleFrom(text);
        wrapped.setWrapText(true);
        quotedWrapped = wb.createCellStyle();
        quotedWrapped.cloneStyleFrom(wrapped);
        quotedWrapped.setQuotePrefixed(true);
        integer = numberStyle(wb, fmt, "#,##0");
        plainInteger = numberStyle(wb, fmt, "0");
        dose = numberStyle(wb, fmt, "#,##0.00");
        decimal = numberStyle(wb, fmt, "#,##0.0###");
        // a third decimal where it counts: 0.999 is below its DRL, and shown "1.00" beside "at or below" it reads as
        // the PDF's 0.999 does not
        ratio = numberStyle(wb, fmt, "0.00#");
        percent = numberStyle(wb, fmt, "0.0%");
        signedInteger = numberStyle(wb, fmt, "+#,##0;-#,##0;0");
        signedDecimal = numberStyle(wb, fmt, "+#,##0.0;-#,##0.0;0.0");
        // the change of a share in percentage points, stored as points (1.2) and shown "+1.2 pts"
        signedPoints = numberStyle(wb, fmt, "+0.0\" pts\";-0.0\" pts\";0.0\" pts\"");
        signedRatio = numberStyle(wb, fmt, "+0.00;-0.00;0.00");
        date = numberStyle(wb, fmt, "yyyy-mm-dd");
        date.setAlignment(HorizontalAlignment.LEFT);
        dateTime = numberStyle(wb, fmt, "yyyy-mm-dd hh:mm");
        dateTime.setAlignment(HorizontalAlignment.LEFT);
        centered = wb.createCellStyle();
        centered.setAlignment(HorizontalAlignment.CENTER);
        centered.setVerticalAlignment(VerticalAlignment.TOP);
        note = wb.createCellStyle();
        note.setFont(italic);
        severity.put(Severity.CRITICAL, severityStyle(wb, IndexedColors.RED, true));
        severity.put(Severity.MAJOR, severityStyle(wb, IndexedColors.LIGHT_ORANGE, false));
        severity.put(Severity.MINOR, severityStyle(wb, IndexedColors.LIGHT_YELLOW, false));
        severity.put(Severity.INFO, severityStyle(wb, IndexedColors.PALE_BLUE, false));
    }

    CellStyle severity(Severity s) { return severity.get(s); }

    private static CellStyle headerStyle(Workbook wb, Font bold, IndexedColors fill) {
        CellStyle s = wb.createCellStyle();
        s.setFont(bold);
        s.setFillForegroundColor(fill.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        s.setBorderBottom(BorderStyle.THIN);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        s.setWrapText(true);
        return s;
    }

    private static CellStyle numberStyle(Workbook wb, DataFormat fmt, String format) {
        CellStyle s = wb.createCellStyle();
        s.setDataFormat(fmt.getFormat(format));
        s.setVerticalAlignment(VerticalAlignment.TOP);
        return s;
    }

    private static CellStyle severityStyle(Workbook wb, IndexedColors fill, boolean whiteBold) {
        CellStyle s = wb.createCellStyle();
        s.setFillForegroundColor(fill.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        s.setAlignment(HorizontalAlignment.CENTER);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        if (whiteBold) {
            Font f = wb.createFont();
            f.setBold(true);
            f.setColor(IndexedColors.WHITE.getIndex());
            s.setFont(f);
        }
        return s;
    }
}
