package org.alaraaudit.sample;

import java.time.LocalDate;

/**
 * Settings of one synthetic scan-log run. Same settings, same output, byte for byte.
 *
 * <p>{@code from} and {@code to} are the first and last calendar day (both included) on which
 * studies may take place. Either may be {@code null}: both missing means
 * {@link #DEFAULT_FROM}..{@link #DEFAULT_TO}; only one given means a range of one year that
 * starts (or ends) there. The defaults are fixed dates rather than "today" so that a run is
 * reproducible on any day.
 *
 * @param studies number of studies to generate (each study has one or more event rows), at least 0
 * @param seed    random seed
 * @param from    first day of the study period (included), or null
 * @param to      last day of the study period (included), or null
 */
public record GeneratorSettings(int studies, long seed, LocalDate from, LocalDate to) {

    /** First day used when neither {@code from} nor {@code to} is given. */
    public static final LocalDate DEFAULT_FROM = LocalDate.of(2026, 1, 1);
    /** Last day used when neither {@code from} nor {@code to} is given. */
    public static final LocalDate DEFAULT_TO = LocalDate.of(2026, 10, 31);

    public GeneratorSettings {
        if (studies < 0) {
            throw new IllegalArgumentException("studies must be 0 or more, got " + studies);
        }
        if (from == null && to == null) {
            from = DEFAULT_FROM;
            to = DEFAULT_TO;
        } else if (from == null) {
            from = to.minusYears(1).plusDays(1);
        } else if (to == null) {
            to = from.plusYears(1).minusDays(1);
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
        }
        if (from.getYear() < 1900 || to.getYear() > 9999) {
            throw new IllegalArgumentException("dates must lie between the years 1900 and 9999");
        }
    }

    /** Settings with the default period. */
    public static GeneratorSettings of(int studies, long seed) {
        return new GeneratorSettings(studies, seed, null, null);
    }
}
