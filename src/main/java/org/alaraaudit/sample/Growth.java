package org.alaraaudit.sample;

/**
 * Body size of the synthetic patients. Children follow a median growth curve (rounded from the
 * CDC/WHO growth charts: about 3.4 kg / 50 cm at birth, 10 kg / 75 cm at 1 y, 18 kg / 110 cm at
 * 5 y, 32 kg / 139 cm at 10 y, 55 kg / 167 cm at 15 y) with a per-patient percentile that stays
 * the same across visits; adults get a fixed size drawn once.
 */
final class Growth {
    private Growth() {
    }

    private static final double[] AGES = {0, 0.25, 0.5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
    private static final double[] WEIGHT = {3.4, 6.0, 7.8, 9.8, 12.3, 14.3, 16.3, 18.4, 20.7, 23.1, 25.8, 28.6,
        32.0, 36.0, 40.5, 45.5, 50.5, 55.0, 58.5, 61.0, 63.0};
    private static final double[] HEIGHT = {50, 61, 67, 75, 87, 96, 103, 110, 116, 122, 128, 133,
        139, 144, 150, 157, 163, 167, 170, 171, 172};

    static double interpolate(double[] ys, double age) {
        if (age <= AGES[0]) {
            return ys[0];
        }
        for (int i = 1; i < AGES.length; i++) {
            if (age < AGES[i]) {
                double f = (age - AGES[i - 1]) / (AGES[i] - AGES[i - 1]);
                return ys[i - 1] + f * (ys[i] - ys[i - 1]);
            }
        }
        return ys[ys.length - 1];
    }

    /** Sex difference that opens up in puberty: boys heavier and taller after about 12 y. */
    private static double sexFactor(char sex, double age, double maxDiff) {
        double f = Math.max(0, Math.min(1, (age - 11) / 5.0)) * maxDiff;
        return sex == 'M' ? 1 + f : sex == 'F' ? 1 - f : 1;
    }

    /** Median weight (kg) at this age, both sexes. */
    static double medianWeight(double age) {
        return interpolate(WEIGHT, age);
    }

    /** Median height (cm) at this age, both sexes. */
    static double medianHeight(double age) {
        return interpolate(HEIGHT, age);
    }

    /** Weight of a child (kg) whose weight z-score is {@code z}. */
    static double childWeight(double age, char sex, double z) {
        return medianWeight(age) * sexFactor(sex, age, 0.07) * StrictMath.exp(0.15 * z);
    }

    /** Height of a child (cm) whose height z-score is {@code z}. */
    static double childHeight(double age, char sex, double z) {
        return medianHeight(age) * sexFactor(sex, age, 0.035) * (1 + 0.04 * z);
    }

    /**
     * Effective diameter (cm) of the trunk, from weight and height: the body taken as a water
     * cylinder over 90% of its height, widened by 10% for the trunk being wider than the legs.
     * Gives about 11 cm for a newborn, 17 cm for a 5-year-old and 27 cm for an 80 kg adult,
     * in line with AAPM Report 204's age table.
     */
    static double trunkDiameter(double weightKg, double heightCm) {
        double area = weightKg * 1000.0 / (0.9 * heightCm);
        return 1.1 * 2.0 * StrictMath.sqrt(area / StrictMath.PI);
    }
}
