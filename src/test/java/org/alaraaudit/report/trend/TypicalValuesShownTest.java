package org.alaraaudit.report.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;
import org.alaraaudit.history.trend.TypicalDapMonth;
import org.junit.jupiter.api.Test;

/** The trend PDF's typical-value table, cut to its first rows, keeps the children's bands as the audit report does. */
class TypicalValuesShownTest {
    private static TypicalDapMonth v(String exam, String band, long n) {
        return new TypicalDapMonth(YearMonth.of(2026, 10), "General", "radiography", exam, band, n, 0.1);
    }

    @Test
    void childrensBandsComeBeforeAdultOnesHoweverFewTheirExposures() {
        List<TypicalDapMonth> typical = List.of(v("CHEST PA", "adult", 900), v("KNEE AP", "adult", 500), v("CHEST PA", "5-<10 y", 12),
                v("ABDOMEN AP", "0-<1 y", 3));
        assertEquals(List.of("General / radiography / CHEST PA / 5-<10 y", "General / radiography / ABDOMEN AP / 0-<1 y",
                "General / radiography / CHEST PA / adult"), XrayTrendSection.shown(typical, 3));
    }
}
