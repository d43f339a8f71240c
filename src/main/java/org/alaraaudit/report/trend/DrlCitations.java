package org.alaraaudit.report.trend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alaraaudit.history.HistoryStore;
import org.alaraaudit.history.trend.Trend;
import org.alaraaudit.history.trend.TrendQuery;
import org.alaraaudit.model.ReferenceStatus;
import org.alaraaudit.rules.PolicyTables;

/**
 * The DRLs a trend judges its medians against, as the months' audits stored them, each with how far it was verified
 * ("Kanal KM ... (from a secondary source)"): every report must say whose values it compares with and never show
 * one stronger than its status. The trend's PDF, workbook and dashboard print these same lines.
 */
public final class DrlCitations {
    private DrlCitations() {}

    /** {@code tables}: the tables folder of the rules in use, whose reference tables give each source its status. */
    public static List<String> of(HistoryStore store, Trend t, Path tables) {
        Map<String, String> status;
        try {
            status = PolicyTables.load(tables).references().statusBySource();
        } catch (RuntimeException e) {
            status = Map.of(); // tables that do not load give no status; the citations are still named
        }
        List<String> out = new ArrayList<>();
        for (String source : new TrendQuery(store).drlSources(t.from(), t.to())) {
            out.add(ReferenceStatus.cited(source, status.get(source.trim())));
        }
        return List.copyOf(out);
    }
}
