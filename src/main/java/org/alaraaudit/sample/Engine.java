package org.alaraaudit.sample;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Arrays;

import org.alaraaudit.sample.CtStudyRows.Ct;
import org.alaraaudit.sample.CtStudyRows.Defect;
import org.alaraaudit.sample.Site.Station;
import org.alaraaudit.sample.VisitPlan.Visit;

import static org.alaraaudit.sample.CellText.dateTime;
import static org.alaraaudit.sample.CellText.fmt;
import static org.alaraaudit.sample.CellText.pad;
import static org.alaraaudit.sample.Columns.*;

/**
 * Generates the studies, in start-time order, and hands each event row to a {@link RowSink}
 * as soon as it is made. Memory is bounded: a ring of {@value PatientPool#CAPACITY} recent patients
 * for revisits (older ones are forgotten), and a queue of at most {@value VisitPlan#CAPACITY}
 * planned visits (repeats within 48 h, follow-ups of frequent patients).
 *
 * <p>{@link #run} is the whole flow: each slot is a planted anomaly ({@link AnomalyPlanter}), a planned visit or a
 * plain study; {@link CtStudyRows} and {@link ProjectionStudyRows} write a study's rows into the one row buffer kept
 * here, with the study and accession numbering and the sink. The parts share the main random stream, so the order
 * of their calls is the order of the draws: keep it, or the sample months change.
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
    private final CtStudyRows ctRows;
    private final ProjectionStudyRows projectionRows;
    private final AnomalyPlanter planter;

    /** The row being filled; the study writers fill it too, and {@link #sinkRow()} hands it on. */
    final String[] row = new String[COUNT];
    private RowSink sink;
    private long rows;
    private LocalDateTime studyTime;
    private long studySeq;
    private final long[] accessionCount = new long[2];
    private final long accessionBase;
    private final String uidRoot;

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
        this.planter = new AnomalyPlanter(rng, end, patients, visits, ctRows, projectionRows, this);
    }

    /** Generates all studies; returns the number of rows handed to the sink. */
    long run(RowSink target) throws IOException {
        this.sink = target;
        long n = settings.studies();
        for (long i = 0; i < n; i++) {
            LocalDateTime t = clock.at(i, rng.nextDouble());
            Anomaly a = schedule.at(i);
            if (a != null) {
                planter.plant(a, t);
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

    /**
     * A plain study of a new or returning patient: a radiograph or a clean CT. A planted rejected value is always
     * on a CT; a planted duplicate may be on either.
     */
    void plain(LocalDateTime t, Defect defect, Dup dup) throws IOException {
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

    // ------------------------------------------------------------------ the row buffer, the numbering and the sink

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
