package org.alaraaudit.history.trend;

import java.time.YearMonth;

/**
 * A typical value in one month (ICRP 135): the median DAP of one facility's exam in one age band, per exposure for
 * radiography and per procedure for fluoroscopy, with the exposures or procedures it stands on.
 */
public record TypicalDapMonth(YearMonth month, String facility, String kind, String exam, String band, long count,
                              double medianDapGycm2) {

    /** Facility, kind, exam and band: one line of the trend. */
    public String series() { return facility + " / " + kind + " / " + exam + " / " + band; }
}
