package org.alaraaudit.report.trend;

/**
 * How a trend chart's value axis is drawn, alike in the PDF's charts and the workbook's. A percentage starts at 0: on
 * an axis cut to the months' values (95.6 to 97.0 %), a change of 1.4 points was drawn as a collapse.
 */
enum AxisScale {
    /** A share of a whole that is mostly near all of it (pediatric protocol compliance): the whole of 0 to 100 %. */
    SHARE,
    /** A percentage that stays small (repeats, retakes): from 0 to a little above the highest month. */
    RATE,
    /** Other values that are never negative (ratios to the DRL, findings per 100 studies, counts): the values' range. */
    DATA,
    /** Values either side of 0 (a deviation index): the values' range, below 0 as well. */
    SIGNED;

    boolean percent() { return this == SHARE || this == RATE; }

    /** The axis' lower end where this scale fixes it (0 for a percentage), else null: the values decide. */
    Double lower() { return percent() ? 0.0 : null; }

    /** The axis' upper end where this scale fixes it (100 % for a share), else null: the values decide. */
    Double upper() { return this == SHARE ? 1.0 : null; }

    /** The tick labels' format: whole percents over 0 to 100 %, tenths on a small rate's axis. */
    String percentFormat() { return this == SHARE ? "0%" : "0.0%"; }

    /** How a caption says the axis was drawn. */
    String words() {
        return switch (this) {
            case SHARE -> "the axis runs from 0 to 100 %, so a slope is the change to scale.";
            case RATE -> "the axis starts at 0, so a slope is the change to scale.";
            case DATA, SIGNED -> "each chart's axis is scaled to its own values, so compare the numbers on the axis, not the slopes.";
        };
    }
}
