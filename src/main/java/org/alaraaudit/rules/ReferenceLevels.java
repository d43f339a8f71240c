package org.alaraaudit.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alaraaudit.model.Contrast;
import org.alaraaudit.model.ReferenceLevel;
import org.alaraaudit.model.TableException;
import org.alaraaudit.model.TargetRegion;

/**
 * The DRL sets found in {@code tables/drl-*.csv}, by set name. A site adds its own national or local set as
 * another file, without code.
 */
public final class ReferenceLevels {
    private final Map<String, List<ReferenceLevel>> sets;

    public ReferenceLevels(Map<String, List<ReferenceLevel>> sets) { this.sets = sets; }

    public static ReferenceLevels from(List<TableFile> tables) {
        Map<String, List<ReferenceLevel>> sets = new LinkedHashMap<>();
        for (TableFile t : tables) {
            for (TableFile.Row r : t.rows()) {
                String bandType = r.required("band_type");
                if (!bandType.equals("age") && !bandType.equals("weight")) throw r.error("band_type", "must be age or weight");
                Integer phantom = r.phantom("phantom_cm");
                if (phantom == null) throw r.error("phantom_cm", "is required: a DRL means nothing without its phantom");
                Set<TargetRegion> regions = r.enumSet("target_regions", TargetRegion.class, TargetRegion::parse);
                if (regions.isEmpty()) throw r.error("target_regions", "is required");
                Double ctdi = r.positive("ctdivol_mgy");
                Double dlp = r.positive("dlp_mgycm");
                if (ctdi == null && dlp == null) throw r.error("ctdivol_mgy", "a row needs a CTDIvol or a DLP value");
                String contrast = r.text("contrast");
                if (contrast != null && !contrast.equalsIgnoreCase("not specified")
                        && (Contrast.parse(contrast).isEmpty() || Contrast.parse(contrast).get() == Contrast.BOTH)) {
                    throw r.error("contrast", "\"" + contrast + "\" is not with, without or not specified");
                }
                sets.computeIfAbsent(r.required("drl_set"), k -> new ArrayList<>()).add(new ReferenceLevel(
                        r.required("drl_set"), r.required("exam_type"), regions, r.text("contrast"), bandType,
                        r.required("band"), r.range("age_min_years", "age_max_years"),
                        r.range("weight_min_kg", "weight_max_kg"), phantom, ctdi, dlp, r.required("source"), r.line()));
            }
        }
        return new ReferenceLevels(sets);
    }

    public Set<String> setNames() { return sets.keySet(); }

    public List<ReferenceLevel> set(String name) {
        List<ReferenceLevel> s = sets.get(name);
        if (s == null) throw new TableException("drl set", 0, "no DRL set named '" + name + "'; available: " + String.join(", ", sets.keySet()));
        return s;
    }

    /**
     * The band of the set that applies to the region and the exam's contrast and for which the patient's data are
     * known: a row of the exam's own contrast first, then a row that does not specify contrast. An exam whose
     * contrast is not known (or done both ways) takes the row without contrast, the lower of the two, else one
     * that does not specify it, else the only one the set gives (DrlTally labels such groups).
     */
    public static Optional<ReferenceLevel> bandFor(List<ReferenceLevel> set, TargetRegion region, Contrast contrast,
                                                   double age, Double weight) {
        Contrast wanted = contrast == Contrast.BOTH ? null : contrast;
        ReferenceLevel unspecified = null;
        ReferenceLevel other = null;
        for (ReferenceLevel l : set) {
            if (!l.appliesTo(region, age, weight)) continue;
            Contrast c = contrastOf(l);
            if (c == null) {
                if (unspecified == null) unspecified = l;
            } else if (c == (wanted == null ? Contrast.WITHOUT : wanted)) {
                return Optional.of(l);
            } else if (other == null) {
                other = l;
            }
        }
        if (unspecified != null) return Optional.of(unspecified);
        return wanted == null ? Optional.ofNullable(other) : Optional.empty();
    }

    /** with or without as the row says; null for a row that does not specify contrast. */
    public static Contrast contrastOf(ReferenceLevel l) {
        Contrast c = Contrast.parse(l.contrast()).orElse(null);
        return c == Contrast.BOTH ? null : c;
    }
}
