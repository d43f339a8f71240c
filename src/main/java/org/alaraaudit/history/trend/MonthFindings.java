package org.alaraaudit.history.trend;

import java.time.YearMonth;
import java.util.Map;
import org.alaraaudit.model.Severity;

/**
 * One month of one series' findings as the audit counts them: every finding of the runs that audited the month
 * (event, study, study pair, station protocol, DRL group and patient), by severity, over the studies audited.
 * For a run of one month this is exactly the audit report's "findings per 100 studies".
 */
public record MonthFindings(YearMonth month, String group, long studies, Map<Severity, Long> findings) {

    /** Findings of this severity per 100 audited studies, as the audit report defines it; null without studies. */
    public Double per100(Severity s) {
        return studies == 0 ? null : 100.0 * findings.getOrDefault(s, 0L) / studies;
    }
}
