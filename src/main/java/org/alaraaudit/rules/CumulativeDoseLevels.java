package org.alaraaudit.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alaraaudit.model.DoseMetric;
import org.alaraaudit.model.DoseThreshold;
import org.alaraaudit.model.Population;

/**
 * tables/cumulative-dose.csv: the metrics CUMULATIVE_DOSE follows and the levels it reports. A metric's
 * position in the file ranks it: when a patient reaches levels of two metrics, the finding names the first.
 */
public final class CumulativeDoseLevels {
    public static final String FILE = "cumulative-dose.csv";
    static final String[] COLUMNS = {"metric", "population", "threshold", "unit", "source"};

    private final List<DoseThreshold> thresholds;
    private final List<DoseMetric> metrics;

    public CumulativeDoseLevels(List<DoseThreshold> thresholds) {
        this.thresholds = List.copyOf(thresholds);
        List<DoseMetric> order = new ArrayList<>();
        for (DoseThreshold t : thresholds) if (!order.contains(t.metric())) order.add(t.metric());
        this.metrics = List.copyOf(order);
    }

    public static CumulativeDoseLevels from(TableFile table) {
        List<DoseThreshold> out = new ArrayList<>();
        for (TableFile.Row r : table.rows()) {
            DoseMetric metric = r.enumValue("metric", DoseMetric.class, DoseMetric::parse);
            if (metric == null) throw r.error("metric", "is required (red_marrow_dose or effective_dose)");
            String population = r.required("population").toUpperCase(java.util.Locale.ROOT);
            if (!population.equals("ANY") && !population.equals("PEDIATRIC") && !population.equals("ADULT")) {
                throw r.error("population", "\"" + population + "\" is not ANY, PEDIATRIC or ADULT");
            }
            double threshold = r.requiredNumber("threshold");
            if (threshold <= 0) throw r.error("threshold", "must be above 0");
            String unit = r.required("unit");
            // A threshold in another unit than the estimate would be compared wrongly by a factor of 1000 or more.
            if (!unit.equals(metric.unit())) throw r.error("unit", "\"" + unit + "\" must be " + metric.unit() + " for " + metric.code());
            out.add(new DoseThreshold(metric, Population.valueOf(population), threshold, unit, r.required("source"), r.line()));
        }
        return new CumulativeDoseLevels(out);
    }

    /** Metrics in table order. */
    public List<DoseMetric> metrics() { return metrics; }

    public boolean follows(DoseMetric metric, boolean pediatric) {
        return thresholds.stream().anyMatch(t -> t.metric() == metric && t.appliesTo(pediatric));
    }

    /** The highest level of the metric that applies to the patient and that the value reaches. */
    public Optional<DoseThreshold> highestReached(DoseMetric metric, boolean pediatric, double value) {
        DoseThreshold best = null;
        for (DoseThreshold t : thresholds) {
            if (t.metric() != metric || !t.appliesTo(pediatric) || value < t.threshold()) continue;
            if (best == null || t.threshold() > best.threshold()) best = t;
        }
        return Optional.ofNullable(best);
    }

    public List<DoseThreshold> thresholds() { return thresholds; }
}
