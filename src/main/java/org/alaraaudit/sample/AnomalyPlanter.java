package org.alaraaudit.sample;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.alaraaudit.sample.CtStudyRows.Ct;
import org.alaraaudit.sample.CtStudyRows.Defect;
import org.alaraaudit.sample.Engine.Dup;
import org.alaraaudit.sample.VisitPlan.Program;
import org.alaraaudit.sample.VisitPlan.VisitKind;

/**
 * The planted anomalies: for each {@link Anomaly} the schedule picks, the study that shows it (a dose above a
 * notification value, the wrong protocol for a child, a row the validator rejects, a frequent patient, ...). Most
 * start from a clean study and change only what the anomaly is about. Draws from the generator's main stream, so
 * moving, adding or dropping a draw here changes the sample months.
 */
final class AnomalyPlanter {

    private final Rng rng;
    private final LocalDateTime end;
    private final PatientPool patients;
    private final VisitPlan visits;
    private final CtStudyRows ctRows;
    private final ProjectionStudyRows projectionRows;
    private final Engine engine;

    AnomalyPlanter(Rng rng, LocalDateTime end, PatientPool patients, VisitPlan visits, CtStudyRows ctRows,
                   ProjectionStudyRows projectionRows, Engine engine) {
        this.rng = rng;
        this.end = end;
        this.patients = patients;
        this.visits = visits;
        this.ctRows = ctRows;
        this.projectionRows = projectionRows;
        this.engine = engine;
    }

    /** Writes the study of a planted anomaly; the later visits of a frequent patient or a repeat go to the plan. */
    void plant(Anomaly a, LocalDateTime t) throws IOException {
        LocalDate d = t.toLocalDate();
        switch (a) {
            case PERFUSION_ALERT: {
                int facility = rng.chance(0.6) ? Site.COUNTY_GENERAL : Site.ST_ELSEWHERE;
                Patient p = patients.newPatient(facility, d, 50, 92, true);
                Ct ct = ctRows.normal(p, t, facility, Exam.HEAD);
                ct.station = facility == Site.COUNTY_GENERAL ? Site.CGH_CT_ED : Site.SEC_CT1;
                ct.exam = Exam.PERFUSION;
                ct.indication = rng.pick(new String[] {"acute stroke, code stroke", "stroke, last known well 3 h",
                    "aphasia and right hemiparesis"});
                ct.finishProtocol();
                ct.perfusion = true;
                ct.bolus = false;
                ct.phases = 1;
                ctRows.write(ct);
                break;
            }
            case FREQUENT_PATIENT:
                frequentPatient(t);
                break;
            case REJECT_CTDI_TEXT:
                engine.plain(t, Defect.CTDI_TEXT, Dup.NONE);
                break;
            case REJECT_KVP:
                engine.plain(t, Defect.KVP_300, Dup.NONE);
                break;
            case REJECT_NEGATIVE_DLP:
                engine.plain(t, Defect.NEGATIVE_DLP, Dup.NONE);
                break;
            case REJECT_NO_ACCESSION:
                engine.plain(t, Defect.NO_ACCESSION, Dup.NONE);
                break;
            case DUPLICATE_ROW:
                engine.plain(t, Defect.NONE, Dup.EXACT);
                break;
            case DUPLICATE_EVENT_UID:
                engine.plain(t, Defect.NONE, Dup.SAME_UID);
                break;
            case QA_PHANTOM:
                ctRows.qaPhantom(t);
                break;
            case DX_DAP_MISSING: {
                int facility = rng.weighted(Site.FACILITY_SHARE);
                projectionRows.dapMissing(patients.any(facility, t), t, facility);
                break;
            }
            case CT_DOSE_MISSING: {
                int facility = rng.weighted(Site.FACILITY_SHARE);
                Ct ct = ctRows.normal(patients.any(facility, t), t, facility, null);
                ct.defect = Defect.MISSING_DOSE;
                ctRows.write(ct);
                break;
            }
            case UNMAPPED_PROTOCOL: {
                int facility = rng.chance(0.7) ? Site.ST_ELSEWHERE : Site.COUNTY_GENERAL;
                Exam e = new Exam[] {Exam.SINUS, Exam.TEMPORAL_BONE, Exam.NECK}[rng.weighted(new double[] {0.5, 0.25, 0.25})];
                Patient p = patients.newPediatric(facility, d, e == Exam.SINUS ? 6 : 3, 18);
                Ct ct = ctRows.normal(p, t, facility, Exam.HEAD);
                ct.exam = e;
                ct.indication = e == Exam.SINUS ? rng.pick(new String[] {"chronic sinusitis, surgical planning",
                    "orbital cellulitis?", "recurrent sinusitis"})
                        : e == Exam.TEMPORAL_BONE ? rng.pick(new String[] {"conductive hearing loss", "cholesteatoma?"})
                        : rng.pick(new String[] {"retropharyngeal abscess?", "neck mass", "deep neck infection"});
                ct.protocolBand = -1;
                ct.adultProtocol = false;
                ct.finishProtocol();
                ct.median = ctRows.defaultMedian(ct);
                ct.bolus = false;
                ctRows.write(ct);
                break;
            }
            case NOTIFICATION:
                notification(t);
                break;
            case ABOVE_EXPECTED: {
                Ct ct = pediatricCt(t, 1, 18, null);
                double f = rng.chance(0.6) ? rng.uniform(1.25, 1.8) : rng.uniform(2.1, 3.0);
                ct.median = ct.exam.drl[ct.protocolBand] * f;
                ct.sigma = 0.03;
                ctRows.write(ct);
                break;
            }
            case BELOW_EXPECTED: {
                Ct ct = pediatricCt(t, 0, 18, null);
                ct.median = ct.exam.drl[ct.protocolBand] * rng.uniform(0.10, 0.20);
                ct.sigma = 0.03;
                ctRows.write(ct);
                break;
            }
            case PEDIATRIC_MULTIPHASE: {
                Exam e = rng.chance(0.7) ? Exam.ABDOMEN_PELVIS : Exam.CHEST_ABDOMEN_PELVIS;
                Ct ct = pediatricCt(t, 4, 18, e);
                ct.phases = rng.chance(0.15) ? 3 : 2;
                ct.indication = rng.pick(new String[] {"liver lesion characterization", "renal mass, arterial phase",
                    "abdominal trauma, delayed phase", "pancreatic injury?"});
                ctRows.write(ct);
                break;
            }
            case PEDIATRIC_HIGH_KVP: {
                Exam e = new Exam[] {Exam.CHEST, Exam.ABDOMEN_PELVIS, Exam.CHEST_ABDOMEN_PELVIS}[rng.nextInt(3)];
                Ct ct = pediatricCt(t, 1, 10, e);
                if (ct.patient.weight(ct.age) >= 45) {
                    ct.patient = patients.newPediatric(ct.facility, d, 2, 6);
                    ct.age = ct.patient.age(d);
                    ct.protocolBand = e.band(ct.age);
                    ct.finishProtocol();
                    ct.median = ctRows.defaultMedian(ct);
                }
                ct.kvp = 120;
                ct.median *= 1.3;
                ctRows.write(ct);
                break;
            }
            case WRONG_AGE_BAND: {
                Ct ct = pediatricCt(t, 0, 18, null);
                int b = ct.protocolBand;
                int last = ct.exam.bands() - 1;
                int wrong = b == last ? b - 1 : b == 0 ? 1 : (rng.chance(0.7) ? b + 1 : b - 1);
                ct.protocolBand = wrong;
                ct.finishProtocol();
                ct.median = ctRows.defaultMedian(ct);
                ctRows.write(ct);
                break;
            }
            case ADULT_PROTOCOL_ON_CHILD: {
                double[] ages = rng.chance(0.75) ? new double[] {12, 18} : new double[] {6, 12};
                Ct ct = pediatricCt(t, ages[0], ages[1], null);
                ct.adultProtocol = true;
                ct.protocolBand = -1;
                ct.finishProtocol();
                if (rng.chance(0.5)) {
                    // fixed adult technique: no size adaptation, usually above the pediatric DRL
                    ct.median = ct.exam.adultMedian * rng.uniform(1.0, 1.2);
                } else {
                    ct.median = ctRows.defaultMedian(ct);
                }
                ct.kvp = 120;
                ct.bolus = ct.exam.contrastBody() && rng.chance(0.3);
                ctRows.write(ct);
                break;
            }
            case NONIONIZING_INDICATION: {
                int kind = rng.weighted(new double[] {0.6, 0.3, 0.1});
                double[] ages = kind == 0 ? new double[] {4, 17} : kind == 1 ? new double[] {0.4, 4} : new double[] {0.06, 0.3};
                Ct ct = pediatricCt(t, ages[0], ages[1], Exam.ABDOMEN_PELVIS);
                ct.indication = kind == 0
                        ? rng.pick(new String[] {"suspected appendicitis", "RLQ pain, suspected appendicitis",
                            "appendicitis?"})
                        : kind == 1 ? rng.pick(new String[] {"suspected intussusception",
                            "intermittent colicky pain, intussusception?"})
                        : "non-bilious vomiting, pyloric stenosis?";
                ctRows.write(ct);
                break;
            }
            case REPEAT_WITHIN_48H: {
                int facility = rng.weighted(Site.FACILITY_SHARE);
                Patient p;
                if (rng.chance(0.3)) {
                    p = patients.newChild(facility, d);
                } else {
                    p = patients.any(facility, t);
                    facility = p.home;
                }
                Ct ct = ctRows.normal(p, t, facility, null);
                ctRows.write(ct);
                Exam again = ct.exam == Exam.ABDOMEN_PELVIS && rng.chance(0.15) ? Exam.CHEST_ABDOMEN_PELVIS : ct.exam;
                LocalDateTime due = t.plusMinutes(rng.between(60, 30 * 60));
                visits.plan(due, t.plusHours(46), VisitKind.REPEAT, p, facility, again, null);
                break;
            }
            default:
                throw new IllegalStateException(a.name());
        }
    }

    /** A clean pediatric CT of a new child aged minAge..maxAge (years), exam from the mix unless given. */
    private Ct pediatricCt(LocalDateTime t, double minAge, double maxAge, Exam exam) {
        int facility = rng.weighted(Site.FACILITY_SHARE);
        Patient p = patients.newPediatric(facility, t.toLocalDate(), minAge, maxAge);
        return ctRows.normal(p, t, facility, exam);
    }

    private void notification(LocalDateTime t) throws IOException {
        LocalDate d = t.toLocalDate();
        int kind = rng.weighted(new double[] {0.3, 0.25, 0.2, 0.25});
        Ct ct;
        switch (kind) {
            case 0: { // adult head far above 80 mGy
                int facility = rng.weighted(Site.FACILITY_SHARE);
                ct = ctRows.normal(patients.newAdult(facility, d), t, facility, Exam.HEAD);
                ct.median = rng.uniform(84, 115);
                ct.kvp = 140;
                break;
            }
            case 1: { // adult torso above 50 mGy (large patient, fixed mA)
                int facility = rng.weighted(Site.FACILITY_SHARE);
                Patient p = patients.newAdult(facility, d);
                ct = ctRows.normal(p, t, facility, Exam.ABDOMEN_PELVIS);
                ct.median = rng.uniform(53, 72);
                ct.kvp = 140;
                break;
            }
            case 2: // pediatric head under 2 years above 50 mGy
                ct = pediatricCt(t, 0.2, 2, Exam.HEAD);
                ct.median = rng.uniform(53, 68);
                break;
            default: // pediatric torso under 10 years above 10 mGy (32 cm)
                ct = pediatricCt(t, 1, 10, rng.chance(0.5) ? Exam.ABDOMEN_PELVIS : Exam.CHEST_ABDOMEN_PELVIS);
                ct.median = rng.uniform(11, 17);
                break;
        }
        ct.sigma = 0.02;
        ctRows.write(ct);
    }

    private void frequentPatient(LocalDateTime t) throws IOException {
        Program program = Program.values()[rng.weighted(new double[] {0.35, 0.25, 0.15, 0.25})];
        boolean adult = program == Program.ADULT_ONCOLOGY;
        // adult and pediatric oncology mostly at County General (higher pediatric body doses)
        boolean county = adult || program == Program.PED_ONCOLOGY ? rng.chance(0.7) : rng.chance(0.3);
        int facility = county ? Site.COUNTY_GENERAL : Site.ST_ELSEWHERE;
        // not in the revisit pool: its visits come from the plan only
        Patient p = patients.newPatient(facility, t.toLocalDate(), program.minAge, program.maxAge, false);
        int count = rng.between(8, 12);
        long remainingMin = ChronoUnit.MINUTES.between(t, end);
        // spread over the rest of the period, at least a week apart (a late starter gets fewer visits)
        long interval = Math.max(7 * 24 * 60, Math.min(21 * 24 * 60, remainingMin / count));
        Exam first = examOf(program);
        Ct ct = ctRows.normal(p, t, facility, first);
        ct.indication = rng.pick(program.indications);
        ctRows.write(ct);
        for (int j = 1; j < count; j++) {
            long jitter = (long) ((rng.nextDouble() - 0.5) * 0.2 * interval);
            LocalDateTime due = t.plusMinutes(j * interval + jitter);
            visits.plan(due, due.plusDays(30), VisitKind.FOLLOW_UP, p, facility, examOf(program), program);
        }
    }

    private Exam examOf(Program program) {
        switch (program) {
            case PED_ONCOLOGY: return rng.chance(0.75) ? Exam.CHEST_ABDOMEN_PELVIS : Exam.CHEST;
            case PED_SHUNT: return Exam.HEAD;
            case PED_CROHN: return Exam.ABDOMEN_PELVIS;
            default: return Exam.CHEST_ABDOMEN_PELVIS;
        }
    }
}
