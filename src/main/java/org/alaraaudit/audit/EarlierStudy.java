package org.alaraaudit.audit;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.alaraaudit.model.Acquisition;
import org.alaraaudit.model.EventRecord;
import org.alaraaudit.model.Measurements;
import org.alaraaudit.model.Modality;
import org.alaraaudit.model.ProjectionDose;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.model.Study;
import org.alaraaudit.model.TargetRegion;

/**
 * A CT study of an earlier run as the history store keeps it: enough for REPEAT_STUDY to pair a study of the
 * period with it (start time and diagnostic regions), nothing that identifies the patient.
 */
public record EarlierStudy(String facility, String stationName, String accessionNumber, LocalDateTime studyDatetime,
                           boolean pediatric, double ageYears, Set<TargetRegion> regions) {

    /** What a finding that rests on a stored study cites instead of an input line. */
    public static final SourceLine SOURCE = new SourceLine("history store", 0);

    public String studyKey() { return facility + "\u001f" + accessionNumber; }

    /**
     * A history-only fact for the patient's rule session: outside the period, one diagnostic event per stored
     * region so the study covers exactly the regions it covered when it was audited.
     */
    public Study toStudy(String patientRef) {
        Study.Header h = new Study.Header(patientRef, ageYears, null, null, null, facility, stationName, null, null,
                accessionNumber, studyDatetime, Modality.CT, null, null);
        List<EventRecord> events = new ArrayList<>(regions.size());
        for (TargetRegion r : regions) {
            events.add(new EventRecord(SOURCE, new Acquisition(null, null, r, studyDatetime, null, null), Measurements.NONE,
                    null, r, r == TargetRegion.HEAD ? 16 : 32, null, null, null, null, null, ProjectionDose.NONE));
        }
        return new Study(h, pediatric, false, events);
    }
}
