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
