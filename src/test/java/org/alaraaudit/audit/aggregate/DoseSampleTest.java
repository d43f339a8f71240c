package org.alaraaudit.audit.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.alaraaudit.audit.spill.DoseValueFile;

/** A sample whose values went to disk gives the quantiles sorting in memory gives, to the last bit. */
class DoseSampleTest {
    @Test
    void quantilesOfASpilledSampleEqualThoseOfTheSortedValues() {
        Random r = new Random(3);
        try (DoseValueFile file = new DoseValueFile(DoseSample.BLOCK)) {
            DoseSample spilled = new DoseSample(file);
            DoseSample inMemory = new DoseSample();
            int n = 5 * DoseSample.BLOCK + 123;
            for (int i = 0; i < n; i++) {
                // Doses repeat (logged to 0.01 mGy) and include zeros: ties must be counted, not collapsed.
                double v = r.nextInt(10) == 0 ? 0.0 : Math.round((r.nextGaussian() * 8 + 20) * 100) / 100.0;
                spilled.add(v);
                inMemory.add(v);
            }
            assertEquals(n, spilled.size());
            for (double q : new double[]{0, 0.1, 0.25, 0.5, 0.75, 0.9, 1}) {
                assertEquals(inMemory.quantile(q), spilled.quantile(q), "q " + q);
            }
            Double median = spilled.median();
            Double p75 = spilled.p75();
            spilled.freeze();
            assertEquals(median, spilled.median());
            assertEquals(p75, spilled.p75());
            assertEquals(inMemory.quantile(0), spilled.quantile(0));
            assertEquals(inMemory.quantile(1), spilled.quantile(1));
            assertThrows(IllegalStateException.class, () -> spilled.quantile(0.9));
            assertThrows(IllegalStateException.class, () -> spilled.add(1.0));
        }
    }

    @Test
    void aSpilledSampleFrozenGivesTheSortedQuantilesJustBelowAndJustAboveTheSizeItSortsInMemory() {
        for (int n : new int[]{DoseSample.SORTED_AT_MOST, DoseSample.SORTED_AT_MOST + 1}) {
            Random r = new Random(n);
            double[] all = new double[n];
            try (DoseValueFile file = new DoseValueFile(DoseSample.BLOCK)) {
                DoseSample spilled = new DoseSample(file);
                for (int i = 0; i < n; i++) {
                    all[i] = r.nextInt(10) == 0 ? 0.0 : Math.round(r.nextDouble() * 5_000) / 100.0;
                    spilled.add(all[i]);
                }
                spilled.freeze();
                java.util.Arrays.sort(all);
                double[] expected = DoseSample.reported(n, k -> all[(int) k]);
                double[] reported = {0, 0.05, 0.25, 0.5, 0.75, 0.95, 1};
                for (int i = 0; i < reported.length; i++) {
                    assertEquals(expected[i], spilled.quantile(reported[i]), n + " values, q " + reported[i]);
                }
            }
        }
    }

    @Test
    void negativeAndSignedZeroValuesKeepTheirOrder() {
        try (DoseValueFile file = new DoseValueFile(DoseSample.BLOCK)) {
            DoseSample spilled = new DoseSample(file);
            DoseSample inMemory = new DoseSample();
            Random r = new Random(4);
            for (int i = 0; i < 2 * DoseSample.BLOCK + 1; i++) {
                double v = i % 7 == 0 ? -0.0 : r.nextDouble() * 200 - 100;
                spilled.add(v);
                inMemory.add(v);
            }
            for (double q : new double[]{0, 0.3, 0.5, 0.75, 1}) assertEquals(inMemory.quantile(q), spilled.quantile(q), "q " + q);
            double[] reported = {0, 0.05, 0.25, 0.5, 0.75, 0.95, 1};
            Double[] before = new Double[reported.length];
            for (int i = 0; i < reported.length; i++) before[i] = inMemory.quantile(reported[i]);
            spilled.freeze();
            for (int i = 0; i < reported.length; i++) assertEquals(before[i], spilled.quantile(reported[i]), "frozen, q " + reported[i]);
        }
    }

    @Test
    void aSampleHeldInMemoryKeepsTheQuantilesItHadBeforeFreezingEvenUnsortedTiedAndEmpty() {
        Random r = new Random(6);
        DoseSample sample = new DoseSample();
        for (int i = 0; i < 1_001; i++) sample.add(r.nextInt(9) == 0 ? 0.0 : Math.round(r.nextDouble() * 4_000) / 100.0);
        double[] reported = {0, 0.05, 0.25, 0.5, 0.75, 0.95, 1};
        Double[] before = new Double[reported.length];
        for (int i = 0; i < reported.length; i++) before[i] = sample.quantile(reported[i]);
        sample.freeze();
        for (int i = 0; i < reported.length; i++) assertEquals(before[i], sample.quantile(reported[i]), "q " + reported[i]);
        DoseSample empty = new DoseSample();
        empty.freeze();
        assertEquals(null, empty.median());
    }
}
