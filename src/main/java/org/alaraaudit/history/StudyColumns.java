package org.alaraaudit.history;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.YearMonth;
import org.alaraaudit.audit.StudyDose;
import org.alaraaudit.model.ReferenceLevel;
import org.alaraaudit.model.Severity;

/** The study and dose_value rows as the writer binds them. */
final class StudyColumns {
    static final String INSERT = "INSERT INTO study (facility, accession_number, run_id, audited, patient_ref, station_name,"
            + " study_datetime, study_date, study_month, modality, pediatric, age_years, regions, main_protocol, events,"
            + " adult_protocol, repeated, findings_critical, findings_major, findings_minor, findings_info, marrow_mgy,"
            + " marrow_acquisitions, marrow_not_estimated, effective_msv, effective_acquisitions, effective_not_estimated)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_DOSE = "INSERT INTO dose_value (facility, accession_number, ordinal, quantity, standard_protocol,"
            + " measured, phantom_cm, drl_set, exam_type, band, band_line, drl, drl_phantom_cm, contrast_label, exam_contrast)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private StudyColumns() {}

    static void bind(PreparedStatement p, long runId, StoredStudy s, StudyFindings.Tally f) throws SQLException {
        int i = 0;
        p.setString(++i, s.facility());
        p.setString(++i, s.accessionNumber());
        p.setLong(++i, runId);
        p.setBoolean(++i, s.audited());
        p.setString(++i, s.patientRef());
        p.setString(++i, s.stationName());
        p.setObject(++i, s.studyDatetime());
        p.setObject(++i, s.studyDatetime().toLocalDate());
        p.setString(++i, YearMonth.from(s.studyDatetime()).toString());
        p.setString(++i, s.modality());
        p.setBoolean(++i, s.pediatric());
        p.setDouble(++i, s.ageYears());
        p.setString(++i, s.regions());
        p.setString(++i, s.mainProtocol());
        p.setInt(++i, s.events());
        // Flags and counts only for audited studies: a history-only study got no findings in this run.
        boolean audited = s.audited();
        p.setBoolean(++i, audited && f.adultProtocol);
        p.setBoolean(++i, audited && f.repeated);
        for (Severity sev : new Severity[]{Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.INFO}) {
            p.setInt(++i, audited ? f.count(sev) : 0);
        }
        i = dose(p, i, s.marrow());
        dose(p, i, s.effective());
    }

    private static int dose(PreparedStatement p, int i, StudyDose d) throws SQLException {
        RunWriter.setDouble(p, ++i, d == null ? null : d.value());
        RunWriter.setInt(p, ++i, d == null ? null : d.acquisitions());
        RunWriter.setInt(p, ++i, d == null ? null : d.notEstimated());
        return i;
    }

    static void bind(PreparedStatement p, StoredStudy s, int ordinal, DoseValue v) throws SQLException {
        ReferenceLevel l = v.level();
        int i = 0;
        p.setString(++i, s.facility());
        p.setString(++i, s.accessionNumber());
        p.setInt(++i, ordinal);
        p.setString(++i, v.quantity());
        p.setString(++i, v.standardProtocol());
        p.setDouble(++i, v.measured());
        p.setInt(++i, v.phantomCm());
        p.setString(++i, l == null ? null : l.drlSet());
        p.setString(++i, l == null ? null : l.examType());
        p.setString(++i, l == null ? null : l.band());
        RunWriter.setInt(p, ++i, l == null ? null : (int) l.line());
        RunWriter.setDouble(p, ++i, v.drl());
        RunWriter.setInt(p, ++i, l == null ? null : l.phantomCm());
        p.setString(++i, v.contrastLabel());
        p.setString(++i, v.examContrast());
    }
}
