package org.alaraaudit.model;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;

/**
 * Age as a physician counts it: the whole years completed on the day of the study, plus the fraction of the
 * current year (days since the last birthday / days from the last to the next birthday). Days / 365.2425 would
 * put a patient on the 18th birthday at 17.999 y, still a child, and a child on the 1st or 6th birthday below a
 * band that starts there; with calendar age every band edge holds on the birthday itself.
 *
 * <p>A 29 February birthday falls on 1 March in a non-leap year: the later of the two candidate days, so the
 * patient counts as the younger age one day longer (the stricter reading for a pediatric audit; also the rule
 * English law uses for the age of majority).
 */
public final class CalendarAge {
    private CalendarAge() {}

    /** Decimal age in years on {@code on}; negative when {@code on} is before the birth date. */
    public static double years(LocalDate birth, LocalDate on) {
        if (on.isBefore(birth)) return -ChronoUnit.DAYS.between(on, birth) / 365.0;
        int whole = on.getYear() - birth.getYear();
        if (birthday(birth, whole).isAfter(on)) whole--;
        LocalDate last = birthday(birth, whole);
        LocalDate next = birthday(birth, whole + 1);
        return whole + (double) ChronoUnit.DAYS.between(last, on) / ChronoUnit.DAYS.between(last, next);
    }

    /** The {@code n}th birthday; 29 February moves to 1 March in a non-leap year. */
    static LocalDate birthday(LocalDate birth, int n) {
        LocalDate d = birth.plusYears(n);
        if (birth.getMonth() == Month.FEBRUARY && birth.getDayOfMonth() == 29 && d.getDayOfMonth() == 28) d = d.plusDays(1);
        return d;
    }

    /**
     * An age for a message, cut (never rounded) to one decimal: 17.9996 y prints as "17.9", never "18.0", which
     * would put a child across the pediatric limit in the text while the rule treated it as a child.
     */
    public static String display(double years) {
        if (!Double.isFinite(years)) return String.valueOf(years);
        // The small epsilon keeps 2.3 (stored as 2.2999999...) from printing as 2.2.
        double cut = Math.floor(years * 10 + 1e-9) / 10;
        return String.format(java.util.Locale.ROOT, "%.1f", cut);
    }
}
