package org.alaraaudit.history.trend;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The radiography and fluoroscopy figures month by month. They are each audit run's own (a period's median cannot
 * be split into months), so a month shows the run recorded for it: per facility, of the runs whose period lies in
 * that one month, the one over most days (then the one recorded last). {@code runsOverSeveralMonths} counts the
 * runs with X-ray figures left out because their period spans more than one month.
 */
public record XrayTrend(List<XrayStationMonth> stations, List<FluoroscopyMonth> fluoroscopy,
                        List<TypicalDapMonth> typicalValues, int runsOverSeveralMonths) {

    public static final XrayTrend NONE = new XrayTrend(List.of(), List.of(), List.of(), 0);

    /** Nothing to show: a store of CT audits only, or of runs before the store kept these figures. */
    public boolean isEmpty() { return stations.isEmpty() && fluoroscopy.isEmpty() && typicalValues.isEmpty(); }

    /** Every facility's skin follow-up list added up per month; months without a run's figures are absent. */
    public Map<YearMonth, Long> skinFollowUpByMonth() {
        Map<YearMonth, Long> out = new TreeMap<>();
        for (FluoroscopyMonth f : fluoroscopy) out.merge(f.month(), f.skinFollowUp(), Long::sum);
        return out;
    }

    /** The typical values whose exam and band have a value in at least two months: the ones that make a trend. */
    public List<TypicalDapMonth> typicalValuesOverMonths() {
        Map<String, Long> months = new TreeMap<>();
        for (TypicalDapMonth v : typicalValues) months.merge(v.series(), 1L, Long::sum);
        return typicalValues.stream().filter(v -> months.get(v.series()) >= 2).toList();
    }
}
