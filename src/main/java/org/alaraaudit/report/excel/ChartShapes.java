package org.alaraaudit.report.excel;

import org.alaraaudit.report.Palette;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;

/**
 * How a workbook's native charts draw their series, in the {@link Palette}'s colours: the audit workbook's bars
 * and the trend workbook's lines, with the DRL as a dashed dark-red line as in the PDFs.
 */
public final class ChartShapes {
    private ChartShapes() {}

    /** A bar's solid fill. */
    public static XDDFShapeProperties fill(int rgb) {
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setFillProperties(solid(rgb));
        return shape;
    }

    /** The {@code i}th line of a chart: a drawn line, since without one LibreOffice shows a line chart's series as loose markers. */
    public static XDDFShapeProperties line(int i) { return line(Palette.series(i), false); }

    /** The DRL: thinner than the series and dashed. */
    public static XDDFShapeProperties drlLine() { return line(Palette.DRL, true); }

    private static XDDFShapeProperties line(int rgb, boolean dashed) {
        XDDFLineProperties line = new XDDFLineProperties();
        line.setFillProperties(solid(rgb));
        line.setWidth(dashed ? 1.25 : 2.0);
        if (dashed) line.setPresetDash(new XDDFPresetLineDash(PresetLineDash.DASH));
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setLineProperties(line);
        return shape;
    }

    private static XDDFSolidFillProperties solid(int rgb) { return new XDDFSolidFillProperties(XDDFColor.from(Palette.bytes(rgb))); }
}
