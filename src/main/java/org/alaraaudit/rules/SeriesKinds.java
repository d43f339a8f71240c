package org.alaraaudit.rules;

import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.model.AcquisitionType;
import org.alaraaudit.model.Glob;
import org.alaraaudit.model.SeriesKind;

/**
 * tables/series-kinds.csv: tells bolus tracking from perfusion among the stationary CT series, by the series'
 * protocol text (first matching row wins), and where no row matches by the stated dose level of
 * tables/settings.csv {@code bolus_tracking_max_ctdivol_mgy}. Only stationary series are classified: a
 * protocol name covers every series of the protocol, so a pattern on a spiral would drop whole exams.
 */
public final class SeriesKinds {
    public static final String FILE = "series-kinds.csv";
    static final String[] COLUMNS = {"pattern", "kind", "source", "status"};

    /** One pattern row. */
    public record Pattern(Glob pattern, SeriesKind kind, String source, String status, long line) {}

    private final List<Pattern> patterns;
    private final double bolusTrackingMaxCtdivolMgy;

    public SeriesKinds(List<Pattern> patterns, double bolusTrackingMaxCtdivolMgy) {
        this.patterns = List.copyOf(patterns);
        this.bolusTrackingMaxCtdivolMgy = bolusTrackingMaxCtdivolMgy;
    }

    /** Without the table (a site's older rules folder) only the dose level decides. */
    public static SeriesKinds from(TableFile table, double bolusTrackingMaxCtdivolMgy) {
        List<Pattern> out = new ArrayList<>();
        if (table != null) {
            for (TableFile.Row r : table.rows()) {
                out.add(new Pattern(new Glob(r.required("pattern")), r.enumValue("kind", SeriesKind.class, SeriesKind::parse),
                        r.required("source"), r.required("status"), r.line()));
            }
            for (Pattern p : out) if (p.kind() == null) throw new org.alaraaudit.model.TableException(table.name(), p.line(), "kind is required");
        }
        return new SeriesKinds(out, bolusTrackingMaxCtdivolMgy);
    }

    /**
     * The kind of a stationary series: the first pattern its protocol text matches, else bolus tracking when its
     * CTDIvol is below the level (or not logged), perfusion at or above it. Null for every other series.
     */
    public SeriesKind classify(AcquisitionType type, String protocolName, Double ctdivolMgy) {
        if (type != AcquisitionType.STATIONARY) return null;
        for (Pattern p : patterns) if (p.pattern().matches(protocolName)) return p.kind();
        return ctdivolMgy != null && ctdivolMgy >= bolusTrackingMaxCtdivolMgy ? SeriesKind.PERFUSION : SeriesKind.BOLUS_TRACKING;
    }

    public List<Pattern> patterns() { return patterns; }

    public double bolusTrackingMaxCtdivolMgy() { return bolusTrackingMaxCtdivolMgy; }
}
