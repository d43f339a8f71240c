package org.alaraaudit.dosimetry;

import java.io.Reader;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.alaraaudit.model.TableException;

/**
 * The AAPM Report 204 exponential fit of the size conversion factor, one row per CTDI phantom, with the
 * diameter range the report tabulates (the fit is not used outside it).
 */
public final class SsdeCoefficients {

    static final List<String> COLUMNS = List.of("phantom_cm", "a", "b", "d_min_cm", "d_max_cm", "source");

    private static final String AAPM_204 = "AAPM Report 204 (Boone JM et al., Size-Specific Dose Estimates (SSDE) in "
            + "Pediatric and Adult Body CT Examinations, 2011) exponential fit; coefficients read in several independent "
            + "public implementations (e.g. GitHub cwverhey/DICOMwaterequivalent README, ckswilliams/medphunc) - report PDF "
            + "itself not read";

    /** f = a·exp(−b·D) with D in cm, valid for minDiameterCm ≤ D ≤ maxDiameterCm. */
    public record Fit(int phantomCm, double a, double b, double minDiameterCm, double maxDiameterCm, String source) {

        public double factor(double diameterCm) { return a * Math.exp(-b * diameterCm); }

        /** Both ends are tabulated sizes, so both are inside. */
        public boolean covers(double diameterCm) { return diameterCm >= minDiameterCm && diameterCm <= maxDiameterCm; }
    }

    private final Map<Integer, Fit> byPhantom;

    private SsdeCoefficients(Map<Integer, Fit> byPhantom) {
        this.byPhantom = Collections.unmodifiableMap(new TreeMap<>(byPhantom));
    }

    /** The AAPM 204 fit values (dose-references.md section 3), the same numbers as rules/tables/ssde-coefficients.csv. */
    public static SsdeCoefficients defaults() {
        return new SsdeCoefficients(Map.of(
                32, new Fit(32, 3.704369, 0.03671937, 8, 45, AAPM_204),
                16, new Fit(16, 1.874799, 0.03871313, 6, 55, AAPM_204)));
    }

    public static SsdeCoefficients read(Reader reader, String fileName) {
        Map<Integer, Fit> fits = new TreeMap<>();
        for (TableRow row : TableRow.readAll(reader, fileName, COLUMNS)) {
            int phantom = row.phantom("phantom_cm");
            double a = row.positiveNumber("a");
            double b = row.positiveNumber("b");
            double min = row.positiveNumber("d_min_cm");
            double max = row.positiveNumber("d_max_cm");
            if (min >= max) throw row.error("'d_min_cm' must be below 'd_max_cm'");
            String source = row.requiredText("source");
            if (fits.put(phantom, new Fit(phantom, a, b, min, max, source)) != null) {
                throw row.error("a second row for the " + phantom + " cm phantom");
            }
        }
        if (fits.isEmpty()) throw new TableException(fileName, 0, "the table has no rows");
        return new SsdeCoefficients(fits);
    }

    public Optional<Fit> forPhantom(int phantomCm) { return Optional.ofNullable(byPhantom.get(phantomCm)); }

    public List<Fit> fits() { return List.copyOf(byPhantom.values()); }
}
