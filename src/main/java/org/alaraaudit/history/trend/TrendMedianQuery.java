package org.alaraaudit.history.trend;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.alaraaudit.audit.aggregate.DoseSample;
import org.alaraaudit.audit.aggregate.GroupContrast;
import org.alaraaudit.model.ConfidenceInterval;
import org.alaraaudit.model.Study;

/**
 * The trend's dose medians, read from the store's dose values: per series, DRL group and month, the median against
 * its DRL with its 95 % interval, and per station's protocol the month-to-month steps of median CTDIvol
 * ({@link StepRule}). Computed here, not in SQL: medians are not portable SQL.
 */
final class TrendMedianQuery {
    private TrendMedianQuery() {}

    /** One sample of values with the studies they come from (the DRL minimum sample counts studies). */
    private static final class Sample {
        final DoseSample values = new DoseSample();
        final Set<String> studies = new HashSet<>();
        Double drl;
    }

    private record MedianKey(String group, String drlSet, String examType, String band, int bandLine, String quantity, YearMonth month,
                             String unmatched) {}

    private record ProtocolKey(String facility, String station, String protocol) {}

    record DoseValues(List<DoseMedian> medians, List<MedianStep> steps) {}

    static DoseValues load(Connection c, YearMonth from, YearMonth to, Grouping by, StepRule rule) throws SQLException {
        Map<MedianKey, Sample> drlSamples = new TreeMap<>(MEDIAN_ORDER);
        Map<ProtocolKey, Map<YearMonth, Sample>> protocolSamples = new TreeMap<>(PROTOCOL_ORDER);
        Map<String, String> rowContrast = new HashMap<>();
        TrendQuery.eachStudyRow(c, "SELECT s.study_month, s.facility, s.station_name, s.main_protocol,"
                + " s.accession_number, d.quantity, d.standard_protocol, d.measured, d.phantom_cm, d.drl_set, d.exam_type, d.band,"
                + " d.band_line, d.drl, d.drl_phantom_cm, d.contrast_label FROM dose_value d JOIN study s ON s.facility = d.facility"
                + " AND s.accession_number = d.accession_number WHERE s.audited AND s.study_month BETWEEN ? AND ?", from, to, (m, rs) -> {
            String facility = rs.getString(2);
            String station = rs.getString(3);
            String study = Study.key(facility, rs.getString(5));
            String quantity = rs.getString(6);
            String protocol = rs.getString(7);
            double value = rs.getDouble(8);
            int phantom = rs.getInt(9);
            String examType = rs.getString(11);
            if (examType != null && phantom == rs.getInt(15)) {
                // Exams of another contrast than their DRL row's are a group of their own, as in the audit; the row's
                // own "with contrast" is kept apart from the key, so months stored before the label was kept (none)
                // stay in one series with the later ones.
                String contrast = rs.getString(16);
                boolean unmatched = GroupContrast.unmatched(contrast);
                // Keyed on the row's set, exam type, band and line: an adult table of the same set numbers its lines anew.
                if (contrast != null && !unmatched) rowContrast.put(rowKey(rs.getString(10), examType, rs.getString(12), rs.getInt(13)), contrast);
                MedianKey k = new MedianKey(by.medianKey(facility, station, rs.getString(4)), rs.getString(10), examType,
                        rs.getString(12), rs.getInt(13), quantity, m, unmatched ? contrast : null);
                Sample s = drlSamples.computeIfAbsent(k, x -> new Sample());
                s.values.add(value);
                s.studies.add(study);
                double drl = rs.getDouble(14);
                if (!rs.wasNull()) s.drl = drl;
            }
            if ("CTDIvol".equals(quantity) && protocol != null) {
                Sample s = protocolSamples.computeIfAbsent(new ProtocolKey(facility, station, protocol), x -> new TreeMap<>())
                        .computeIfAbsent(m, x -> new Sample());
                s.values.add(value);
                s.studies.add(study);
            }
        });
        List<DoseMedian> medians = new ArrayList<>();
        for (Map.Entry<MedianKey, Sample> e : drlSamples.entrySet()) {
            MedianKey k = e.getKey();
            Sample s = e.getValue();
            String contrast = k.unmatched() != null ? k.unmatched() : rowContrast.get(rowKey(k.drlSet(), k.examType(), k.band(), k.bandLine()));
            // Named as the audit's DRL table names the group (model.DoseGroup#getExamName).
            String examType = (contrast == null ? k.examType() : k.examType() + " " + contrast).replace('_', ' ');
            medians.add(new DoseMedian(k.month(), k.group(), k.drlSet(), examType, k.band(), k.bandLine(), k.quantity(),
                    s.values.size(), s.studies.size(), s.values.median(), s.drl, s.studies.size() >= rule.minStudies(),
                    ConfidenceInterval.of(s.values.medianInterval())));
        }
        return new DoseValues(medians, steps(protocolSamples, rule));
    }

    private static String rowKey(String drlSet, String examType, String band, int line) {
        return drlSet + "\u001f" + examType + "\u001f" + band + "\u001f" + line;
    }

    /** Consecutive calendar months of one protocol at one station, both with the minimum sample, compared. */
    private static List<MedianStep> steps(Map<ProtocolKey, Map<YearMonth, Sample>> samples, StepRule rule) {
        List<MedianStep> out = new ArrayList<>();
        for (Map.Entry<ProtocolKey, Map<YearMonth, Sample>> e : samples.entrySet()) {
            Map<YearMonth, Sample> byMonth = e.getValue();
            for (Map.Entry<YearMonth, Sample> m : byMonth.entrySet()) {
                Sample before = byMonth.get(m.getKey().minusMonths(1));
                Sample after = m.getValue();
                if (before == null || before.studies.size() < rule.minStudies() || after.studies.size() < rule.minStudies()) continue;
                double b = before.values.median();
                double a = after.values.median();
                if (b > 0 && Math.abs(a / b - 1) > rule.fraction()) {
                    ProtocolKey k = e.getKey();
                    out.add(new MedianStep(k.facility(), k.station(), k.protocol(), m.getKey().minusMonths(1), m.getKey(), b, a,
                            before.studies.size(), after.studies.size(), ConfidenceInterval.of(before.values.medianInterval()),
                            ConfidenceInterval.of(after.values.medianInterval())));
                }
            }
        }
        return out;
    }

    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<MedianKey> MEDIAN_ORDER = Comparator.comparing(MedianKey::group, TEXT)
            .thenComparing(MedianKey::drlSet, TEXT).thenComparing(MedianKey::bandLine)
            .thenComparing(MedianKey::quantity, TEXT).thenComparing(MedianKey::unmatched, TEXT).thenComparing(MedianKey::month);
    private static final Comparator<ProtocolKey> PROTOCOL_ORDER = Comparator.comparing(ProtocolKey::facility, TEXT)
            .thenComparing(ProtocolKey::station, TEXT).thenComparing(ProtocolKey::protocol, TEXT);
}
