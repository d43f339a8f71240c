package org.alaraaudit.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.alaraaudit.model.ImpossibleDate;

/**
 * The audit period: studies in it get findings; earlier studies only serve as history. Both ends are inclusive
 * dates. Without a period the whole input is audited.
 */
public record AuditPeriod(LocalDate from, LocalDate to) {
    public static final AuditPeriod WHOLE_INPUT = new AuditPeriod(null, null);

    public AuditPeriod {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public static AuditPeriod month(YearMonth m) { return new AuditPeriod(m.atDay(1), m.atEndOfMonth()); }

    /**
     * The period a command line names: a month ({@code --period}), a range of days ({@code --from/--to}), or the whole
     * input when neither is given; every command that takes a period reads it here, so each says the same of a wrong one.
     *
     * @throws IllegalArgumentException naming what is wrong, in words a user can act on
     */
    public static AuditPeriod parse(String period, String from, String to) {
        if (period != null && (from != null || to != null)) throw new IllegalArgumentException("give either --period or --from/--to, not both");
        try {
            if (period != null) return month(YearMonth.parse(period));
            if (from != null || to != null) {
                if (from == null || to == null) throw new IllegalArgumentException("--from and --to go together");
                // The constructor refuses a period that ends before it starts, in those words.
                return new AuditPeriod(LocalDate.parse(from), LocalDate.parse(to));
            }
        } catch (java.time.format.DateTimeParseException e) {
            // "2026-13" and "2026-02-30" have the form but name no month or day: say so, not that the form is wrong.
            String text = e.getParsedString();
            String wrong = calendarError(text, period != null);
            if (wrong != null) throw new IllegalArgumentException(wrong);
            throw new IllegalArgumentException("cannot read the period \"" + text + "\": expected --period YYYY-MM or --from/--to YYYY-MM-DD");
        }
        return WHOLE_INPUT;
    }

    public boolean isWholeInput() { return from == null && to == null; }

    /**
     * For a month ({@code YYYY-MM}) or a day ({@code YYYY-MM-DD}) in its right form that names no month or day of the
     * calendar, what is wrong with it, in the user's words ("names month 13: months run from 01 to 12", "names day 30
     * of February 2026, which has 28 days"); null for any other text, whose form is what is wrong.
     */
    public static String calendarError(String text, boolean month) {
        if (text == null || !text.matches(month ? "\\d{4}-\\d{2}" : "\\d{4}-\\d{2}-\\d{2}")) return null;
        String why = ImpossibleDate.why(text);
        return why == null ? null : "the period \"" + text + "\" " + why;
    }

    public boolean contains(LocalDateTime t) {
        LocalDate d = t.toLocalDate();
        return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
    }

    public boolean isBefore(LocalDateTime t) { return from != null && t.toLocalDate().isBefore(from); }

    /** {@code 2026-10} for a calendar month, else {@code FROM_TO}: the name of the report files. */
    public String label() {
        if (from == null || to == null) return "all";
        if (from.getDayOfMonth() == 1 && to.equals(YearMonth.from(from).atEndOfMonth())) return YearMonth.from(from).toString();
        return from + "_" + to;
    }

    /**
     * The period a run reports: this one, or for a run over the whole input the days its studies cover (the reports'
     * period, and the period the findings on its figures name in their ids).
     */
    public AuditPeriod orCovering(LocalDate first, LocalDate last) {
        return isWholeInput() ? covering(first, last) : this;
    }

    /** The period the data actually cover, for a run without --period. */
    public static AuditPeriod covering(LocalDate first, LocalDate last) {
        if (first == null) return WHOLE_INPUT;
        return new AuditPeriod(first, last);
    }
}
