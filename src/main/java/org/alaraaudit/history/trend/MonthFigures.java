package org.alaraaudit.history.trend;

import java.time.YearMonth;
import java.util.Map;
import org.alaraaudit.model.Severity;

/**
 * One month of one series, from the studies the store holds as audited: the same definitions as the audit's
 * compliance figures (rule catalog). Findings are the study-level ones (event, study, study pair), counted in
 * the month of their study; findings over a period or a patient depend on the audited period's length.
 */
public record MonthFigures(YearMonth month, String group, long studies, long pediatricStudies, long ctStudies,
                           long pediatricCtStudies, long pediatricCtAdultProtocol, long ctStudiesRepeated,
                           Map<Severity, Long> studyFindings) {

    /** Share of pediatric CT studies without PEDIATRIC_ADULT_PROTOCOL; null without pediatric CT. */
    public Double pediatricProtocolCompliance() {
        return pediatricCtStudies == 0 ? null : 1.0 - (double) pediatricCtAdultProtocol / pediatricCtStudies;
    }

    /** Share of CT studies with REPEAT_STUDY; null without CT. */
    public Double repeatRate() { return ctStudies == 0 ? null : (double) ctStudiesRepeated / ctStudies; }

    /** Study-level findings of this severity per 100 studies; null without studies. */
    public Double findingsPer100(Severity s) {
        return studies == 0 ? null : 100.0 * studyFindings.getOrDefault(s, 0L) / studies;
    }
}
