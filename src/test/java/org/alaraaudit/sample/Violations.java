package org.alaraaudit.sample;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rough, independent re-reading of the rule catalog over a generated log (test helper): counts
 * the studies on which each rule (or data-quality case) would fire. It knows the default policy
 * tables only as far as the generator uses them; it is not the auditor.
 */
final class Violations {

    static final List<String> KINDS = List.of(
            "PEDIATRIC_ADULT_PROTOCOL", "PEDIATRIC_ADULT_PROTOCOL_ABOVE_DRL", "PEDIATRIC_PROTOCOL_SIZE_MISMATCH",
            "UNMAPPED_PROTOCOL", "CT_NOTIFICATION_VALUE", "CT_ALERT_VALUE", "DOSE_ABOVE_EXPECTED_RANGE",
            "DOSE_ABOVE_TWICE_EXPECTED", "DOSE_BELOW_EXPECTED_RANGE", "REPEAT_STUDY", "REPEAT_STUDY_PEDIATRIC",
            "PEDIATRIC_MULTIPHASE", "CUMULATIVE_DOSE", "PEDIATRIC_HIGH_KVP", "PEDIATRIC_BODY_32CM_PHANTOM",
            "DOSE_DATA_MISSING_CT", "DOSE_DATA_MISSING_DX", "NONIONIZING_ALTERNATIVE", "REJECT_CTDI_TEXT",
            "REJECT_KVP", "REJECT_NEGATIVE_DLP", "REJECT_NO_ACCESSION", "DUPLICATE_ROW", "DUPLICATE_EVENT_UID",
            "QA_PHANTOM", "DRL_MEDIAN_EXCEEDED");

    private static final Pattern PED = Pattern.compile("^PED (HEAD|CHEST|ABD|CAP) (\\d+)-(\\d+)Y.*");
    private static final List<String> ADULT_PREFIXES = List.of("HEAD ROUTINE", "BRAIN ROUTINE", "CHEST ROUTINE",
            "ABD PELVIS ROUTINE", "ABDOMEN ROUTINE", "TRAUMA");
    private static final Map<String, double[]> EDGES = Map.of(
            "HEAD", new double[] {0, 1, 2, 6, 18}, "CHEST", new double[] {0, 1, 5, 10, 15, 18},
            "ABD", new double[] {0, 1, 5, 10, 15, 18}, "CAP", new double[] {0, 1, 5, 10, 15, 18});
    /**
     * The US DRLs of each exam as the generator's children have it: heads and chests without contrast, abdomen-pelvis
     * and chest-abdomen-pelvis studies with it (the generator describes every child's "W CONTRAST"), so the
     * abdomen's are the with-contrast values, as the catalog's contrast rows and the DRL table give them.
     */
    private static final Map<String, double[]> DRL = Map.of(
            "HEAD", new double[] {23, 27, 31, 55}, "CHEST", new double[] {1.7, 2.2, 2.5, 4.1, 7.4},
            "ABD", new double[] {2.4, 2.9, 4.6, 7.9, 11}, "CAP", new double[] {2.7, 3, 4.3, 9.1, 17});
    private static final Map<String, String> REGION_KEY = Map.of("HEAD", "HEAD", "CHEST", "CHEST",
            "ABDOMEN_PELVIS", "ABD", "CHEST_ABDOMEN_PELVIS", "CAP");
    private static final Set<String> TORSO = Set.of("CHEST", "ABDOMEN", "PELVIS", "ABDOMEN_PELVIS",
            "CHEST_ABDOMEN_PELVIS", "SPINE", "WHOLE_BODY");

    final Map<String, Integer> counts = new TreeMap<>();
    final Map<String, Double> drlGroups = new TreeMap<>();
    final List<String> drlAbove = new ArrayList<>();
    /** Per kind, the studies (facility | accession) it was found on, and for the 32 cm phantom the station | protocol | region. */
    final Map<String, Set<String>> where = new TreeMap<>();

    int count(String kind) {
        return counts.getOrDefault(kind, 0);
    }

    private void hit(String kind) {
        counts.merge(kind, 1, Integer::sum);
    }

    static int band(String key, double age) {
        double[] e = EDGES.get(key);
        for (int i = 0; i + 1 < e.length; i++) {
            if (age >= e[i] && age < e[i + 1]) {
                return i;
            }
        }
        return -1;
    }

    static Violations find(GeneratedLog log) {
        Violations v = new Violations();
        Map<String, Integer> uidCount = new HashMap<>();
        Map<List<String>, Integer> rowCount = new HashMap<>();
        for (Map<String, String> r : log.rows) {
            uidCount.merge(r.get("event_uid"), 1, Integer::sum);
            rowCount.merge(new ArrayList<>(r.values()), 1, Integer::sum);
            if (r.get("ctdivol_mgy").matches("\\d+,\\dO")) {
                v.hit("REJECT_CTDI_TEXT");
            }
            if (r.get("kvp").equals("300")) {
                v.hit("REJECT_KVP");
            }
            if (r.get("dlp_mgycm").startsWith("-")) {
                v.hit("REJECT_NEGATIVE_DLP");
            }
            if (r.get("accession_number").isEmpty()) {
                v.hit("REJECT_NO_ACCESSION");
            }
        }
        rowCount.values().stream().filter(n -> n > 1).forEach(n -> v.hit("DUPLICATE_ROW"));
        int uidDups = (int) uidCount.values().stream().filter(n -> n > 1).count();
        int exact = v.count("DUPLICATE_ROW");
        for (int i = 0; i < uidDups - exact; i++) {
            v.hit("DUPLICATE_EVENT_UID");
        }

        Map<String, List<Object[]>> ctByPatient = new HashMap<>();
        Map<String, List<Double>> groups = new HashMap<>();
        for (List<Map<String, String>> study : log.studies.values()) {
            Map<String, String> first = study.get(0);
            if (GeneratedLog.isQa(first)) {
                v.hit("QA_PHANTOM");
                continue;
            }
            double age = GeneratedLog.age(first);
            boolean ped = age < 18;
            boolean ct = first.get("modality").equals("CT");
            Set<String> seen = new HashSet<>();
            if (!ct) {
                for (Map<String, String> r : study) {
                    if (r.get("dap_gycm2").isEmpty()) {
                        seen.add("DOSE_DATA_MISSING_DX");
                    }
                }
                seen.forEach(v::hit);
                continue;
            }
            Map<String, Double> accumulated = new HashMap<>();
            Map<String, Integer> diagnosticPerRegion = new HashMap<>();
            Set<String> regions = new HashSet<>();
            for (Map<String, String> r : study) {
                String region = r.get("target_region");
                regions.add(region);
                Double ctdi = GeneratedLog.number(r.get("ctdivol_mgy"));
                if (ctdi != null) {
                    accumulated.merge(region, ctdi, Double::sum);
                    double limit = notificationValue(r, age);
                    if (limit > 0 && ctdi > limit) {
                        seen.add("CT_NOTIFICATION_VALUE");
                    }
                }
                if (!GeneratedLog.diagnostic(r)) {
                    continue;
                }
                diagnosticPerRegion.merge(region, 1, Integer::sum);
                if (r.get("ctdivol_mgy").isEmpty() && r.get("dlp_mgycm").isEmpty()) {
                    seen.add("DOSE_DATA_MISSING_CT");
                }
                if (!ped) {
                    continue;
                }
                String protocol = r.get("protocol_name").toUpperCase(Locale.ROOT);
                Matcher m = PED.matcher(protocol);
                String key = REGION_KEY.get(region);
                Double weight = GeneratedLog.number(r.get("weight_kg"));
                Double kvp = GeneratedLog.number(r.get("kvp"));
                if (!region.equals("HEAD") && kvp != null && kvp >= 120
                        && (weight != null ? weight < 45 : age < 10)) {
                    seen.add("PEDIATRIC_HIGH_KVP");
                }
                if (!region.equals("HEAD") && r.get("phantom").equals("32")) {
                    seen.add("PEDIATRIC_BODY_32CM_PHANTOM");
                    if (ctdi != null) {
                        v.where.computeIfAbsent("PEDIATRIC_BODY_32CM_PHANTOM station", k -> new java.util.TreeSet<>())
                                .add(r.get("station_name") + " | " + r.get("protocol_name") + " | " + region);
                    }
                }
                if (ADULT_PREFIXES.stream().anyMatch(protocol::startsWith) || protocol.contains("ADULT")) {
                    seen.add("PEDIATRIC_ADULT_PROTOCOL");
                    if (key != null && ctdi != null && ctdi > DRL.get(key)[band(key, age)]) {
                        seen.add("PEDIATRIC_ADULT_PROTOCOL_ABOVE_DRL");
                    }
                } else if (m.matches()) {
                    double lo = Double.parseDouble(m.group(2));
                    double hi = Double.parseDouble(m.group(3));
                    if (age < lo || age >= hi) {
                        seen.add("PEDIATRIC_PROTOCOL_SIZE_MISMATCH");
                    }
                    double[] e = EDGES.get(m.group(1));
                    int b = 0;
                    while (e[b] != lo) {
                        b++;
                    }
                    double max = DRL.get(m.group(1))[b];
                    if (ctdi != null && ctdi > max) {
                        seen.add("DOSE_ABOVE_EXPECTED_RANGE");
                        if (ctdi > 2 * max) {
                            seen.add("DOSE_ABOVE_TWICE_EXPECTED");
                        }
                    }
                    if (ctdi != null && ctdi < max / 4) {
                        seen.add("DOSE_BELOW_EXPECTED_RANGE");
                    }
                } else if (!protocol.matches(".*(PED|PAED|CHILD|INFANT|NEONAT|KIDS).*")) {
                    seen.add("UNMAPPED_PROTOCOL");
                }
                if (key != null && ctdi != null) {
                    groups.computeIfAbsent(first.get("facility") + " | " + key + " | " + band(key, age),
                            k -> new ArrayList<>()).add(ctdi);
                }
            }
            if (accumulated.values().stream().anyMatch(x -> x > 1000)) {
                seen.add("CT_ALERT_VALUE");
            }
            if (ped && diagnosticPerRegion.values().stream().anyMatch(n -> n >= 2)) {
                seen.add("PEDIATRIC_MULTIPHASE");
            }
            String text = (first.get("indication") + " " + first.get("study_description")).toLowerCase(Locale.ROOT);
            if (ped && (text.contains("appendicitis") || text.contains("intussusception") || text.contains("pyloric"))) {
                seen.add("NONIONIZING_ALTERNATIVE");
            }
            ctByPatient.computeIfAbsent(first.get("patient_id"), k -> new ArrayList<>())
                    .add(new Object[] {LocalDateTime.parse(first.get("study_datetime")), regions, ped});
            seen.forEach(v::hit);
            for (String kind : seen) {
                v.where.computeIfAbsent(kind, k -> new java.util.TreeSet<>()).add(first.get("facility") + " | " + first.get("accession_number"));
            }
        }
        for (List<Object[]> studies : ctByPatient.values()) {
            if (studies.size() >= 8) {
                v.hit("CUMULATIVE_DOSE");
            }
            for (int i = 1; i < studies.size(); i++) {
                for (int j = 0; j < i; j++) {
                    Duration d = Duration.between((LocalDateTime) studies.get(j)[0], (LocalDateTime) studies.get(i)[0]);
                    @SuppressWarnings("unchecked")
                    Set<String> a = (Set<String>) studies.get(i)[1];
                    @SuppressWarnings("unchecked")
                    Set<String> b = (Set<String>) studies.get(j)[1];
                    if (d.toHours() < 48 && overlap(a, b)) {
                        v.hit("REPEAT_STUDY");
                        if ((Boolean) studies.get(i)[2]) {
                            v.hit("REPEAT_STUDY_PEDIATRIC");
                        }
                        break;
                    }
                }
            }
        }
        for (Map.Entry<String, List<Double>> g : groups.entrySet()) {
            if (g.getValue().size() < 10) {
                continue;
            }
            List<Double> values = new ArrayList<>(g.getValue());
            Collections.sort(values);
            int n = values.size();
            double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
            String[] parts = g.getKey().split(" \\| ");
            double drl = DRL.get(parts[1])[Integer.parseInt(parts[2])];
            v.drlGroups.put(g.getKey(), median / drl);
            if (median > drl) {
                v.drlAbove.add(g.getKey());
                v.hit("DRL_MEDIAN_EXCEEDED");
            }
        }
        return v;
    }

    private static boolean overlap(Set<String> a, Set<String> b) {
        for (String x : a) {
            for (String y : b) {
                if (x.equals(y) || (x.equals("CHEST_ABDOMEN_PELVIS") && (y.equals("CHEST") || y.equals("ABDOMEN_PELVIS")))
                        || (y.equals("CHEST_ABDOMEN_PELVIS") && (x.equals("CHEST") || x.equals("ABDOMEN_PELVIS")))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** AAPM notification value for an event (0 when none applies). */
    private static double notificationValue(Map<String, String> r, double age) {
        String region = r.get("target_region");
        if (region.equals("HEAD")) {
            if (r.get("acquisition_type").equals("STATIONARY")) {
                return 600;
            }
            return age < 2 ? 50 : age < 6 ? 60 : 80;
        }
        if (TORSO.contains(region)) {
            return age < 10 ? (r.get("phantom").equals("16") ? 25 : 10) : 50;
        }
        return 0;
    }
}
