package org.alaraaudit.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.alaraaudit.audit.EarlierStudy;
import org.alaraaudit.audit.StudyDose;
import org.alaraaudit.model.DoseMetric;
import org.alaraaudit.model.TargetRegion;

/**
 * A patient's stored CT studies, as the audit's rules look back into them. The audit asks twice per patient,
 * first for the cumulative-dose window and then for the repeat window, which lies inside it; the second answer
 * comes from the first query's rows, so the store sees one query per patient.
 */
final class StudyReader implements AutoCloseable {
    private record Row(String facility, String station, String accession, LocalDateTime at, boolean pediatric, double age,
                       String regions, double marrow, int marrowAcquisitions, int marrowNotEstimated, double effective,
                       int effectiveAcquisitions, int effectiveNotEstimated) {}

    private final PreparedStatement query;
    private String cachedPatient;
    private LocalDateTime cachedFrom;
    private LocalDateTime cachedUntil;
    private List<Row> cached = List.of();

    StudyReader(Connection c) throws SQLException {
        query = c.prepareStatement("SELECT facility, station_name, accession_number, study_datetime, pediatric, age_years, regions,"
                + " marrow_mgy, marrow_acquisitions, marrow_not_estimated, effective_msv, effective_acquisitions, effective_not_estimated"
                + " FROM study WHERE patient_ref = ? AND modality = 'CT' AND study_datetime >= ? AND study_datetime < ?"
                + " ORDER BY study_datetime, facility, accession_number");
    }

    /** Studies dated {@code from} to {@code to}, both inclusive: two estimates each, as CUMULATIVE_DOSE sums them. */
    List<StudyDose> doses(String patientRef, LocalDate from, LocalDate to) throws SQLException {
        List<StudyDose> out = new ArrayList<>();
        for (Row r : rows(patientRef, from.atStartOfDay(), to.plusDays(1).atStartOfDay())) {
            out.add(new StudyDose(r.facility(), r.accession(), r.at(), DoseMetric.RED_MARROW_DOSE, r.marrow(),
                    r.marrowAcquisitions(), r.marrowNotEstimated()));
            out.add(new StudyDose(r.facility(), r.accession(), r.at(), DoseMetric.EFFECTIVE_DOSE, r.effective(),
                    r.effectiveAcquisitions(), r.effectiveNotEstimated()));
        }
        return out;
    }

    /** Studies that started from {@code from} to {@code to}, both inclusive. */
    List<EarlierStudy> ctStudies(String patientRef, LocalDateTime from, LocalDateTime to) throws SQLException {
        List<EarlierStudy> out = new ArrayList<>();
        for (Row r : rows(patientRef, from, to.plusNanos(1))) {
            out.add(new EarlierStudy(r.facility(), r.station(), r.accession(), r.at(), r.pediatric(), r.age(), regions(r.regions())));
        }
        return out;
    }

    /** The patient's rows with {@code from <= start < until}, from the last query when it covered that range. */
    private List<Row> rows(String patientRef, LocalDateTime from, LocalDateTime until) throws SQLException {
        if (!patientRef.equals(cachedPatient) || from.isBefore(cachedFrom) || until.isAfter(cachedUntil)) {
            query.setString(1, patientRef);
            query.setObject(2, from);
            query.setObject(3, until);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDateTime.class),
                            rs.getBoolean(5), rs.getDouble(6), rs.getString(7), rs.getDouble(8), rs.getInt(9), rs.getInt(10),
                            rs.getDouble(11), rs.getInt(12), rs.getInt(13)));
                }
            }
            cachedPatient = patientRef;
            cachedFrom = from;
            cachedUntil = until;
            cached = rows;
        }
        List<Row> out = new ArrayList<>();
        for (Row r : cached) if (!r.at().isBefore(from) && r.at().isBefore(until)) out.add(r);
        return out;
    }

    static Set<TargetRegion> regions(String stored) {
        Set<TargetRegion> out = EnumSet.noneOf(TargetRegion.class);
        if (stored == null || stored.isEmpty()) return out;
        for (String name : stored.split(",")) out.add(TargetRegion.valueOf(name));
        return out;
    }

    @Override
    public void close() throws SQLException { query.close(); }
}
