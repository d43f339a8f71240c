package org.alaraaudit.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import static org.alaraaudit.sample.CellText.pad;

/**
 * The patients: new ones with their size and age, and a ring of the {@value #CAPACITY} most recent for revisits.
 * Older patients are forgotten so that memory stays bounded however many studies are generated. Draws from the
 * generator's main stream, in the order the studies ask for patients.
 */
final class PatientPool {

    static final int CAPACITY = 4000;
    /** Share of plain studies that try a returning patient first. */
    static final double REVISIT_SHARE = 0.2;

    /** Pediatric age bands (0-1, 1-5, 5-10, 10-15, 15-18 y) and their share of children's studies. */
    private static final double[] PED_AGE_EDGES = {0, 1, 5, 10, 15, 18};
    private static final double[] PED_AGE_MIX = {0.08, 0.20, 0.22, 0.28, 0.22};

    private final Rng rng;
    private final long mrnOffset;
    private final Patient[] pool = new Patient[CAPACITY];
    private int size;
    private int next;
    private long patients;

    PatientPool(Rng rng, long mrnOffset) {
        this.rng = rng;
        this.mrnOffset = mrnOffset;
    }

    int size() {
        return size;
    }

    private String nextMrn() {
        long k = patients++;
        long v = Math.floorMod(k * 40_692_821L + mrnOffset, 100_000_000L);
        return "MRN" + pad(v, 8);
    }

    /** A new patient aged between minAge and maxAge (years, max excluded) at date d, never near a birthday. */
    Patient newPatient(int home, LocalDate d, double minAge, double maxAge, boolean addToPool) {
        double age = rng.uniform(minAge, maxAge);
        if (Patient.nearBirthday(age)) {
            double whole = Math.rint(age);
            age = whole + 0.03 >= maxAge ? whole - 0.03 : whole + 0.03;
        }
        LocalDate birth = d.minusDays(Math.round(age * 365.25));
        char sex = rng.chance(0.5) ? 'M' : 'F';
        double aw;
        double ah;
        if (sex == 'M') {
            aw = clamp(rng.gaussian() * 16 + 84, 45, 190);
            ah = clamp(rng.gaussian() * 7 + 176, 150, 205);
        } else {
            aw = clamp(rng.gaussian() * 16 + 72, 40, 170);
            ah = clamp(rng.gaussian() * 6.5 + 163, 140, 190);
        }
        double wz = clamp(rng.gaussian(), -2.5, 2.5);
        double hz = clamp(0.6 * wz + 0.8 * rng.gaussian(), -2.5, 2.5);
        Patient p = new Patient(nextMrn(), birth, sex, home, wz, hz, aw, ah);
        if (addToPool) {
            pool[next] = p;
            next = (next + 1) % CAPACITY;
            size = Math.min(CAPACITY, size + 1);
        }
        return p;
    }

    Patient newPediatric(int home, LocalDate d, double minAge, double maxAge) {
        return newPatient(home, d, minAge, maxAge, true);
    }

    /** A pediatric age drawn from the pediatric CT age mix. */
    Patient newChild(int home, LocalDate d) {
        int b = rng.weighted(PED_AGE_MIX);
        return newPediatric(home, d, PED_AGE_EDGES[b], PED_AGE_EDGES[b + 1]);
    }

    Patient newAdult(int home, LocalDate d) {
        // ages 18-95, most between 40 and 80
        double u = (rng.nextDouble() + rng.nextDouble() + rng.nextDouble()) / 3.0;
        double age = 18 + u * 77;
        return newPatient(home, d, Math.floor(age), Math.floor(age) + 1, true);
    }

    /** A returning patient from the pool (not seen in the last 72 h, not on a birthday), or null. */
    private Patient revisit(LocalDateTime t) {
        if (size == 0) {
            return null;
        }
        Patient p = pool[rng.nextInt(size)];
        if (p.last != null && ChronoUnit.HOURS.between(p.last, t) < 72) {
            return null;
        }
        if (Patient.nearBirthday(p.age(t.toLocalDate()))) {
            return null;
        }
        return p;
    }

    /** A returning patient now and then, else a new child or adult in the facility's pediatric share. */
    Patient any(int facility, LocalDateTime t) {
        if (rng.chance(REVISIT_SHARE)) {
            Patient p = revisit(t);
            if (p != null) {
                return p;
            }
        }
        return rng.chance(Site.PEDIATRIC_SHARE[facility]) ? newChild(facility, t.toLocalDate())
                : newAdult(facility, t.toLocalDate());
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
