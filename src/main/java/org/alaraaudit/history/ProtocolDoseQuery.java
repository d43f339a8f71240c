package org.alaraaudit.history;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alaraaudit.audit.aggregate.DoseSample;
import org.alaraaudit.audit.aggregate.LocalProtocolDoses;
import org.alaraaudit.model.Study;

/**
 * The stored CTDIvol values of each station's standard protocols, per phantom, over the last months of the store.
 * The store keeps CTDIvol per diagnostic acquisition with its standard protocol and phantom (docs/history.md);
 * it keeps DLP only per pediatric exam type, not per protocol, so no DLP range can be derived from it.
 */
public final class ProtocolDoseQuery {
    private final HistoryStore store;

    public ProtocolDoseQuery(HistoryStore store) { this.store = store; }

    /** The months the values come from: the {@code months} up to the latest month with a stored CT value; null when none. */
    public record Window(YearMonth from, YearMonth to) {}

    public Window window(int months) {
        try (Connection c = store.connect();
             PreparedStatement p = c.prepareStatement("SELECT MAX(s.study_month) FROM study s JOIN dose_value d"
                     + " ON d.facility = s.facility AND d.accession_number = s.accession_number WHERE d.quantity = ?")) {
            p.setString(1, DoseValue.CTDIVOL);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next() || r.getString(1) == null) return null;
                YearMonth last = YearMonth.parse(r.getString(1).trim());
                return new Window(last.minusMonths(months - 1L), last);
            }
        } catch (SQLException e) {
            throw new HistoryException("cannot read the history store " + store.printable() + ": " + HistoryStore.rootMessage(e), e);
        }
    }

    /** Per station, standard protocol and phantom, in that order, the CTDIvol values of the window's studies. */
    public List<LocalProtocolDoses> read(Window w) { return read(w, (station, protocol) -> false); }

    /**
     * As {@link #read(Window)}, leaving out of each protocol for which {@code withContrastApart} (station, standard
     * protocol) is true the values of exams with contrast, and those whose contrast the store did not keep (values
     * stored before migration V7): the catalog now holds that protocol's exams with contrast to a row of their own.
     */
    public List<LocalProtocolDoses> read(Window w, java.util.function.BiPredicate<String, String> withContrastApart) {
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<String, Boolean> apart = new java.util.HashMap<>();
        String sql = "SELECT s.station_name, d.standard_protocol, d.phantom_cm, s.facility, s.accession_number, s.study_date, d.measured,"
                + " d.exam_contrast"
                + " FROM study s JOIN dose_value d ON d.facility = s.facility AND d.accession_number = s.accession_number"
                + " WHERE d.quantity = ? AND d.standard_protocol IS NOT NULL AND s.study_date >= ? AND s.study_date <= ?"
                + " ORDER BY s.station_name, d.standard_protocol, d.phantom_cm, s.study_date, s.facility, s.accession_number, d.ordinal";
        try (Connection c = store.connect(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, DoseValue.CTDIVOL);
            p.setDate(2, Date.valueOf(w.from().atDay(1)));
            p.setDate(3, Date.valueOf(w.to().atEndOfMonth()));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String station = r.getString(1);
                    String protocol = r.getString(2);
                    int phantom = r.getInt(3);
                    Group g = groups.computeIfAbsent(station + "\u001f" + protocol + "\u001f" + phantom,
                            k -> new Group(station, protocol, phantom));
                    String study = Study.key(r.getString(4), r.getString(5));
                    String contrast = r.getString(8);
                    boolean withContrast = "with".equals(contrast);
                    if ((withContrast || contrast == null)
                            && apart.computeIfAbsent(station + "\u001f" + protocol, k -> withContrastApart.test(station, protocol))) {
                        (withContrast ? g.withContrast : g.contrastNotKept).add(study);
                        continue;
                    }
                    g.add(study, r.getDate(6).toLocalDate(), r.getDouble(7));
                }
            }
        } catch (SQLException e) {
            throw new HistoryException("cannot read the history store " + store.printable() + ": " + HistoryStore.rootMessage(e), e);
        }
        List<LocalProtocolDoses> out = new ArrayList<>();
        for (Group g : groups.values()) {
            out.add(new LocalProtocolDoses(g.station, g.protocol, g.phantom, g.studies.size(), g.first, g.last, g.values,
                    g.withContrast.size(), g.contrastNotKept.size()));
        }
        return out;
    }

    private static final class Group {
        final String station;
        final String protocol;
        final int phantom;
        final Set<String> studies = new HashSet<>();
        final Set<String> withContrast = new HashSet<>();
        final Set<String> contrastNotKept = new HashSet<>();
        final DoseSample values = new DoseSample();
        LocalDate first;
        LocalDate last;

        Group(String station, String protocol, int phantom) {
            this.station = station;
            this.protocol = protocol;
            this.phantom = phantom;
        }

        void add(String study, LocalDate date, double value) {
            studies.add(study);
            values.add(value);
            if (first == null || date.isBefore(first)) first = date;
            if (last == null || date.isAfter(last)) last = date;
        }
    }
}
