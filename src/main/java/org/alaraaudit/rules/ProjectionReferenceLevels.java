package org.alaraaudit.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alaraaudit.model.Glob;
import org.alaraaudit.model.ProjectionReferenceLevel;
import org.alaraaudit.model.Range;
import org.alaraaudit.model.TableException;

/**
 * tables/projection-drl.csv: the DAP DRLs of radiographs (per exposure) and fluoroscopy procedures, per exam and
 * age or weight band, that a facility's typical value is judged against (DAP_DRL_MEDIAN_EXCEEDED). The tool ships
 * the header only: no radiography or pediatric fluoroscopy DRL with a source was found, and a number without its
 * source is never presented as a reference. A site adds its national values, each with its citation and status.
 * The first row that applies to an exam and patient wins, as in the protocol catalog.
 */
public final class ProjectionReferenceLevels {
    public static final String FILE = "projection-drl.csv";
    static final String[] COLUMNS = {"drl_set", "kind", "exam", "band_type", "band", "age_min_years", "age_max_years",
            "weight_min_kg", "weight_max_kg", "dap_gycm2", "source", ReferenceTables.STATUS};

    public static final ProjectionReferenceLevels NONE = new ProjectionReferenceLevels(List.of());

    private final List<ProjectionReferenceLevel> levels;

    public ProjectionReferenceLevels(List<ProjectionReferenceLevel> levels) { this.levels = List.copyOf(levels); }

    /**
     * The table of the rules folder, its statuses and confirmations as {@code references} read them (which checks
     * them, with file and line). Optional: a rules folder from before the table existed judges no typical value.
     */
    static ProjectionReferenceLevels load(Path dir, ReferenceTables references, TableSource source) {
        Path p = dir.resolve(FILE);
        if (!Files.isRegularFile(p)) return NONE;
        return from(source.read(p, FILE, COLUMNS), references);
    }

    static ProjectionReferenceLevels from(TableFile table, ReferenceTables references) {
        Map<Long, ReferenceTables.Value> standing = new HashMap<>();
        for (ReferenceTables.Table t : references.tables()) {
            if (t.file().equals(table.name())) for (ReferenceTables.Value v : t.values()) standing.put(v.line(), v);
        }
        List<ProjectionReferenceLevel> out = new ArrayList<>();
        for (TableFile.Row r : table.rows()) {
            String kind = r.required("kind").toLowerCase(Locale.ROOT);
            if (!kind.equals(ProjectionReferenceLevel.RADIOGRAPHY) && !kind.equals(ProjectionReferenceLevel.FLUOROSCOPY)) {
                throw r.error("kind", "\"" + r.text("kind") + "\" is not radiography or fluoroscopy");
            }
            String bandType = r.required("band_type").toLowerCase(Locale.ROOT);
            if (!bandType.equals("age") && !bandType.equals("weight")) throw r.error("band_type", "must be age or weight");
            Range age = r.range("age_min_years", "age_max_years");
            Range weight = r.range("weight_min_kg", "weight_max_kg");
            if (bandType.equals("weight") && weight.isUnbounded()) {
                throw r.error("weight_min_kg", "a weight band needs weight_min_kg or weight_max_kg");
            }
            if (bandType.equals("age") && age.isUnbounded()) throw r.error("age_min_years", "an age band needs age_min_years or age_max_years");
            Double dap = r.positive("dap_gycm2");
            if (dap == null) throw r.error("dap_gycm2", "is required: the DRL in Gy·cm² (a value in mGy·cm² is divided by 1000)");
            ReferenceTables.Value v = standing.get(r.line());
            if (v == null) throw new TableException(table.name(), r.line(), "has no status (primary, secondary, local-policy, unverified)");
            out.add(new ProjectionReferenceLevel(r.text("drl_set"), kind, new Glob(r.required("exam")), bandType,
                    r.required("band"), age, weight, dap, r.required("source"), v.status(), v.verifiedBy(), v.verifiedOn(), r.line()));
        }
        return new ProjectionReferenceLevels(out);
    }

    public List<ProjectionReferenceLevel> levels() { return levels; }

    /** The rows of one DRL set: those naming it and those naming none. */
    public List<ProjectionReferenceLevel> set(String drlSet) {
        return levels.stream().filter(l -> l.drlSet() == null || l.drlSet().equalsIgnoreCase(drlSet)).toList();
    }
}
