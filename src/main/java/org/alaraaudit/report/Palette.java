package org.alaraaudit.report;

import java.awt.Color;

/**
 * Every colour the reports draw with, in one place, so the audit PDF, the audit workbook and the trend reports
 * look like one product. Colours are {@code 0xRRGGBB}: the PDF takes them as {@link Color}, a workbook's
 * native charts as RGB bytes.
 */
public final class Palette {
    /** Headings and table headers; a report template may set its own. */
    public static final int PRIMARY = 0x1F3A5F;
    public static final int ACCENT = 0xB03A2E;
    /** Body text. */
    public static final int INK = 0x222222;
    /** Captions, notes, a judgement withheld. */
    public static final int MUTED = 0x666666;
    /** Hairlines between table rows. */
    public static final int RULE = 0xC8CCD2;
    public static final int CHART_TEXT = 0x333333;
    public static final int GRID = 0xDDDDDD;
    /** A light tint of {@link #PRIMARY}: the fill of a box plot's boxes. */
    public static final int PRIMARY_TINT = 0xA3C4DC;
    /** A protocol's expected range drawn in a chart: green, apart from the DRL's red. */
    public static final int EXPECTED = 0x2E7D32;
    /** Severities, worst first: dark red, orange, sand, grey. */
    public static final int CRITICAL = 0x9E1B1B;
    public static final int MAJOR = 0xE07B25;
    public static final int MINOR = 0xE9C46A;
    public static final int INFO = 0x9AA5B1;
    /** A value above its reference level, in a table. */
    public static final int FLAGGED = CRITICAL;
    /** The DRL drawn as a line in a chart: dark red and dashed ({@link #DRL_DASH}), never mistaken for a series. */
    public static final int DRL = 0xA50021;
    /** Dash and gap lengths of the DRL line, in points. */
    public static final float[] DRL_DASH = {4f, 2f};

    /**
     * Okabe-Ito colours for the series of a chart (facilities, exam types, severities over time): told apart with
     * any colour vision, and none of them the DRL's red.
     */
    private static final int[] SERIES = {0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00};

    private Palette() {}

    /** The colour of the {@code i}th series; after six they repeat. */
    public static int series(int i) { return SERIES[i % SERIES.length]; }

    public static int seriesCount() { return SERIES.length; }

    public static Color awt(int rgb) { return new Color(rgb); }

    public static byte[] bytes(int rgb) { return new byte[]{(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb}; }
}
