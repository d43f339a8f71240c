package org.alaraaudit.audit.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.alaraaudit.audit.spill.DoseValueFile;
import org.alaraaudit.history.trend.MedianStep;
import org.alaraaudit.model.ConfidenceInterval;
import org.junit.jupiter.api.Test;

/** The 95 % confidence interval of a median from order statistics, against the ranks statistics tables give. */
class MedianIntervalTest {
    @Test
    void fiveValuesAreTooFewForA95PercentIntervalAndSixJustEnough() {
        assertNull(MedianInterval.ranks(5, 0.95), "2 / 32 = 6.25 % of samples have every value on one side");
        MedianInterval six = MedianInterval.ranks(6, 0.95);
        assertEquals(1, six.lowRank());
        assertEquals(6, six.highRank());
        assertEquals(1 - 2.0 / 64, six.coverage(), 1e-12);
    }

    @Test
    void theRanksAreThoseOfTheTables() {
        assertRanks(10, 2, 9, 0.9785);
        assertRanks(20, 6, 15, 0.9586);
        assertRanks(100, 40, 61, 0.9648);
    }

    private static void assertRanks(int n, int low, int high, double coverage) {
        MedianInterval r = MedianInterval.ranks(n, 0.95);
        assertEquals(low, r.lowRank(), "n " + n);
        assertEquals(high, r.highRank(), "n " + n);
        assertEquals(coverage, r.coverage(), 1e-4, "n " + n);
    }

    @Test
    void aLargeSampleNeitherUnderflowsNorFallsBelowTheLevel() {
        MedianInterval r = MedianInterval.ranks(5000, 0.95);
        assertEquals(5001, r.lowRank() + r.highRank());
        assertTrue(r.coverage() >= 0.95 && r.coverage() < 0.96, String.valueOf(r.coverage()));
        // about 1.96 standard deviations of Bin(5000, 1/2), 35.4, below the middle
        assertTrue(Math.abs(2500 - 69 - r.lowRank()) <= 1, String.valueOf(r.lowRank()));
    }

    @Test
    void aSampleGivesTheValuesAtThoseRanks() {
        DoseSample s = new DoseSample();
        for (int v : new int[] {7, 3, 10, 1, 5, 9, 2, 8, 4, 6}) s.add(v);
        assertArrayEquals(new double[] {2, 9}, s.medianInterval());
        DoseSample few = new DoseSample();
        for (int v = 1; v <= 5; v++) few.add(v);
        assertNull(few.medianInterval());
    }

    @Test
    void aFrozenSampleKeepsItsIntervalInMemoryAndSpilledAlike() {
        Random r = new Random(11);
        try (DoseValueFile file = new DoseValueFile(DoseSample.BLOCK)) {
            DoseSample spilled = new DoseSample(file);
            DoseSample inMemory = new DoseSample();
            for (int i = 0; i < 3 * DoseSample.BLOCK + 17; i++) {
                double v = Math.round(r.nextDouble() * 3_000) / 100.0;
                spilled.add(v);
                inMemory.add(v);
            }
            double[] before = inMemory.medianInterval();
            spilled.freeze();
            inMemory.freeze();
            assertArrayEquals(before, inMemory.medianInterval());
            assertArrayEquals(before, spilled.medianInterval());
            assertTrue(before[0] < inMemory.median() && inMemory.median() < before[1], Arrays.toString(before));
        }
        DoseSample few = new DoseSample();
        for (int v = 1; v <= 5; v++) few.add(v);
        few.freeze();
        assertNull(few.medianInterval(), "five values give no 95 % interval, frozen or not");
    }

    @Test
    void aStepIsBeyondTheSpreadOnlyWhenTheMonthsIntervalsDoNotOverlap() {
        java.time.YearMonth sep = java.time.YearMonth.of(2026, 9);
        MedianStep apart = new MedianStep("F", "CT1", "P", sep, sep.plusMonths(1), 4, 6, 20, 20,
                new ConfidenceInterval(3.5, 4.5), new ConfidenceInterval(4.6, 7));
        MedianStep touching = new MedianStep("F", "CT1", "P", sep, sep.plusMonths(1), 4, 6, 20, 20,
                new ConfidenceInterval(3.5, 4.6), new ConfidenceInterval(4.6, 7));
        MedianStep unknown = new MedianStep("F", "CT1", "P", sep, sep.plusMonths(1), 4, 6, 20, 20, null, new ConfidenceInterval(4.6, 7));
        assertTrue(apart.beyondSampling());
        assertEquals(false, touching.beyondSampling(), "an interval ending where the other starts overlaps it");
        assertEquals(false, unknown.beyondSampling());
    }
}
