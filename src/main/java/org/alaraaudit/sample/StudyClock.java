package org.alaraaudit.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Spreads N study start times over the period, in increasing order, following a daily rhythm
 * (busy 8:00-17:00, quiet at night, weekends at 60%). Slot i gets the quantile (i + u)/N of
 * the period's intensity, u uniform in [0, 1): strictly increasing without sorting, and
 * constant memory. Integer weights keep the arithmetic exact.
 */
final class StudyClock {
    private static final int[] HOUR_WEIGHT = {3, 2, 2, 2, 2, 3, 5, 9, 14, 16, 16, 16, 15, 16, 16, 15, 14, 12, 10, 9, 8, 7, 5, 3};
    private static final int WEEKDAY = 10;
    private static final int WEEKEND = 6;

    private final long firstDay;
    private final long lastDay;
    private final long studies;
    private final double total;

    private long day;
    private int hour;
    private long before; // weight of all hours before (day, hour)

    StudyClock(LocalDate from, LocalDate to, long studies) {
        this.firstDay = from.toEpochDay();
        this.lastDay = to.toEpochDay();
        this.studies = studies;
        long sum = 0;
        int dayWeight = 0;
        for (int w : HOUR_WEIGHT) {
            dayWeight += w;
        }
        for (long d = firstDay; d <= lastDay; d++) {
            sum += (long) dayWeight * dayFactor(d);
        }
        this.total = sum;
        this.day = firstDay;
        this.hour = 0;
        this.before = 0;
    }

    private static int dayFactor(long epochDay) {
        DayOfWeek dow = LocalDate.ofEpochDay(epochDay).getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? WEEKEND : WEEKDAY;
    }

    private long weight(long d, int h) {
        return (long) HOUR_WEIGHT[h] * dayFactor(d);
    }

    /** Start of slot {@code i}; calls must come with increasing i. {@code u} in [0, 1). */
    LocalDateTime at(long i, double u) {
        double target = (i + u) / studies * total;
        while (before + weight(day, hour) <= target && !(day == lastDay && hour == 23)) {
            before += weight(day, hour);
            hour++;
            if (hour == 24) {
                hour = 0;
                day++;
            }
        }
        double frac = (target - before) / weight(day, hour);
        int seconds = (int) Math.max(0, Math.min(3599, Math.floor(frac * 3600)));
        return LocalDate.ofEpochDay(day).atTime(hour, seconds / 60, seconds % 60);
    }
}
