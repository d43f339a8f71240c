package org.alaraaudit.report.excel;

import java.util.List;
import org.alaraaudit.audit.aggregate.ProjectionFigures;
import org.alaraaudit.model.Finding;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The radiography and fluoroscopy figures as sheets: typical values, the deviation index per station, the retake
 * rates per station and body part, and the patient follow-up list: the findings of every rule with a follow-up in
 * its metadata, such as the procedures past the substantial radiation dose level for a skin check (a list of
 * patients, so only where the report may show them).
 */
final class ProjectionSheets {
    static final String TYPICAL = "X-ray typical values";
    static final String DEVIATION = "Exposure index";
    static final String RETAKES = "Retake rates";
    /** The follow-up list's sheet, named as before a site could add its own follow-up rules. */
    static final String SKIN = "Skin follow-up";

    private ProjectionSheets() {}

    /** Every typical value with its DRL comparison: the status, the DRL and which row it is, its source and status. */
    static Table typicalValues(Workbook wb, Styles styles, ProjectionFigures p, Integer minSampleStudies, int rowsPerSheet) {
        Table t = new Table(wb, styles, TYPICAL, List.of(Column.of("facility", 22), Column.of("kind", 12),
                Column.of("exam", 26), Column.of("band", 10), Column.num("exposures or procedures", 12),
                Column.num("studies", 9), Column.num("median DAP (Gy·cm²)", 12), Column.num("DRL (Gy·cm²)", 11),
                Column.num("ratio to DRL", 9), Column.of("DRL status", 20), Column.of("DRL comparison", 40),
                Column.of("DRL row (set, exam, band)", 30), Column.of("DRL reference status", 28), Column.of("DRL source", 60)),
                rowsPerSheet).open();
        for (ProjectionFigures.TypicalValue v : p.typicalValues()) {
            t.row().text(v.facility()).text(v.kind()).text(v.exam()).text(v.band()).count(v.count()).count(v.studies())
                    .dose(v.medianDapGycm2()).dose(v.drlDapGycm2()).decimal(v.ratio()).text(v.statusWords())
                    .wrapped(v.comparison(minSampleStudies)).wrapped(v.drlRow()).wrapped(v.drlStanding()).wrapped(v.drlSource());
        }
        t.finish();
        return t;
    }

    static Table deviationIndex(Workbook wb, Styles styles, ProjectionFigures p, int rowsPerSheet) {
        Table t = new Table(wb, styles, DEVIATION, List.of(Column.of("facility", 22), Column.of("station", 16),
                Column.num("radiographs with DI", 12), Column.num("DI median", 10), Column.num("DI 25th percentile", 10),
                Column.num("DI 75th percentile", 10), Column.num("above the overexposure level", 12),
                Column.num("below the underexposure level", 12)), rowsPerSheet).open();
        for (ProjectionFigures.DeviationSpread d : p.deviationIndex()) {
            t.row().text(d.facility()).text(d.station()).count(d.count()).decimal(d.median()).decimal(d.p25())
                    .decimal(d.p75()).count(d.above()).count(d.below());
        }
        t.finish();
        return t;
    }

    static Table retakes(Workbook wb, Styles styles, ProjectionFigures p, int rowsPerSheet) {
        Table t = new Table(wb, styles, RETAKES, List.of(Column.of("facility", 22), Column.of("station", 16),
                Column.of("body part", 16), Column.num("exposures", 10), Column.num("retakes", 10),
                Column.num("retake rate", 10), Column.of("above the local target", 60)), rowsPerSheet).open();
        for (ProjectionFigures.RetakeRate r : p.retakes()) {
            t.row().text(r.facility()).text(r.station()).text(r.bodyPart()).count(r.exposures()).count(r.retakes())
                    .decimal(r.rate()).text(r.aboveTarget() ? "yes (local policy target " + org.alaraaudit.rules.Messages.number(p.retakeTarget()) + ")" : "");
        }
        t.finish();
        return t;
    }

    /**
     * The patients to call back, by procedure date: each follow-up finding with its rule and the rule's suggested
     * action as the advice. The rule columns come last, so the columns of the earlier skin-only sheet keep their places.
     */
    static Table skinFollowUp(Workbook wb, Styles styles, org.alaraaudit.audit.FollowUps followUps, int rowsPerSheet) {
        Table t = new Table(wb, styles, SKIN, List.of(Column.of("patient_ref", 16), Column.num("age (years)", 9),
                Column.of("facility", 18), Column.of("station", 16), Column.of("accession_number", 16),
                Column.of("procedure start", 17), Column.of("quantity", 14), Column.num("value (mGy)", 10),
                Column.num("level (mGy)", 10), Column.of("advice", 50), Column.of("finding_id", 18), Column.of("rule_id", 26),
                Column.of("follow-up", 40)), rowsPerSheet)
                .titleColumns(1).open();
        for (Finding f : followUps.byDate()) {
            t.row().text(f.patientRef()).number(org.alaraaudit.report.Cells.age(f.ageYears()), styles.decimal)
                    .text(f.facility()).text(f.stationName()).text(f.accessionNumber()).dateTime(f.studyDatetime())
                    .text(f.quantity()).decimal(f.measuredValue()).decimal(f.referenceValue())
                    .wrapped(followUps.advice(f)).text(f.findingId()).text(f.ruleId())
                    .wrapped(followUps.rule(f.ruleId()).followUp());
        }
        t.finish();
        return t;
    }
}
