package org.alaraaudit.report.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.ProtocolStatistics;
import org.alaraaudit.model.CatalogEntry;
import org.alaraaudit.model.Contrast;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Population;
import org.alaraaudit.model.ReferenceLevel;
import org.alaraaudit.rules.ReferenceLevels;
import org.alaraaudit.rules.RuleIds;

/**
 * The period's pediatric standard protocols at each station, in the order a physicist reads them: by region,
 * then by the youngest age the protocol is for, so the boxes of one region climb with age. Each carries its
 * catalog row and the DRL of the band that covers its whole age range, where one does.
 */
final class PediatricProtocols {
    /** Findings that put a study above its protocol's dose: above its expected range or a notification value. */
    static final java.util.Set<String> EXCEEDANCE_RULES = java.util.Set.of(RuleIds.DOSE_ABOVE_EXPECTED_RANGE,
            RuleIds.CT_NOTIFICATION_VALUE);

    record Row(ProtocolStatistics stats, CatalogEntry entry, ReferenceLevel drl, long exceedances) {
        String protocol() { return stats.standardProtocol(); }

        String place() { return stats.facility() + " / " + stats.stationName(); }

        Double ctdivolDrl() { return drl == null ? null : drl.ctdivolMgy(); }

        Double dlpDrl() { return drl == null ? null : drl.dlpMgycm(); }

        Double ratio() {
            Double m = stats.ctdivol().median();
            return m == null || ctdivolDrl() == null || ctdivolDrl() == 0 ? null : m / ctdivolDrl();
        }
    }

    private PediatricProtocols() {}

    static List<Row> of(AuditResult result) {
        List<ReferenceLevel> levels = levels(result);
        List<CatalogEntry> catalog = result.tables().catalog().entries();
        // Studies, not findings: a study above both its range and a notification value is one study above, and the
        // column is read against the Studies column beside it.
        java.util.Map<String, java.util.Set<String>> above = new java.util.HashMap<>();
        for (Finding f : result.findings()) {
            if (EXCEEDANCE_RULES.contains(f.ruleId()) && f.accessionNumber() != null) {
                above.computeIfAbsent(key(f.facility(), f.stationName(), f.standardProtocol()), k -> new java.util.HashSet<>())
                        .add(f.accessionNumber());
            }
        }
        java.util.Map<String, Long> exceed = new java.util.HashMap<>();
        above.forEach((k, v) -> exceed.put(k, (long) v.size()));
        List<Row> rows = new ArrayList<>();
        for (ProtocolStatistics p : result.protocols()) {
            if (p.pediatricStudies() == 0) continue;
            Optional<CatalogEntry> e = entry(catalog, p.standardProtocol());
            if (e.isEmpty()) continue;
            rows.add(new Row(p, e.get(), drlFor(levels, e.get()).orElse(null),
                    exceed.getOrDefault(key(p.facility(), p.stationName(), p.standardProtocol()), 0L)));
        }
        rows.sort(ORDER);
        return rows;
    }

    static final Comparator<Row> ORDER = Comparator
            .comparing((Row r) -> r.entry().targetRegion().ordinal())
            .thenComparingDouble(r -> r.entry().ageYears().min() == null ? 0 : r.entry().ageYears().min())
            .thenComparingDouble(r -> r.entry().ageYears().max() == null ? 99 : r.entry().ageYears().max())
            .thenComparing(Row::protocol)
            .thenComparing(r -> r.stats().facility())
            .thenComparing(r -> r.stats().stationName());

    private static String key(String facility, String station, String protocol) {
        return facility + "\u001f" + station + "\u001f" + protocol;
    }

    static List<ReferenceLevel> levels(AuditResult result) {
        try {
            return result.tables().referenceLevels().set(result.run().drlSet());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    static Optional<CatalogEntry> entry(List<CatalogEntry> catalog, String standardName) {
        return catalog.stream()
                .filter(e -> e.population() == Population.PEDIATRIC && e.targetRegion() != null
                        && standardName.equals(e.standardName()))
                .findFirst();
    }

    /**
     * The age band of the DRL set that covers the protocol's whole age range, of the row's contrast (a row for exams
     * with contrast takes the with-contrast DRL; any other the one without, as an exam whose contrast is not known
     * does), else of unspecified contrast, else the only one the set gives; none when the range straddles bands.
     */
    static Optional<ReferenceLevel> drlFor(List<ReferenceLevel> levels, CatalogEntry e) {
        if (e.ageYears().min() == null || e.ageYears().max() == null) return Optional.empty();
        Contrast wanted = e.contrast() == null ? Contrast.WITHOUT : e.contrast();
        ReferenceLevel unspecified = null;
        ReferenceLevel other = null;
        for (ReferenceLevel l : levels) {
            if (!"age".equals(l.bandType()) || !l.targetRegions().contains(e.targetRegion())) continue;
            double lo = l.ageYears().min() == null ? 0 : l.ageYears().min();
            double hi = l.ageYears().max() == null ? Double.MAX_VALUE : l.ageYears().max();
            if (e.ageYears().min() < lo || e.ageYears().max() > hi) continue;
            Contrast c = ReferenceLevels.contrastOf(l);
            if (c == wanted) return Optional.of(l);
            if (c == null && unspecified == null) unspecified = l;
            if (c != null && other == null) other = l;
        }
        return Optional.ofNullable(unspecified != null ? unspecified : other);
    }
}
