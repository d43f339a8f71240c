package org.alaraaudit.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored run's period and the facilities it audited, as the trend and its per-month counts read them: which months
 * a run covers, and whether it is a month's own run, decide what each month counts.
 */
public record StoredRunPeriod(LocalDate first, LocalDate last, List<String> facilities) {

    /** The stored runs whose period reaches into the months {@code from} to {@code to}. */
    public static List<StoredRunPeriod> overlapping(Connection c, YearMonth from, YearMonth to) throws SQLException {
        List<StoredRunPeriod> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT period_from, period_to, facilities FROM audit_run"
                + " WHERE period_from <= ? AND period_to >= ?")) {
            p.setObject(1, to.atEndOfMonth());
            p.setObject(2, from.atDay(1));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String names = rs.getString(3);
                    out.add(new StoredRunPeriod(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                            names == null || names.isEmpty() ? List.of() : List.of(names.split("\\|"))));
                }
            }
        }
        return out;
    }

    /** A run of exactly one calendar month: the month's own run. */
    public boolean calendarMonth() {
        return first.getDayOfMonth() == 1 && last.equals(YearMonth.from(first).atEndOfMonth());
    }
}
