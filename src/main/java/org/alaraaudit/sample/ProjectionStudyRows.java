package org.alaraaudit.sample;

import java.io.IOException;
import java.time.LocalDateTime;

import org.alaraaudit.sample.Engine.Dup;
import org.alaraaudit.sample.Site.Station;

import static org.alaraaudit.sample.CellText.fmt;
import static org.alaraaudit.sample.Columns.*;

/**
 * Projection studies: radiographs (chest, abdomen, extremity views with their DAP and exposure index) and the
 * fluoroscopy procedures that now and then follow them, with the planted radiography and fluoroscopy anomalies.
 */
final class ProjectionStudyRows {

    /** Share of plain studies that are radiographs; the rest are CT. */
    static final double DX_SHARE = 0.15;
    /** Fluoroscopy procedures per radiography study: a few a month, enough for the skin-dose rules to be seen. */
    static final double FLUORO_SHARE = 0.06;
    /** Target exposure index of the radiography stations: each view's EI is drawn around it. */
    private static final double DX_TARGET_EI = 250;

    /**
     * The detector values of radiographs and their planted anomalies draw from a stream of their own, so that adding
     * them left every other value of the sample months as it was.
     */
    private final Rng detector;
    private final Rng rng;
    private final Engine engine;
    private final String[] row;
    private long fluoroCount;

    ProjectionStudyRows(Rng rng, Rng detector, Engine engine) {
        this.rng = rng;
        this.detector = detector;
        this.engine = engine;
        this.row = engine.row;
    }

    /** A plain radiograph of the patient, followed now and then by a fluoroscopy procedure at the same time. */
    void plain(Patient p, LocalDateTime t, int facility, Dup dup) throws IOException {
        radiograph(p, t, facility, false, dup);
        if (dup == Dup.NONE && detector.chance(FLUORO_SHARE)) fluoroscopy(p, t, facility);
    }

    /** The planted radiograph with one view's DAP missing. */
    void dapMissing(Patient p, LocalDateTime t, int facility) throws IOException {
        radiograph(p, t, facility, true, Dup.NONE);
    }

    private void radiograph(Patient p, LocalDateTime t, int facility, boolean dapMissing, Dup dup) throws IOException {
        double age = p.age(t.toLocalDate());
        double weight = p.weight(age);
        double height = p.height(age);
        Station st = Site.DX[facility];
        int kind = rng.weighted(new double[] {0.6, 0.15, 0.25});
        String[] views;
        String desc;
        String region;
        String indication;
        double[] dapAdult;
        double kvpBase;
        double masBase;
        if (kind == 0) {
            region = "CHEST";
            views = age < 3 ? new String[] {"CHEST AP"} : new String[] {"CHEST PA", "CHEST LAT"};
            desc = views.length == 1 ? "XR CHEST 1 VIEW" : "XR CHEST 2 VIEWS";
            dapAdult = views.length == 1 ? new double[] {0.08} : new double[] {0.08, 0.2};
            kvpBase = age < 18 ? 70 + age * 2.5 : 120;
            masBase = age < 18 ? 1.0 + age * 0.1 : 2.5;
            indication = rng.pick(new String[] {"cough, fever", "pneumonia?", "line placement check",
                "shortness of breath", "preoperative", ""});
        } else if (kind == 1) {
            region = "ABDOMEN";
            boolean two = rng.chance(0.3);
            views = two ? new String[] {"ABDOMEN SUPINE", "ABDOMEN UPRIGHT"} : new String[] {"ABDOMEN AP"};
            desc = two ? "XR ABDOMEN 2 VIEWS" : "XR ABDOMEN 1 VIEW";
            dapAdult = two ? new double[] {1.8, 2.0} : new double[] {1.8};
            kvpBase = age < 18 ? 65 + age : 80;
            masBase = age < 18 ? 3 + age : 30;
            indication = rng.pick(new String[] {"constipation", "abdominal distension", "foreign body ingestion",
                "obstruction?", ""});
        } else {
            region = "EXTREMITY";
            String part = rng.pick(new String[] {"WRIST", "ANKLE", "FOREARM", "KNEE", "HAND", "ELBOW"});
            boolean three = rng.chance(0.5);
            views = three ? new String[] {part + " PA", part + " LAT", part + " OBL"}
                    : new String[] {part + " AP", part + " LAT"};
            desc = "XR " + part + (three ? " 3 VIEWS" : " 2 VIEWS");
            dapAdult = three ? new double[] {0.04, 0.05, 0.04} : new double[] {0.04, 0.05};
            kvpBase = 57;
            masBase = 3;
            indication = rng.pick(new String[] {"fall, pain", "sports injury", "swelling after trauma",
                "fracture follow-up", ""});
        }
        engine.beginStudy(p, age, weight, height, facility, st, engine.nextAccession(facility), t, "DX", desc,
                indication);
        double size = region.equals("EXTREMITY") ? StrictMath.pow(Math.min(weight, 90) / 75.0, 0.5)
                : Math.max(0.06, StrictMath.pow(weight / 75.0, 1.2));
        LocalDateTime et = t.plusSeconds(rng.between(30, 120));
        int missingAt = dapMissing ? rng.nextInt(views.length) : -1;
        // Planted radiography anomalies (Anomaly has the CT ones): an adult protocol on a child, a retake (the
        // first view taken again instead of the second), and a child's overexposure at DI above +3.
        boolean child = age < 18;
        boolean adultProtocol = child && detector.chance(0.02);
        boolean retake = views.length >= 2 && detector.chance(0.02);
        int overexposedAt = child && detector.chance(0.02) ? detector.nextInt(views.length) : -1;
        // St Elsewhere's station exports the deviation index; County General's gives EI and its target only, and the
        // audit computes it.
        boolean exportsDi = facility == Site.ST_ELSEWHERE;
        for (int k = 0; k < views.length; k++) {
            double dap = rng.logNormal(dapAdult[k] * size, 0.3);
            String view = retake && k == 1 ? views[0] : views[k];
            engine.fillEvent(et, k, adultProtocol ? view + " ADULT" : view, "", region, 0, 0, 0, 0, 0);
            int space = view.lastIndexOf(' ');
            row[BODY_PART] = view.substring(0, space);
            row[VIEW] = view.substring(space + 1);
            double di = k == overexposedAt ? detector.uniform(3.2, 4.5) : detector.uniform(-0.9, 0.9);
            row[EXPOSURE_INDEX] = fmt(DX_TARGET_EI * StrictMath.pow(10, di / 10), 1);
            row[TARGET_EXPOSURE_INDEX] = fmt(DX_TARGET_EI, 0);
            row[DEVIATION_INDEX] = exportsDi ? fmt(di, 2) : "";
            row[KVP] = fmt(Math.round(kvpBase + rng.uniform(-3, 5)), 0);
            row[MAS] = fmt(masBase * rng.logNormal(1.0, 0.2), 2);
            row[CTDIVOL_MGY] = "";
            row[PHANTOM] = "";
            row[DLP_MGYCM] = "";
            row[SCAN_LENGTH_MM] = "";
            row[DAP_GYCM2] = k == missingAt ? "" : fmt(dap, 4);
            if (k == views.length - 1 && dup != Dup.NONE) {
                engine.sinkRow();
                if (dup == Dup.SAME_UID) {
                    row[DAP_GYCM2] = row[DAP_GYCM2].isEmpty() ? "" : fmt(dap * 1.05, 4);
                    row[STUDY_DESCRIPTION] = row[STUDY_DESCRIPTION] + " (CORRECTED)";
                }
            }
            engine.sinkRow();
            et = et.plusSeconds(rng.between(30, 90));
        }
    }


    /**
     * A fluoroscopy procedure of the radiography patient, at the same study time (rows stay in study-time order),
     * from the detector stream only: its own accession and UID series, so no other value of the log changes.
     * Children get a voiding cystourethrogram of a few mGy; adults a coronary procedure of 0.4-2.6 Gy reference air
     * kerma over both planes, and now and then (the planted anomaly) a long intervention of 5.2-6.8 Gy, past the
     * substantial radiation dose level, with its peak skin dose.
     */
    private void fluoroscopy(Patient p, LocalDateTime t, int facility) throws IOException {
        double age = p.age(t.toLocalDate());
        boolean child = age < 18;
        Station st = Site.RF[facility];
        long n = ++fluoroCount;
        engine.beginFluoroscopyStudy(p, age, facility, st, n, t);
        boolean planted = !child && detector.chance(0.25);
        row[STUDY_DESCRIPTION] = child ? "FL VOIDING CYSTOURETHROGRAM" : planted ? "XA CORONARY INTERVENTION" : "XA CORONARY ANGIOGRAPHY";
        double karTotal = child ? detector.uniform(1, 6) : planted ? detector.uniform(5200, 6800) : detector.uniform(400, 2600);
        int runs = child ? 1 : 2;
        LocalDateTime et = t.plusMinutes(5);
        for (int k = 0; k < runs; k++) {
            double share = runs == 1 ? 1 : (k == 0 ? 0.6 : 0.4);
            engine.fillEvent(et, k, child ? "VCUG" : "CORONARY", "", child ? "ABDOMEN_PELVIS" : "CHEST", 0, 0, 0, 0, 0);
            row[EVENT_UID] = engine.fluoroscopyEventUid(n, k);
            row[KVP] = fmt(child ? 70 : 85, 0);
            row[DAP_GYCM2] = fmt(karTotal * share * (child ? 0.05 : 0.12), 2);
            row[FLUORO_TIME_S] = fmt(child ? detector.uniform(20, 90) : detector.uniform(300, planted ? 2400 : 900) * share, 0);
            row[KA_R_MGY] = fmt(karTotal * share, 1);
            if (planted && k == 0) row[PEAK_SKIN_DOSE_MGY] = fmt(karTotal * 0.55, 0);
            row[PLANE] = runs == 1 ? "A" : (k == 0 ? "A" : "B");
            engine.sinkRow();
            et = et.plusMinutes(child ? 2 : 20);
        }
    }
}
