package org.alaraaudit.sample;

/**
 * CT exam types of the generator, with the numbers behind their doses.
 *
 * <p>Pediatric reference values are the US DRLs (Kanal et al., Radiology 2022; 75th percentile)
 * as copied in {@code rules/tables/drl-us-kanal2022.csv} and the protocol catalog when this
 * generator was written; they are embedded so that a changed policy table never changes a
 * generated file.
 */
enum Exam {
    HEAD("HEAD", 16, "PED HEAD ", new double[] {0, 1, 2, 6, 18}, new double[] {23, 27, 31, 55},
            "HEAD ROUTINE", "BRAIN ROUTINE", 52, 0.12,
            new double[] {12, 14, 15.5, 16.5, 17, 18}),
    CHEST("CHEST", 32, "PED CHEST ", Edges.BODY, new double[] {1.7, 2.2, 2.5, 4.1, 7.4},
            "CHEST ROUTINE", "CHEST ROUTINE", 8.5, 0.22,
            new double[] {10, 13, 18, 23, 28, 32}),
    ABDOMEN_PELVIS("ABDOMEN_PELVIS", 32, "PED ABD ", Edges.BODY, new double[] {2.4, 2.6, 4.8, 8.1, 11},
            "ABD PELVIS ROUTINE", "ABDOMEN ROUTINE", 12, 0.22,
            new double[] {14, 20, 28, 35, 42, 46}),
    CHEST_ABDOMEN_PELVIS("CHEST_ABDOMEN_PELVIS", 32, "PED CAP ", Edges.BODY, new double[] {2.7, 3, 4.3, 9.1, 17},
            "CAP ROUTINE ADULT", "CAP ROUTINE ADULT", 11, 0.22,
            new double[] {22, 30, 42, 52, 62, 68}),
    /** Local protocols missing from the catalog (unmapped); used on children only. */
    SINUS("HEAD", 16, null, null, null, "SINUS LOW DOSE", "SINUS LOW DOSE", 6, 0.2, new double[] {7, 8, 9, 9.5, 10, 10}),
    TEMPORAL_BONE("HEAD", 16, null, null, null, "TEMPORAL BONE HR", "TEMPORAL BONE HR", 32, 0.15,
            new double[] {4, 4.5, 5, 5, 5.5, 5.5}),
    NECK("NECK", 32, null, null, null, "NECK SOFT TISSUE", "NECK SOFT TISSUE", 3.5, 0.2,
            new double[] {9, 11, 14, 17, 20, 22}),
    /** Adult brain perfusion (stroke). */
    PERFUSION("HEAD", 16, null, null, null, "NEURO PERFUSION", "NEURO PERFUSION", 52, 0.12,
            new double[] {12, 14, 15.5, 16.5, 17, 18});

    /** Holder, so that the constants above can use the array (enum statics are set after the constants). */
    private static final class Edges {
        static final double[] BODY = {0, 1, 5, 10, 15, 18};
    }

    /** Ages at which {@link #lengthCm} is given. */
    static final double[] LENGTH_AGES = {0, 1, 5, 10, 15, 18};

    final String region;
    final int phantom;
    /** Protocol-name prefix of the catalog's pediatric protocols, or null when there are none. */
    final String pedPrefix;
    /** Age band edges of the pediatric protocols and DRLs (years; min included, max excluded). */
    final double[] bandEdges;
    /** US DRL (CTDIvol, mGy) per band. */
    final double[] drl;
    /** Adult protocol name at St Elsewhere and at County General. */
    final String[] adultProtocol;
    /** Median CTDIvol (mGy) for an adult of 75 kg; for unmapped exams, for a child. */
    final double adultMedian;
    final double sigma;
    /** Typical scan length (cm) at ages 0, 1, 5, 10, 15 and 18+. */
    final double[] lengthCm;

    Exam(String region, int phantom, String pedPrefix, double[] bandEdges, double[] drl,
         String adultSec, String adultCgh, double adultMedian, double sigma, double[] lengthCm) {
        this.region = region;
        this.phantom = phantom;
        this.pedPrefix = pedPrefix;
        this.bandEdges = bandEdges;
        this.drl = drl;
        this.adultProtocol = new String[] {adultSec, adultCgh};
        this.adultMedian = adultMedian;
        this.sigma = sigma;
        this.lengthCm = lengthCm;
    }

    boolean isBody() {
        return phantom == 32;
    }

    boolean hasPediatricProtocols() {
        return pedPrefix != null;
    }

    /** The band index for an age, or -1 at 18 and over. */
    int band(double age) {
        for (int i = 0; i + 1 < bandEdges.length; i++) {
            if (age >= bandEdges[i] && age < bandEdges[i + 1]) {
                return i;
            }
        }
        return -1;
    }

    int bands() {
        return drl.length;
    }

    /** Catalog protocol name of a band, e.g. "PED ABD 5-10Y". */
    String pediatricProtocol(int band) {
        return pedPrefix + fmtEdge(bandEdges[band]) + "-" + fmtEdge(bandEdges[band + 1]) + "Y";
    }

    private static String fmtEdge(double e) {
        return Integer.toString((int) e);
    }

    /** Typical scan length (cm) at an age, before the patient's own height is taken into account. */
    double typicalLength(double age) {
        double a = Math.min(age, 18);
        for (int i = 1; i < LENGTH_AGES.length; i++) {
            if (a < LENGTH_AGES[i]) {
                double f = (a - LENGTH_AGES[i - 1]) / (LENGTH_AGES[i] - LENGTH_AGES[i - 1]);
                return lengthCm[i - 1] + f * (lengthCm[i] - lengthCm[i - 1]);
            }
        }
        return lengthCm[lengthCm.length - 1];
    }

    String description(boolean pediatric) {
        switch (this) {
            case HEAD: return "CT HEAD W/O CONTRAST";
            case CHEST: return pediatric ? "CT CHEST W/O CONTRAST" : "CT CHEST W CONTRAST";
            case ABDOMEN_PELVIS: return "CT ABDOMEN PELVIS W CONTRAST";
            case CHEST_ABDOMEN_PELVIS: return "CT CHEST ABDOMEN PELVIS W CONTRAST";
            case SINUS: return "CT SINUS W/O CONTRAST";
            case TEMPORAL_BONE: return "CT TEMPORAL BONES W/O CONTRAST";
            case NECK: return "CT NECK SOFT TISSUE W CONTRAST";
            case PERFUSION: return "CT BRAIN PERFUSION W CONTRAST";
            default: throw new IllegalStateException();
        }
    }

    /** Contrast-enhanced body exams may use bolus tracking and several phases. */
    boolean contrastBody() {
        return this == ABDOMEN_PELVIS || this == CHEST_ABDOMEN_PELVIS || this == NECK;
    }
}
