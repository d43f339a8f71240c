package org.alaraaudit.history;

import org.alaraaudit.model.Study;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which stored findings on a patient's dose over a run's look-back window ({@code CUMULATIVE_DOSE}, scope
 * {@code patient}) the monthly trend counts, so that each patient counts at most once a month whatever runs cover
 * that month.
 *
 * <p>Such a finding's id holds the end of its run's window, so a year audited next to the twelve monthly audits flags
 * the same patient on the same study under another id than the month did. The trend counts a month's patients as
 * that month's own audit reported them: where a run of exactly that calendar month is stored for the finding's
 * facility, a run over another period (a year, a quarter, part of a month) counts a patient there only in place of
 * the month's own finding on them (the same patient, whose latest study of the month both runs flagged), never beside
 * it and never as a patient the month's run did not flag. In months no monthly run of the facility covers, such a
 * run's patient findings count in the month of the study it placed them on (the patient's latest study of that run).
 * Of several runs, the first asked (the trend asks the newest run first) counts the patient in that month.
 */
public final class PatientFindingMonths {
    /** The scope of a finding on a patient over the run's look-back window. */
    public static final String SCOPE = "patient";

    private final Map<YearMonth, Set<String>> ownRuns;
    private final Map<String, String> patients;
    private final Set<String> ownFlagged;
    private final Set<String> counted = new HashSet<>();

    private PatientFindingMonths(Map<YearMonth, Set<String>> ownRuns, Map<String, String> patients, Set<String> ownFlagged) {
        this.ownRuns = ownRuns;
        this.patients = patients;
        this.ownFlagged = ownFlagged;
    }

    /** The runs of one calendar month, and the pseudonyms of the studies patient findings are on, from {@code from} to {@code to}. */
    public static PatientFindingMonths of(Connection c, YearMonth from, YearMonth to) throws SQLException {
        Map<YearMonth, Set<String>> ownRuns = new HashMap<>();
        for (StoredRunPeriod run : StoredRunPeriod.overlapping(c, from, to)) {
            if (run.calendarMonth()) ownRuns.computeIfAbsent(YearMonth.from(run.first()), m -> new HashSet<>()).addAll(run.facilities());
        }
        Map<String, String> patients = new HashMap<>();
        Set<String> ownFlagged = new HashSet<>();
        try (PreparedStatement p = c.prepareStatement("SELECT f.rule_id, f.facility, f.accession_number, f.study_datetime, r.period_from,"
                + " r.period_to, s.patient_ref FROM run_finding f JOIN audit_run r ON r.id = f.run_id"
                + " LEFT JOIN study s ON s.facility = f.facility AND s.accession_number = f.accession_number"
                + " WHERE f.scope = ? AND r.period_from <= ? AND r.period_to >= ?")) {
            p.setString(1, SCOPE);
            p.setObject(2, to.atEndOfMonth());
            p.setObject(3, from.atDay(1));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String study = study(rs.getString(2), rs.getString(3));
                    String patient = rs.getString(7);
                    if (patient != null) patients.put(study, patient);
                    java.time.LocalDateTime at = rs.getObject(4, java.time.LocalDateTime.class);
                    LocalDate first = rs.getObject(5, LocalDate.class);
                    if (at != null && isCalendarMonth(first, rs.getObject(6, LocalDate.class))) {
                        ownFlagged.add(key(rs.getString(1), patient != null ? patient : study, YearMonth.from(at)));
                    }
                }
            }
        }
        return new PatientFindingMonths(ownRuns, patients, ownFlagged);
    }

    /**
     * Whether a finding counts in month {@code m} of the trend; any finding of another scope does. Ask for the runs'
     * findings newest run first: of two runs over other periods than the month, the first asked counts the patient.
     *
     * @param runFrom the first day of the run that reported it, {@code runTo} its last
     */
    public boolean counts(String scope, String ruleId, String facility, String accessionNumber, YearMonth m, LocalDate runFrom,
                          LocalDate runTo) {
        if (scope == null || !SCOPE.equals(scope.trim())) return true;
        String study = study(facility, accessionNumber);
        String key = key(ruleId, patients.getOrDefault(study, study), m);
        boolean ownMonth = isCalendarMonth(runFrom, runTo) && YearMonth.from(runFrom).equals(m);
        // Beside the month's own run, another run's finding stands in for the patient only where the month's run flagged
        // the patient too (then on the same study, the patient's latest of the month), so the month keeps its own count.
        if (!ownMonth && ownRuns.getOrDefault(m, Set.of()).contains(facility) && !ownFlagged.contains(key)) return false;
        return counted.add(key);
    }

    private static boolean isCalendarMonth(LocalDate from, LocalDate to) {
        return new StoredRunPeriod(from, to, java.util.List.of()).calendarMonth();
    }

    private static String key(String ruleId, String patient, YearMonth m) { return ruleId + "\u001f" + patient + "\u001f" + m; }

    private static String study(String facility, String accessionNumber) { return Study.key(facility, accessionNumber); }
}
