package org.alaraaudit.sample;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import org.alaraaudit.sample.CtStudyRows.Ct;
import org.alaraaudit.sample.CtStudyRows.Defect;
import org.alaraaudit.sample.Site.Station;
import org.alaraaudit.sample.VisitPlan.Program;
import org.alaraaudit.sample.VisitPlan.Visit;
import org.alaraaudit.sample.VisitPlan.VisitKind;

import static org.alaraaudit.sample.CellText.dateTime;
import static org.alaraaudit.sample.CellText.fmt;
import static org.alaraaudit.sample.CellText.pad;
import static org.alaraaudit.sample.Columns.*;

/**
 * Generates the studies, in start-time order, and hands each event row to a {@link RowSink}
 * as soon as it is made. Memory is bounded: a ring of {@value PatientPool#CAPACITY} recent patients
 * for revisits (older ones are forgotten), and a queue of at most {@value VisitPlan#CAPACITY}
 * planned visits (repeats within 48 h, follow-ups of frequent patients).
 */
final class Engine {

    /** Receives the rows; {@code cells} is reused after the call returns. */
    interface RowSink {
        void row(String[] cells, LocalDateTime studyTime) throws IOException;
    }


    private final GeneratorSettings settings;
    private final Rng rng;
    private final AnomalySchedule schedule;
    private final StudyClock clock;
    private final LocalDateTime end;

    private final PatientPool patients;
    private final VisitPlan visits;

    private long studySeq;
    private final long[] accessionCount = new long[2];
    private final long accessionBase;
    private final String uidRoot;

    /** The row being filled; the study writers fill it too, and {@link #sinkRow()} hands it on. */
    final String[] row = new String[COUNT];
    private final CtStudyRows ctRows;
    private final ProjectionStudyRows projectionRows;
    private RowSink sink;
    private long rows;
    private LocalDateTime studyTime;

    Engine(GeneratorSettings settings) {
        this.settings = settings;
        this.rng = Rng.derived(settings.seed(), 1);
        this.schedule = new AnomalySchedule(Rng.derived(settings.seed(), 2));
        this.clock = new StudyClock(settings.from(), settings.to(), Math.max(1, settings.studies()));
        this.end = settings.to().atTime(23, 59, 59);
        this.visits = new VisitPlan(end);
        Rng ids = Rng.derived(settings.seed(), 3);
        this.patients = new PatientPool(rng, (ids.nextLong() >>> 1) % 100_000_000L);
        this.accessionBase = 10_000_000L + (ids.nextLong() >>> 1) % 50_000_000L;
        this.uidRoot = "2.25." + (100_000 + (ids.nextLong() >>> 1) % 900_000L);
        this.ctRows = new CtStudyRows(rng, this);
        this.projectionRows = new ProjectionStudyRows(rng, Rng.derived(settings.seed(), 4), this);
    }

    /** Generates all studies; returns the number of rows handed to the sink. */
    long run(RowSink target) throws IOException {
        this.sink = target;
        long n = settings.studies();
        for (long i = 0; i < n; i++) {
            LocalDateTime t = clock.at(i, rng.nextDouble());
            Anomaly a = schedule.at(i);
            if (a != null) {
                planted(a, t);
                continue;
            }
            Visit v = visits.due(t);
            if (v != null && !Patient.onBirthday(v.patient.age(t.toLocalDate()))) {
                ctRows.planned(v, t);
            } else {
                plain(t, Defect.NONE, Dup.NONE);
            }
        }
        return rows;
    }

    int poolSize() {
        return patients.size();
    }

    int queuePeak() {
        return visits.queuePeak();
    }

    // ------------------------------------------------------------------ plain studies

    private void plain(LocalDateTime t, Defect defect, Dup dup) throws IOException {
        int facility = rng.weighted(Site.FACILITY_SHARE);
        boolean dx = rng.chance(ProjectionStudyRows.DX_SHARE) && defect == Defect.NONE;
        Patient p = patients.any(facility, t);
        if (p.home != facility && rng.chance(0.85)) {
            facility = p.home;
        }
        if (dx) {
            projectionRows.plain(p, t, facility, dup);
        } else {
            Ct ct = ctRows.normal(p, t, facility, null);
            ct.defect = defect;
            ct.dup = dup;
            ctRows.write(ct);
        }
    }

    // ------------------------------------------------------------------ planted anomalies

    private void planted(Anomaly a, LocalDateTime t) throws IOException {
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
                plain(t, Defect.CTDI_TEXT, Dup.NONE);
                break;
            case REJECT_KVP:
                plain(t, Defect.KVP_300, Dup.NONE);
                break;
            case REJECT_NEGATIVE_DLP:
                plain(t, Defect.NEGATIVE_DLP, Dup.NONE);
                break;
            case REJECT_NO_ACCESSION:
                plain(t, Defect.NO_ACCESSION, Dup.NONE);
                break;
            case DUPLICATE_ROW:
                plain(t, Defect.NONE, Dup.EXACT);
                break;
            case DUPLICATE_EVENT_UID:
                plain(t, Defect.NONE, Dup.SAME_UID);
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

    // ------------------------------------------------------------------ rows

    /** Which row a planted duplicate repeats: the study's last event, sent again as it was or with a corrected dose. */
    enum Dup { NONE, EXACT, SAME_UID }

    String nextAccession(int facility) {
        long n = accessionBase + facility * 3_000_017L + accessionCount[facility]++;
        return Site.ACCESSION_PREFIX[facility] + pad(n, 8);
    }

    void setStation(Station st) {
        row[FACILITY] = Site.FACILITY_NAMES[st.facility()];
        row[STATION_NAME] = st.name();
        row[MANUFACTURER] = st.manufacturer();
        row[MODEL] = st.model();
    }

    /** Clears the row and fills the study-level columns of a patient's study. */
    void beginStudy(Patient p, double age, double weight, double height, int facility, Station st,
                    String accession, LocalDateTime t, String modality, String description, String indication) {
        studySeq++;
        Arrays.fill(row, "");
        row[PATIENT_ID] = p.id;
        row[BIRTH_DATE] = p.birth.toString();
        if (facility == Site.COUNTY_GENERAL) {
            row[AGE_YEARS] = fmt(age, 2);
        }
        row[SEX] = String.valueOf(p.sex);
        if (!rng.chance(0.08)) {
            row[WEIGHT_KG] = fmt(weight, 1);
        }
        if (rng.chance(0.6)) {
            row[HEIGHT_CM] = fmt(height, 0);
        }
        setStation(st);
        row[ACCESSION_NUMBER] = accession;
        row[STUDY_DATETIME] = dateTime(t);
        studyTime = t;
        row[MODALITY] = modality;
        row[STUDY_DESCRIPTION] = description;
        row[INDICATION] = indication;
        p.last = t;
    }

    /** Clears the row and fills the study-level columns of a phantom study (no patient; its own accession series). */
    void beginPhantomStudy(String id, Station st, LocalDateTime t, String description) {
        Arrays.fill(row, "");
        studySeq++;
        row[PATIENT_ID] = id;
        row[BIRTH_DATE] = "1970-01-01";
        row[SEX] = "O";
        setStation(st);
        row[ACCESSION_NUMBER] = "QA" + pad(accessionBase + studySeq, 9);
        row[STUDY_DATETIME] = dateTime(t);
        studyTime = t;
        row[MODALITY] = "CT";
        row[STUDY_DESCRIPTION] = description;
    }

    /**
     * Clears the row and fills the study-level columns of a fluoroscopy procedure: no weight or height, whose
     * presence {@link #beginStudy} draws from the main stream, and an accession series of its own.
     */
    void beginFluoroscopyStudy(Patient p, double age, int facility, Station st, long procedure, LocalDateTime t) {
        Arrays.fill(row, "");
        row[PATIENT_ID] = p.id;
        row[BIRTH_DATE] = p.birth.toString();
        if (facility == Site.COUNTY_GENERAL) row[AGE_YEARS] = fmt(age, 2);
        row[SEX] = String.valueOf(p.sex);
        setStation(st);
        row[ACCESSION_NUMBER] = "FL" + Site.ACCESSION_PREFIX[facility] + pad(accessionBase + procedure, 8);
        row[STUDY_DATETIME] = dateTime(t);
        studyTime = t;
        row[MODALITY] = "RF";
    }

    /** Fluoroscopy events have a UID series of their own, apart from the study-numbered one of {@link #fillEvent}. */
    String fluoroscopyEventUid(long procedure, int index) {
        return uidRoot + ".9." + pad(procedure * 10 + index, 10);
    }

    void event(LocalDateTime et, int index, String protocol, String type, String region, int kvp,
               double mas, double ctdi, int phantom, double lengthCm) throws IOException {
        fillEvent(et, index, protocol, type, region, kvp, mas, ctdi, phantom, lengthCm);
        sinkRow();
    }

    void fillEvent(LocalDateTime et, int index, String protocol, String type, String region, int kvp,
                   double mas, double ctdiRaw, int phantom, double lengthCm) {
        // DLP from the CTDIvol as printed, so that DLP = CTDIvol x length holds on the written values
        double ctdi = ctdiRaw > 0 ? Math.max(0.01, Math.round(ctdiRaw * 100) / 100.0) : 0;
        row[PROTOCOL_NAME] = protocol;
        row[ACQUISITION_TYPE] = type;
        row[TARGET_REGION] = region;
        row[EVENT_DATETIME] = dateTime(et.isAfter(end) ? end : et);
        row[EVENT_UID] = uidRoot + pad(studySeq * 1000 + index, 15);
        row[KVP] = kvp > 0 ? Integer.toString(kvp) : "";
        row[MAS] = mas > 0 ? fmt(mas, 1) : "";
        row[CTDIVOL_MGY] = ctdi > 0 ? fmt(ctdi, 2) : "";
        row[PHANTOM] = phantom > 0 ? Integer.toString(phantom) : "";
        double lengthMm = Math.round(lengthCm * 10.0);
        row[DLP_MGYCM] = ctdi > 0 ? fmt(ctdi * lengthMm / 10.0, 2) : "";
        row[SCAN_LENGTH_MM] = lengthCm > 0 ? fmt(lengthMm, 0) : "";
        row[SSDE_MGY] = "";
        row[EFFECTIVE_DIAMETER_CM] = "";
        row[WATER_EQUIVALENT_DIAMETER_CM] = "";
        row[DAP_GYCM2] = "";
        row[FLUORO_TIME_S] = "";
        for (int c = BODY_PART; c <= PLANE; c++) row[c] = "";
    }

    void sinkRow() throws IOException {
        sink.row(row, studyTime);
        rows++;
    }
}
