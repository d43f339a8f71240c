package org.alaraaudit.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A synthetic patient; children keep their growth percentile across visits. */
final class Patient {
    final String id;
    final LocalDate birth;
    final char sex;
    final int home;
    /** Growth z-scores for children. */
    final double weightZ;
    final double heightZ;
    /** Fixed size once grown up (used from 18 y). */
    final double adultWeight;
    final double adultHeight;
    /** Start of the patient's latest study, or null. */
    LocalDateTime last;

    Patient(String id, LocalDate birth, char sex, int home, double weightZ, double heightZ,
            double adultWeight, double adultHeight) {
        this.id = id;
        this.birth = birth;
        this.sex = sex;
        this.home = home;
        this.weightZ = weightZ;
        this.heightZ = heightZ;
        this.adultWeight = adultWeight;
        this.adultHeight = adultHeight;
    }

    /** Age in years at a date: days / 365.25. */
    double age(LocalDate date) {
        return (date.toEpochDay() - birth.toEpochDay()) / 365.25;
    }

    /** True when the age is within about 5 days of a whole year (a band edge could then be read either way). */
    static boolean nearBirthday(double age) {
        double f = age - Math.floor(age);
        return f < 0.015 || f > 0.985;
    }

    /**
     * True within about 2 days of a birthday, where age conventions (days / 365.25, calendar
     * years) may disagree on the whole years; planned visits falling there are skipped.
     */
    static boolean onBirthday(double age) {
        double f = age - Math.floor(age);
        return f < 0.006 || f > 0.994;
    }

    double weight(double age) {
        return age >= 18 ? adultWeight : Growth.childWeight(age, sex, weightZ);
    }

    double height(double age) {
        return age >= 18 ? adultHeight : Growth.childHeight(age, sex, heightZ);
    }
}
