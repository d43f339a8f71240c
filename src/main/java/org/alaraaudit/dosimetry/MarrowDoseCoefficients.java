package org.alaraaudit.dosimetry;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.alaraaudit.model.TableException;

/**
 * Red bone marrow dose per unit CTDIvol (mGy/mGy) by region, phantom age band and phantom sex: NCICT 2015
 * Table 1 (marrow-dose.md section 1). Each row states the CTDI phantom its coefficient is normalised to.
 */
public final class MarrowDoseCoefficients {

    static final List<String> COLUMNS = List.of("dataset", "region", "phantom_age", "phantom_sex", "age_min_years",
            "age_max_years", "ctdivol_phantom_cm", "rbm_dc_mgy_per_mgy", "source");

    /** The standard scan ranges the coefficients were computed for; nothing else is covered. */
    static final Set<String> REGIONS = Set.of("head", "chest", "abdomen-pelvis", "chest-abdomen-pelvis");

    record Coefficient(String dataset, String region, String phantomAge, Sex sex, AgeBand band, int ctdivolPhantomCm,
                       double value, String source, long line) {}

    private final List<Coefficient> rows;

    /** Rows by region, in table order: every CT acquisition looks its coefficient up. */
    private final java.util.Map<String, List<Coefficient>> byRegion = new java.util.HashMap<>();

    private MarrowDoseCoefficients(List<Coefficient> rows) {
        this.rows = List.copyOf(rows);
        for (Coefficient c : this.rows) byRegion.computeIfAbsent(c.region(), x -> new ArrayList<>()).add(c);
    }

    public static MarrowDoseCoefficients read(Reader reader, String fileName) {
        List<Coefficient> rows = new ArrayList<>();
        for (TableRow row : TableRow.readAll(reader, fileName, COLUMNS)) {
            String region = row.requiredText("region");
            if (!REGIONS.contains(region)) throw row.error("unknown region '" + region + "' (expected one of " + new TreeSet<>(REGIONS) + ")");
            String sexCode = row.requiredText("phantom_sex");
            Sex sex = Sex.fromCode(sexCode);
            if (sex == Sex.UNKNOWN) throw row.error("'phantom_sex' must be F or M, found '" + sexCode + "'");
            Coefficient c = new Coefficient(row.requiredText("dataset"), region, row.requiredText("phantom_age"), sex,
                    row.ageBand("age_min_years", "age_max_years"), row.phantom("ctdivol_phantom_cm"),
                    row.positiveNumber("rbm_dc_mgy_per_mgy"), row.requiredText("source"), row.line());
            for (Coefficient other : rows) check(row, c, other);
            rows.add(c);
        }
        if (rows.isEmpty()) throw new TableException(fileName, 0, "the table has no rows");
        return new MarrowDoseCoefficients(rows);
    }

    /**
     * A lookup must find at most one row per sex, and a female and a male row for the same ages must describe
     * the same phantom age and normalisation, since a patient of unknown sex gets a combination of the two.
     */
    private static void check(TableRow row, Coefficient c, Coefficient other) {
        if (!other.region().equals(c.region()) || !other.band().overlaps(c.band())) return;
        if (other.sex() == c.sex()) {
            throw row.error("age band " + c.band().label() + " of " + c.region() + " (" + c.sex() + ") overlaps line "
                    + other.line() + " (" + other.band().label() + ")");
        }
        if (!other.band().equals(c.band()) || other.ctdivolPhantomCm() != c.ctdivolPhantomCm()) {
            throw row.error("the female and male rows of " + c.region() + " for overlapping ages must have the same age band"
                    + " and phantom (line " + other.line() + " has " + other.band().label() + ", " + other.ctdivolPhantomCm() + " cm)");
        }
    }

    /** The rows for the region and age: none, one (one sex tabulated) or a female and a male row. */
    List<Coefficient> find(String region, double ageYears) {
        List<Coefficient> out = new ArrayList<>(2);
        for (Coefficient r : byRegion.getOrDefault(region, List.of())) if (r.band().contains(ageYears)) out.add(r);
        return out;
    }

    List<Coefficient> rows() { return rows; }
}
