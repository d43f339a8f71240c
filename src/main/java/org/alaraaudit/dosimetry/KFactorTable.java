package org.alaraaudit.dosimetry;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.alaraaudit.model.TableException;

/**
 * DLP-to-effective-dose coefficients (k, mSv per mGy·cm) of one coefficient set. The file may hold several
 * sets under their own dataset names; one table object uses exactly one, so coefficients from different
 * sets (ICRP 60 and ICRP 103 weights, different phantoms) are never mixed in one estimate.
 *
 * <p>Each row states the phantom its coefficient goes with ({@code dlp_phantom_cm}); a blank there means the
 * source does not say, and such a row gives no estimate rather than a possibly twofold wrong one.
 */
public final class KFactorTable {

    /** Shrimpton 2005 (NRPB-W67) pediatric and adult coefficients, plus the AAPM Report 96 adult neck; ICRP 60. */
    public static final String DEFAULT_DATASET = "Shrimpton2005_AAPM96_ICRP60";

    static final List<String> COLUMNS = List.of("dataset", "region", "coefficient_age", "age_min_years", "age_max_years",
            "k_msv_per_mgycm", "dlp_phantom_cm", "source");

    static final Set<String> REGIONS = Set.of("head", "neck", "chest", "abdomen-pelvis", "trunk");

    /** One coefficient: the tabulated phantom age it was computed for and the patient ages it is used for. */
    record KFactor(String region, String coefficientAge, AgeBand band, double k, Integer dlpPhantomCm, String source,
                   long line, boolean unverified) {
        KFactor(String region, String coefficientAge, AgeBand band, double k, Integer dlpPhantomCm, String source, long line) {
            this(region, coefficientAge, band, k, dlpPhantomCm, source, line, false);
        }
    }

    private final String dataset;
    private final List<KFactor> rows;
    /** Rows by region, in table order: every CT event looks one up. */
    private final java.util.Map<String, List<KFactor>> byRegion = new java.util.HashMap<>();

    private KFactorTable(String dataset, List<KFactor> rows) {
        this.dataset = dataset;
        this.rows = List.copyOf(rows);
        for (KFactor k : this.rows) byRegion.computeIfAbsent(k.region(), x -> new java.util.ArrayList<>()).add(k);
    }

    /** Reads the file and keeps the default dataset. */
    public static KFactorTable read(Reader reader, String fileName) {
        return read(reader, fileName, DEFAULT_DATASET);
    }

    /** Reads the file, checks every row of every dataset, and keeps {@code dataset}. */
    public static KFactorTable read(Reader reader, String fileName, String dataset) {
        Map<String, List<KFactor>> byDataset = new LinkedHashMap<>();
        for (TableRow row : TableRow.readAll(reader, fileName, COLUMNS)) {
            String name = row.requiredText("dataset");
            String region = row.requiredText("region");
            if (!REGIONS.contains(region)) throw row.error("unknown region '" + region + "' (expected one of " + new TreeSet<>(REGIONS) + ")");
            KFactor factor = new KFactor(region, row.requiredText("coefficient_age"), row.ageBand("age_min_years", "age_max_years"),
                    row.positiveNumber("k_msv_per_mgycm"), row.optionalPhantom("dlp_phantom_cm"), row.requiredText("source"),
                    row.line(), "unverified".equalsIgnoreCase(row.optionalColumnText("status")));
            List<KFactor> sameSet = byDataset.computeIfAbsent(name, n -> new ArrayList<>());
            for (KFactor other : sameSet) {
                if (other.region().equals(region) && other.band().overlaps(factor.band())) {
                    throw row.error("age band " + factor.band().label() + " of " + region + " overlaps line " + other.line()
                            + " (" + other.band().label() + ") in dataset " + name);
                }
            }
            sameSet.add(factor);
        }
        List<KFactor> chosen = byDataset.get(dataset);
        if (chosen == null) {
            throw new TableException(fileName, 0, "no rows for dataset '" + dataset + "' (the file has " + byDataset.keySet() + ")");
        }
        // A dataset whose DLP normalisation is not stated would give every estimate silently or up to twofold
        // wrong: choosing it is refused rather than leaving effective dose quietly switched off.
        for (KFactor k : chosen) {
            if (k.dlpPhantomCm() == null) {
                throw new TableException(fileName, k.line(), "dataset '" + dataset + "' (k_factor_dataset in settings.csv) does not "
                        + "state the phantom its DLP is normalised to (dlp_phantom_cm is blank for " + k.region() + " "
                        + AgeBand.phantomAgeLabel(k.coefficientAge()) + "): fill it in from the publication, or choose a dataset "
                        + "that states it, e.g. " + DEFAULT_DATASET);
            }
        }
        return new KFactorTable(dataset, chosen);
    }

    public String dataset() { return dataset; }

    Optional<KFactor> find(String region, double ageYears) {
        for (KFactor r : byRegion.getOrDefault(region, List.of())) if (r.band().contains(ageYears)) return Optional.of(r);
        return Optional.empty();
    }

    List<KFactor> rows() { return rows; }
}
