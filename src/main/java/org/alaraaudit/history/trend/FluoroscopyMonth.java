package org.alaraaudit.history.trend;

import java.time.YearMonth;

/**
 * One facility's fluoroscopy (RF, XA) procedures in one month and how many went on the skin follow-up list
 * (FLUORO_SUBSTANTIAL_DOSE: the substantial radiation dose level).
 */
public record FluoroscopyMonth(YearMonth month, String facility, long procedures, long skinFollowUp) {}
