package org.alaraaudit.scanlog;

import org.alaraaudit.model.Acquisition;
import org.alaraaudit.model.DoseCheckRecord;
import org.alaraaudit.model.Measurements;
import org.alaraaudit.model.ProjectionDose;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.model.Study;

/**
 * A validated canonical row: one irradiation event with its study's columns, in named parts. The patient is
 * already pseudonymised; the raw identifier and birth date never leave the validator. Absent values are null.
 *
 * <p>{@code study} holds the study-level columns (patient, place, device, accession, time, modality, texts),
 * {@code acquisition} what the event was, {@code measurements} what the scanner measured. {@code doseCheck} is
 * the scanner's Dose Check (NEMA XR 25) record of the event, null when the export has none or records no check.
 * {@code patientPerStudy} is true when the export named no patient and the patient reference stands for the
 * study alone (REPEAT_STUDY and CUMULATIVE_DOSE cannot be assessed for it). {@code projection} holds the
 * radiography and fluoroscopy values (body part, view, exposure index, Ka,r, peak skin dose, plane),
 * {@link ProjectionDose#NONE} when the row has none.
 */
public record ScanRow(
        SourceLine source,
        Study.Header study,
        Acquisition acquisition,
        Measurements measurements,
        DoseCheckRecord doseCheck,
        boolean patientPerStudy,
        ProjectionDose projection) {

    public String patientRef() { return study.patientRef(); }

    /** A study is (facility, accession number). */
    public String studyKey() { return study.studyKey(); }
}
