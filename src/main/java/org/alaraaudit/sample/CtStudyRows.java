package org.alaraaudit.sample;

import java.io.IOException;
import java.time.LocalDateTime;

import org.alaraaudit.sample.Engine.Dup;
import org.alaraaudit.sample.Site.Station;
import org.alaraaudit.sample.VisitPlan.Visit;
import org.alaraaudit.sample.VisitPlan.VisitKind;

import static org.alaraaudit.sample.CellText.fmt;
import static org.alaraaudit.sample.Columns.*;

/**
 * CT studies: what a clean study of a patient is (exam, indication, protocol, median dose), and its event rows
 * (localizers, bolus tracking or perfusion cycles, diagnostic phases with the size values some stations report), plus
 * the phantom studies of the CT stations. Draws from the generator's main stream, so moving, adding or dropping a draw
 * here changes the sample months.
 */
final class CtStudyRows {

    private static final double[] PED_EXAM_MIX = {0.40, 0.20, 0.30, 0.10};
    private static final double[] ADULT_EXAM_MIX = {0.35, 0.25, 0.28, 0.12};
    private static final Exam[] MAIN_EXAMS = {Exam.HEAD, Exam.CHEST, Exam.ABDOMEN_PELVIS, Exam.CHEST_ABDOMEN_PELVIS};

    private static final String[][] PED_INDICATIONS = {
        {"head trauma, fall", "headache and vomiting", "VP shunt malfunction?", "seizure, first episode",
            "altered mental status", "macrocephaly", "head injury, sports", ""},
        {"complicated pneumonia", "empyema?", "pectus excavatum, preoperative", "pulmonary nodule follow-up",
            "metastasis screening", "cystic fibrosis exacerbation", "chest trauma", ""},
        {"blunt abdominal trauma", "abdominal mass", "Crohn disease flare", "post-operative abscess?",
            "hematuria after trauma", "fever of unknown origin", "renal mass follow-up", ""},
        {"lymphoma staging", "neuroblastoma follow-up", "Wilms tumor staging", "polytrauma", "sarcoma restaging"},
    };
    private static final String[][] ADULT_INDICATIONS = {
        {"headache", "stroke symptoms", "fall on anticoagulation", "confusion", "syncope", "head trauma", ""},
        {"pulmonary embolism?", "lung nodule follow-up", "dyspnea", "lung cancer staging",
            "interstitial lung disease", "chest pain", ""},
        {"abdominal pain", "suspected appendicitis", "diverticulitis?", "renal colic", "bowel obstruction",
            "post-operative collection", ""},
        {"cancer staging", "oncology restaging", "sepsis, source?", "polytrauma", "weight loss, malignancy?"},
    };
    private static final String[] REPEAT_INDICATIONS = {
        "repeat: motion artifact on prior study", "clinical deterioration", "repeat: contrast extravasation",
        "re-ordered by admitting team", "worsening pain", "persistent symptoms after prior CT"};

    private final Rng rng;
    private final Engine engine;
    private final String[] row;

    CtStudyRows(Rng rng, Engine engine) {
        this.rng = rng;
        this.engine = engine;
        this.row = engine.row;
    }

    /** The study of a planned visit: a repeat on either scanner of its facility, or a follow-up of its program. */
    void planned(Visit v, LocalDateTime t) throws IOException {
        Ct ct = normal(v.patient, t, v.facility, v.exam);
        if (v.kind == VisitKind.REPEAT) {
            ct.station = Site.CT[v.facility][rng.nextInt(2)];
            ct.indication = rng.pick(REPEAT_INDICATIONS);
            ct.finishProtocol();
        } else {
            ct.indication = rng.pick(v.program.indications);
        }
        write(ct);
    }

    private Exam examFor(double age) {
        return MAIN_EXAMS[rng.weighted(age < 18 ? PED_EXAM_MIX : ADULT_EXAM_MIX)];
    }

    private Station ctStation(int facility) {
        return Site.CT[facility][rng.weighted(Site.CT_SHARE[facility])];
    }

    /** A clean CT study of this patient: the catalog protocol of the child's band, or the adult protocol. */
    Ct normal(Patient p, LocalDateTime t, int facility, Exam exam) {
        Ct ct = new Ct();
        ct.patient = p;
        ct.time = t;
        ct.facility = facility;
        ct.station = ctStation(facility);
        ct.age = p.age(t.toLocalDate());
        ct.exam = exam != null ? exam : examFor(ct.age);
        boolean ped = ct.age < 18;
        ct.indication = ped ? rng.pick(PED_INDICATIONS[ct.exam.ordinal()])
                : rng.pick(ADULT_INDICATIONS[ct.exam.ordinal()]);
        ct.protocolBand = ped ? ct.exam.band(ct.age) : -1;
        ct.adultProtocol = !ped;
        ct.finishProtocol();
        ct.median = defaultMedian(ct);
        if (ct.exam.contrastBody() || (ct.exam == Exam.CHEST && !ped)) {
            ct.bolus = rng.chance(ped ? 0.08 : ct.exam == Exam.CHEST ? 0.2 : 0.35);
        }
        if (!ped && ct.exam.contrastBody() && rng.chance(0.12)) {
            ct.phases = 2;
        }
        return ct;
    }

    /** Median CTDIvol of the diagnostic acquisition, from the protocol that is used. */
    double defaultMedian(Ct ct) {
        Exam e = ct.exam;
        double w = ct.patient.weight(ct.age);
        if (ct.adultProtocol || !e.hasPediatricProtocols()) {
            if (!e.hasPediatricProtocols() && ct.age < 18) {
                return e.adultMedian * (0.7 + 0.3 * Math.min(ct.age, 18) / 18.0);
            }
            double size = e.isBody() ? StrictMath.pow(w / 75.0, 0.8) : 1.0;
            return e.adultMedian * size;
        }
        double ratio = Site.PED_DOSE_TO_DRL[ct.facility][e.ordinal()];
        double size = StrictMath.pow(w / Growth.medianWeight(ct.age), e.isBody() ? 0.4 : 0.1);
        return e.drl[ct.protocolBand] * ratio * size;
    }

    /** A fault planted in the first diagnostic event: a value that gets the row rejected, or the dose left out. */
    enum Defect { NONE, CTDI_TEXT, KVP_300, NEGATIVE_DLP, NO_ACCESSION, MISSING_DOSE }

    /** One CT study being put together. */
    final class Ct {
        Patient patient;
        LocalDateTime time;
        int facility;
        Station station;
        double age;
        Exam exam;
        String protocol;
        String indication;
        int protocolBand;
        boolean adultProtocol;
        double median;
        double sigma = -1;
        int kvp;
        int phases = 1;
        boolean bolus;
        boolean perfusion;
        Defect defect = Defect.NONE;
        Dup dup = Dup.NONE;

        /** Sets the protocol name from exam, band, station and the adult flag. */
        void finishProtocol() {
            if (station.facility() != facility) {
                station = ctStation(facility);
            }
            if (!exam.hasPediatricProtocols() || adultProtocol || protocolBand < 0) {
                protocol = exam.adultProtocol[facility];
            } else {
                String suffix = station.pedSuffix();
                if (suffix.equals(" C+") && !exam.contrastBody()) {
                    suffix = "";
                }
                protocol = exam.pediatricProtocol(protocolBand) + suffix;
            }
        }
    }

    private int defaultKvp(Ct ct, double weight) {
        Exam e = ct.exam;
        boolean force = ct.station == Site.SEC_CT1;
        if (ct.age < 18 && !ct.adultProtocol) {
            if (!e.isBody()) {
                return ct.age < 1 ? 80 : ct.age < 6 ? 100 : 120;
            }
            if (weight < 15) {
                return force ? 70 : 80;
            }
            if (weight < 45) {
                return force ? (rng.chance(0.5) ? 80 : 90) : 100;
            }
            return rng.chance(0.5) ? 100 : 120;
        }
        if (!e.isBody()) {
            return 120;
        }
        if (force) {
            return new int[] {90, 100, 110}[rng.nextInt(3)];
        }
        return rng.chance(0.15) ? 100 : 120;
    }

    private static double mgyPerMas(int phantom, int kvp) {
        double n120 = phantom == 16 ? 0.17 : 0.075;
        return n120 * StrictMath.pow(kvp / 120.0, 2.6);
    }

    /** Writes the study's rows: localizers, then a bolus-tracking event or the perfusion cycles, then the phases. */
    void write(Ct ct) throws IOException {
        Patient p = ct.patient;
        Exam e = ct.exam;
        double weight = p.weight(ct.age);
        double height = p.height(ct.age);
        boolean ped = ct.age < 18;
        String accession = engine.nextAccession(ct.facility);
        engine.beginStudy(p, ct.age, weight, height, ct.facility, ct.station, accession, ct.time, "CT",
                e.description(ped), ct.indication);
        int kvp = ct.kvp > 0 ? ct.kvp : defaultKvp(ct, weight);
        double sigma = ct.sigma >= 0 ? ct.sigma : (ped ? 0.22 : e.sigma);

        // typical length for the age, scaled by the patient's height relative to the median
        double heightRatio = ped ? height / Growth.medianHeight(ct.age) : height / 172.0;
        double lengthCm = e.typicalLength(ct.age) * heightRatio * rng.logNormal(1.0, 0.06);

        LocalDateTime et = ct.time.plusSeconds(rng.between(20, 90));
        int eventIndex = 0;

        int localizers = e.isBody() && rng.chance(0.5) ? 2 : 1;
        for (int k = 0; k < localizers; k++) {
            double ctdi = ped ? rng.uniform(0.03, 0.12) : rng.uniform(0.08, 0.35);
            double len = lengthCm * rng.uniform(1.2, 1.5) + 4;
            engine.event(et, eventIndex++, ct.protocol, "CONSTANT_ANGLE", e.region, ped ? 100 : 120,
                    rng.uniform(15, 50), ctdi, e.phantom, len);
            et = et.plusSeconds(rng.between(15, 40));
        }

        if (ct.perfusion) {
            // a non-contrast head first, then the perfusion cycles as stationary events
            double head = rng.logNormal(48, 0.08);
            et = et.plusSeconds(rng.between(30, 90));
            diagnostic(ct, et, eventIndex++, 120, head, lengthCm, weight, height);
            double each = rng.uniform(34, 42);
            int cycles = (int) Math.ceil(1080.0 / each) + rng.nextInt(4);
            et = et.plusSeconds(rng.between(120, 240));
            for (int k = 0; k < cycles; k++) {
                engine.event(et, eventIndex++, ct.protocol, "STATIONARY", e.region, 80, each / mgyPerMas(16, 80) * 0.5,
                        each, 16, 8.0);
                et = et.plusSeconds(rng.between(1, 3));
            }
            return;
        }

        if (ct.bolus) {
            et = et.plusSeconds(rng.between(40, 120));
            double ctdi = ped ? rng.uniform(0.6, 2.0) : rng.uniform(3, 12);
            engine.event(et, eventIndex++, ct.protocol, "STATIONARY", e.region, ped ? 80 : 100,
                    ctdi / mgyPerMas(32, ped ? 80 : 100) * 0.5, ctdi, e.phantom, rng.chance(0.5) ? 0.5 : 1.0);
            et = et.plusSeconds(rng.between(10, 30));
        } else {
            et = et.plusSeconds(rng.between(60, 240));
        }

        double base = rng.logNormal(ct.median, sigma);
        for (int ph = 0; ph < ct.phases; ph++) {
            double ctdi = ph == 0 ? base : base * rng.logNormal(1.0, 0.06);
            double len = ph == 0 ? lengthCm : lengthCm * rng.uniform(0.75, 1.0);
            Defect d = ph == 0 ? ct.defect : Defect.NONE;
            applyDiagnostic(ct, et, eventIndex++, kvp, ctdi, len, weight, height, d);
            if (ph == ct.phases - 1 && ct.dup != Dup.NONE) {
                engine.sinkRow();
                if (ct.dup == Dup.SAME_UID) {
                    // the device re-sent the event with a corrected dose report
                    String dlp = row[DLP_MGYCM];
                    if (!dlp.isEmpty()) {
                        row[DLP_MGYCM] = fmt(Double.parseDouble(dlp) * 1.02, 2);
                    }
                    row[STUDY_DESCRIPTION] = row[STUDY_DESCRIPTION] + " (CORRECTED)";
                }
            }
            engine.sinkRow();
            et = et.plusSeconds(ph == 0 ? rng.between(25, 70) : rng.between(60, 120));
        }
    }

    private void diagnostic(Ct ct, LocalDateTime et, int index, int kvp, double ctdi, double lengthCm,
                            double weight, double height) throws IOException {
        applyDiagnostic(ct, et, index, kvp, ctdi, lengthCm, weight, height, Defect.NONE);
        engine.sinkRow();
    }

    /** Fills the row with a diagnostic spiral (not yet written). */
    private void applyDiagnostic(Ct ct, LocalDateTime et, int index, int kvp, double ctdi, double lengthCm,
                                 double weight, double height, Defect defect) {
        Exam e = ct.exam;
        double effMas = ctdi / mgyPerMas(e.phantom, kvp);
        double totalMas = effMas * lengthCm / 4.0;
        engine.fillEvent(et, index, ct.protocol, "SPIRAL", e.region, kvp, totalMas, ctdi, e.phantom, lengthCm);
        // size and SSDE as some devices report them (body trunk scans only)
        Site.SizeReport sr = ct.station.sizeReport();
        boolean trunk = e.isBody() && e != Exam.NECK;
        if (trunk && sr != Site.SizeReport.NONE && defect != Defect.MISSING_DOSE) {
            double deff = Growth.trunkDiameter(weight, height) * rng.logNormal(1.0, 0.04);
            double dwFactor = e == Exam.CHEST ? 0.82 : e == Exam.CHEST_ABDOMEN_PELVIS ? 0.9 : 0.97;
            double dw = deff * dwFactor;
            if (sr == Site.SizeReport.WATER_EQUIVALENT && rng.chance(0.7)) {
                row[WATER_EQUIVALENT_DIAMETER_CM] = fmt(dw, 1);
            } else if (sr == Site.SizeReport.EFFECTIVE && rng.chance(0.6)) {
                row[EFFECTIVE_DIAMETER_CM] = fmt(deff, 1);
            } else if (sr == Site.SizeReport.SSDE_AND_WATER_EQUIVALENT && rng.chance(0.6)) {
                double dwr = Math.round(dw * 10) / 10.0;
                double f = 3.704369 * StrictMath.exp(-0.03671937 * dwr);
                row[WATER_EQUIVALENT_DIAMETER_CM] = fmt(dwr, 1);
                row[SSDE_MGY] = fmt(f * Double.parseDouble(row[CTDIVOL_MGY]), 2);
            }
        }
        switch (defect) {
            case CTDI_TEXT:
                row[CTDIVOL_MGY] = fmt(ctdi, 1).replace('.', ',') + "O";
                break;
            case KVP_300:
                row[KVP] = "300";
                break;
            case NEGATIVE_DLP:
                row[DLP_MGYCM] = "-" + row[DLP_MGYCM];
                break;
            case NO_ACCESSION:
                row[ACCESSION_NUMBER] = "";
                break;
            case MISSING_DOSE:
                row[CTDIVOL_MGY] = "";
                row[DLP_MGYCM] = "";
                row[SSDE_MGY] = "";
                break;
            default:
                break;
        }
    }

    /** A phantom study of a CT station: daily water QA, ACR accreditation or CTDI constancy. */
    void qaPhantom(LocalDateTime t) throws IOException {
        Station st = Site.ALL_CT[rng.nextInt(Site.ALL_CT.length)];
        int kind = rng.nextInt(3);
        String id;
        String desc;
        String protocol;
        if (kind == 0) {
            id = "QA-" + st.name();
            desc = "QA DAILY WATER PHANTOM";
            protocol = "QA WATER 20CM";
        } else if (kind == 1) {
            id = "PHANTOM-ACR464";
            desc = "CT ACCREDITATION ACR 464";
            protocol = "ACR HEAD";
        } else {
            id = "QC-" + st.name();
            desc = "QC CTDI CONSTANCY";
            protocol = "QC CTDI 32CM";
        }
        engine.beginPhantomStudy(id, st, t, desc);
        LocalDateTime et = t.plusSeconds(rng.between(20, 60));
        int phantom = kind == 2 ? 32 : 16;
        engine.event(et, 0, protocol, "CONSTANT_ANGLE", "OTHER", 120, 30, 0.2, phantom, 25);
        et = et.plusSeconds(rng.between(30, 120));
        double ctdi = phantom == 16 ? rng.uniform(35, 60) : rng.uniform(12, 22);
        engine.event(et, 1, protocol, "SEQUENCED", "OTHER", 120, ctdi / mgyPerMas(phantom, 120), ctdi, phantom, 4);
    }
}
