package org.alaraaudit.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.alaraaudit.model.Study;

/**
 * Where an audit finds a patient's studies from earlier runs, and hands its own studies on: the history store
 * plugs in here. Studies also present in the input are taken from the input, so a re-run over the same months
 * does not count twice.
 */
public interface DoseHistory {
    /** No history: only the input's studies count. */
    DoseHistory NONE = (patientRef, from, to) -> List.of();

    /** For CUMULATIVE_DOSE: the patient's stored per-study doses with a study date from {@code from} to {@code to}, both inclusive. */
    List<StudyDose> studies(String patientRef, LocalDate from, LocalDate to);

    /** For REPEAT_STUDY: the patient's stored CT studies that started from {@code from} to {@code to}, both inclusive. */
    default List<EarlierStudy> ctStudies(String patientRef, LocalDateTime from, LocalDateTime to) { return List.of(); }

    /**
     * The stored run of the period just before {@code period} (ending the day before it starts) over the same
     * facilities, for month-over-month change; null when there is none.
     */
    default PreviousPeriod previousPeriod(AuditPeriod period, Set<String> facilities) { return null; }

    /**
     * One patient's studies have been audited (in the period or as history from the input); {@code doses} gives
     * a study's per-metric dose estimates, computed only if asked for.
     */
    default void audited(List<Study> studies, Function<Study, List<StudyDose>> doses) {}
}
