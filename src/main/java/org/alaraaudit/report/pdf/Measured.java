package org.alaraaudit.report.pdf;

import org.alaraaudit.model.Finding;

/** A finding's measured value and the reference it was compared with, each with quantity and unit. */
final class Measured {
    /** The unit the radiography rules give a deviation index: the quantity's own abbreviation, not a unit. */
    private static final String DEVIATION_INDEX = "DI";

    private Measured() {}

    static String measured(Finding f) {
        if (f.measuredValue() == null) return f.quantity() == null ? "" : f.quantity() + " not recorded";
        // An age is cut, never rounded, as the message gives it: 17.97 y rounded to 18 would read as the pediatric limit.
        if ("age".equals(f.quantity())) return "age " + org.alaraaudit.model.CalendarAge.display(f.measuredValue()) + " " + f.unit();
        return (f.quantity() == null ? "" : f.quantity() + " ") + value(f.measuredValue(), f.unit());
    }

    static String reference(Finding f) {
        return f.referenceValue() == null ? "" : value(f.referenceValue(), f.unit());
    }

    /**
     * A deviation index has no unit: "deviation index 4.21 DI" named it twice. It is written with its sign, as AAPM
     * Report 116 writes its action levels (+1, +3, -1, -3), so "+4.21" against "+3" reads as the overexposure it is.
     */
    private static String value(Double v, String unit) {
        return DEVIATION_INDEX.equals(unit) ? Text.signed(v) : Text.value(v, unit);
    }

    /**
     * The finding's message as this report may show it (ages withheld where the template says so), its fluoroscopy
     * doses rounded as the Measured column rounds them.
     */
    static String message(ReportContext ctx, Finding f) {
        return Text.fluoroscopyDoses(ctx.template.disclosure().message(f));
    }

    /** How far above the reference: used to choose which findings to list when a list has to be cut. */
    static double excess(Finding f) {
        if (f.measuredValue() == null || f.referenceValue() == null || f.referenceValue() == 0) return 0;
        return f.measuredValue() / f.referenceValue();
    }

    static String place(Finding f) {
        String fac = f.facility() == null ? "" : f.facility();
        String st = f.stationName() == null ? "" : f.stationName();
        // Station on a line of its own: a narrow column would otherwise break "CGH-CT-ED" at a hyphen.
        return fac.isEmpty() ? st : st.isEmpty() ? fac : fac + "\n" + st;
    }

    static String protocol(Finding f) {
        String p = f.protocolName() == null ? "" : f.protocolName();
        String s = f.standardProtocol();
        return s == null || s.equalsIgnoreCase(p.trim()) ? p : p + " (" + s + ")";
    }
}
