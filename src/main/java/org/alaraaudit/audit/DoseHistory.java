package org.alaraaudit.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * Where CUMULATIVE_DOSE finds a patient's studies from earlier runs: the history store plugs in here. Studies
 * also present in the input are taken from the input, so a re-run over the same months does not count twice.
 */
public interface DoseHistory {
    /** No history: only the input's studies count (the default until the history store exists). */
    DoseHistory NONE = (patientRef, from, to) -> List.of();

    /** The patient's stored per-study doses with a study date from {@code from} to {@code to}, both inclusive. */
    List<StudyDose> studies(String patientRef, LocalDate from, LocalDate to);
}
