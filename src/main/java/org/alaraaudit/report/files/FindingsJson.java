package org.alaraaudit.report.files;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.ComplianceFigures;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.audit.aggregate.MarrowDoseProfile;
import org.alaraaudit.audit.RunInfo;
import org.alaraaudit.model.Finding;
import org.alaraaudit.report.Cells;
import org.alaraaudit.report.CitedStatus;
import org.alaraaudit.report.Disclosure;
import org.alaraaudit.report.ReportFile;
import org.alaraaudit.scanlog.DataWarning;
import org.alaraaudit.scanlog.InputFile;
import org.alaraaudit.scanlog.Rejection;

/**
 * findings.json: the findings with the run's metadata, row accounting, figures, DRL table and rejected rows.
 * Streamed, so a million findings do not need a document tree in memory; values stay raw (machine output).
 */
public final class FindingsJson {
    private FindingsJson() {}

    /** {@code shown}: an accreditation template writes no patient_ref and no age_years, and messages without ages. */
    public static void write(AuditResult result, Disclosure shown, Path target) throws IOException {
        ReportFile.write(target, out -> {
            try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                run(g, result.run());
                g.writeStringField("disclosure", shown.showsPatients() ? "patient-level" : "aggregate");
                g.writeObjectFieldStart("rows");
                g.writeNumberField("read", result.rows().read());
                g.writeNumberField("audited", result.rows().audited());
                g.writeNumberField("rejected", result.rows().rejected());
                g.writeNumberField("duplicate", result.rows().duplicate());
                g.writeNumberField("excluded", result.rows().excluded());
                g.writeNumberField("audited_outside_period", result.rowsOutsidePeriod());
                g.writeNumberField("data_warnings", result.warnings().size());
                g.writeEndObject();
                figures(g, result);
                g.writeArrayFieldStart("drl_groups");
                for (DrlGroup d : result.drlGroups()) drlGroup(g, d);
                g.writeEndArray();
                g.writeArrayFieldStart("findings");
                CitedStatus cited = CitedStatus.of(result);
                for (Finding f : result.findings()) finding(g, f, cited, shown);
                g.writeEndArray();
                g.writeArrayFieldStart("rejected");
                for (Rejection r : result.rejected()) {
                    g.writeStartObject();
                    fields(g, r.file(), r.line(), r.column(), shown.inputValue(r.column(), r.value()), r.reason());
                    g.writeStringField("facility", r.facility());
                    g.writeStringField("accession_number", r.accessionNumber());
                    g.writeStringField("study_datetime", r.studyDatetime());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("data_warnings");
                for (DataWarning w : result.warnings()) cell(g, w.file(), w.line(), w.column(), shown.inputValue(w.column(), w.value()), w.reason());
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    /** A rejected row or a data warning: where it is in the input and what is wrong with it. */
    private static void cell(JsonGenerator g, String file, long line, String column, String value, String reason) throws IOException {
        g.writeStartObject();
        fields(g, file, line, column, value, reason);
        g.writeEndObject();
    }

    private static void fields(JsonGenerator g, String file, long line, String column, String value, String reason) throws IOException {
        g.writeStringField("file", file);
        g.writeNumberField("line", line);
        g.writeStringField("column", column);
        g.writeStringField("value", value);
        g.writeStringField("reason", reason);
    }

    private static void run(JsonGenerator g, RunInfo run) throws IOException {
        g.writeObjectFieldStart("run");
        g.writeStringField("tool_version", run.toolVersion());
        g.writeStringField("rule_set_digest", run.ruleSetDigest());
        g.writeStringField("rule_set", run.ruleSetLocation());
        g.writeArrayFieldStart("inputs");
        for (InputFile f : run.inputs()) {
            g.writeStartObject();
            g.writeStringField("file", f.file());
            g.writeStringField("sha256", f.sha256());
            g.writeStringField("read_as", f.readAs());
            if (f.profileSha256() != null) g.writeStringField("profile_sha256", f.profileSha256());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("period");
        g.writeStringField("from", run.period().from() == null ? null : run.period().from().toString());
        g.writeStringField("to", run.period().to() == null ? null : run.period().to().toString());
        g.writeBooleanField("whole_input", !run.periodGiven());
        g.writeEndObject();
        num(g, "pediatric_age_years", run.pediatricAgeYears());
        g.writeStringField("drl_set", run.drlSet());
        g.writeStringField("institution", run.institution());
        g.writeStringField("generated_at", run.generatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        g.writeEndObject();
    }

    private static void figures(JsonGenerator g, AuditResult result) throws IOException {
        ComplianceFigures f = result.figures();
        g.writeObjectFieldStart("figures");
        g.writeNumberField("studies", f.studies());
        g.writeNumberField("pediatric_studies", f.pediatricStudies());
        g.writeNumberField("events", f.events());
        g.writeNumberField("ct_studies", f.ctStudies());
        g.writeNumberField("pediatric_ct_studies", f.pediatricCtStudies());
        g.writeNumberField("pediatric_ct_studies_with_adult_protocol", f.pediatricCtStudiesWithAdultProtocol());
        num(g, "pediatric_protocol_compliance", Cells.rounded(f.pediatricProtocolCompliance(), 6));
        g.writeNumberField("ct_studies_repeated", f.ctStudiesRepeated());
        num(g, "repeat_rate", Cells.rounded(f.repeatRate(), 6));
        map(g, "studies_by_modality", f.studiesByModality());
        map(g, "studies_by_facility", f.studiesByFacility());
        map(g, "findings_by_rule", f.findingsByRule());
        map(g, "findings_by_severity", f.findingsBySeverity());
        map(g, "findings_by_facility", f.findingsByFacility());
        facilities(g, result);
        map(g, "findings_by_station", f.findingsByStation());
        map(g, "findings_by_protocol", f.findingsByProtocol());
        marrowProfile(g, f.cumulativeMarrowDoseProfile());
        g.writeEndObject();
    }

    /** How many of the period's pediatric CT patients fall in each band of estimated cumulative marrow dose. */
    /** The reports' by-facility table (FacilityHeadline): what a registry compares its sites on. */
    private static void facilities(JsonGenerator g, AuditResult result) throws IOException {
        g.writeArrayFieldStart("facilities");
        for (org.alaraaudit.report.FacilityHeadline h : org.alaraaudit.report.FacilityHeadline.of(result)) {
            var site = h.figures();
            g.writeStartObject();
            g.writeStringField("facility", site.facility());
            g.writeNumberField("studies", site.studies());
            g.writeNumberField("pediatric_studies", site.pediatricStudies());
            g.writeNumberField("ct_studies", site.ctStudies());
            g.writeNumberField("pediatric_ct_studies", site.pediatricCtStudies());
            g.writeNumberField("pediatric_ct_studies_with_adult_protocol", site.pediatricCtStudiesWithAdultProtocol());
            num(g, "pediatric_protocol_compliance", Cells.rounded(site.pediatricProtocolCompliance(), 6));
            g.writeNumberField("ct_studies_repeated", site.ctStudiesRepeated());
            num(g, "repeat_rate", Cells.rounded(site.repeatRate(), 6));
            g.writeNumberField("findings", site.findings());
            g.writeNumberField("critical", h.critical());
            g.writeNumberField("major", h.major());
            g.writeNumberField("drl_groups_above", h.drlGroupsAbove());
            g.writeNumberField("drl_groups_judged", h.drlGroupsJudged());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void marrowProfile(JsonGenerator g, MarrowDoseProfile p) throws IOException {
        if (p == null) return;
        g.writeObjectFieldStart("cumulative_marrow_dose_profile");
        g.writeStringField("unit", MarrowDoseProfile.UNIT);
        g.writeNumberField("window_days", p.windowDays());
        g.writeNumberField("pediatric_ct_patients", p.patients());
        g.writeObjectFieldStart("bands");
        g.writeNumberField("<10", p.below10());
        g.writeNumberField("10-<50", p.from10To50());
        g.writeNumberField("50-<100", p.from50To100());
        g.writeNumberField(">=100", p.atLeast100());
        g.writeEndObject();
        g.writeNumberField("not_estimated", p.notEstimated());
        num(g, "phantom_factor_32_to_16", p.phantomFactor32To16());
        g.writeStringField("phantom_factor_note", "policy choice, not a published constant: " + p.phantomFactorSource());
        g.writeStringField("meaning", "estimated red bone marrow dose from reference phantoms (NCICT), summed over the look-back "
                + "window; for finding patients to review, never an individual risk");
        g.writeEndObject();
    }

    private static void drlGroup(JsonGenerator g, DrlGroup d) throws IOException {
        g.writeStartObject();
        g.writeStringField("facility", d.facility());
        g.writeStringField("exam_type", d.examType());
        // exam_type stays the group's key (finding ids, the history); exam_name says what the DRL row is for.
        g.writeStringField("exam_name", d.examName());
        g.writeStringField("band", d.band());
        g.writeStringField("quantity", d.quantity());
        g.writeNumberField("n", d.n());
        num(g, "median", Cells.rounded(d.median(), 4));
        num(g, "p75", Cells.rounded(d.p75(), 4));
        // The median's 95 % interval (distribution-free; none below 6 values): whether an excess is more than the sample.
        num(g, "median_ci_low", d.medianInterval() == null ? null : Cells.rounded(d.medianInterval().low(), 4));
        num(g, "median_ci_high", d.medianInterval() == null ? null : Cells.rounded(d.medianInterval().high(), 4));
        num(g, "drl", d.drl());
        num(g, "ratio", Cells.rounded(d.ratio(), 4));
        g.writeStringField("status", d.status());
        g.writeNumberField("phantom_cm", d.phantomCm());
        g.writeNumberField("studies", d.studies());
        g.writeStringField("drl_set", d.drlSet());
        g.writeNumberField("drl_phantom_cm", d.drlPhantomCm());
        g.writeStringField("note", d.note());
        g.writeStringField("source", d.source());
        g.writeEndObject();
    }

    private static void finding(JsonGenerator g, Finding f, CitedStatus cited, Disclosure shown) throws IOException {
        g.writeStartObject();
        g.writeStringField("finding_id", f.findingId());
        g.writeStringField("rule_id", f.ruleId());
        g.writeStringField("severity", f.severity().name());
        g.writeStringField("scope", f.scope());
        g.writeStringField("facility", f.facility());
        g.writeStringField("station_name", f.stationName());
        g.writeStringField("accession_number", f.accessionNumber());
        g.writeStringField("study_datetime", f.studyDatetime() == null ? null : f.studyDatetime().toString());
        if (shown.showsPatients()) {
            g.writeStringField("patient_ref", f.patientRef());
            num(g, "age_years", shown.age(f));
        }
        g.writeStringField("protocol_name", f.protocolName());
        g.writeStringField("standard_protocol", f.standardProtocol());
        g.writeStringField("target_region", f.targetRegion() == null ? null : f.targetRegion().name());
        g.writeStringField("quantity", f.quantity());
        num(g, "measured_value", Cells.rounded(shown.measuredValue(f), 4));
        num(g, "reference_value", Cells.rounded(f.referenceValue(), 4));
        g.writeStringField("unit", f.unit());
        g.writeStringField("reference_source", f.referenceSource());
        g.writeStringField("reference_status", cited.of(f));
        g.writeStringField("message", shown.message(f));
        g.writeStringField("related_accession_number", f.relatedAccessionNumber());
        g.writeArrayFieldStart("input_lines");
        for (var l : f.inputLines()) g.writeString(l.toString());
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void num(JsonGenerator g, String name, Double v) throws IOException {
        if (v == null) g.writeNullField(name);
        else if (v == Math.rint(v) && Math.abs(v) < 1e15) g.writeNumberField(name, v.longValue());
        else g.writeNumberField(name, v);
    }

    private static void map(JsonGenerator g, String name, Map<String, Long> m) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> e : m.entrySet()) g.writeNumberField(e.getKey(), e.getValue());
        g.writeEndObject();
    }
}
