package org.alaraaudit.report.files;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.alaraaudit.report.Cells;
import org.alaraaudit.report.CitedStatus;
import org.alaraaudit.report.Disclosure;
import org.alaraaudit.report.ReportFile;
import org.alaraaudit.scanlog.Rejection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * findings.csv and rejected.csv, in the columns the rule catalog fixes, and {@code reference_status} after
 * {@code reference_source}: how far the cited value was verified, which every report must say.
 */
public final class FindingsCsv {
    public static final List<String> FINDING_COLUMNS = List.of("finding_id", "rule_id", "severity", "scope", "facility",
            "station_name", "accession_number", "study_datetime", "patient_ref", "age_years", "protocol_name",
            "target_region", "quantity", "measured_value", "reference_value", "unit", "reference_source",
            "reference_status", "message", "input_lines");
    /** The columns that describe the patient (pseudonym and age), left out when patients may not be shown. */
    public static final List<String> PATIENT_COLUMNS = List.of("patient_ref", "age_years");
    /** The rule catalog's five, then the row's study as its cells give it, to find the study a rejected row leaves incomplete. */
    public static final List<String> REJECTED_COLUMNS = List.of("file", "line", "column", "value", "reason", "facility",
            "accession_number", "study_datetime");

    private FindingsCsv() {}

    /** The columns this disclosure allows: without patient_ref and age_years when patients may not be shown. */
    public static List<String> findingColumns(Disclosure shown) {
        if (shown.showsPatients()) return FINDING_COLUMNS;
        return FINDING_COLUMNS.stream().filter(c -> !PATIENT_COLUMNS.contains(c)).toList();
    }

    /** {@code shown}: an accreditation template writes no pseudonym and no age (the columns are left out). */
    public static void writeFindings(AuditResult result, Disclosure shown, Path target) throws IOException {
        List<String> columns = findingColumns(shown);
        CitedStatus cited = CitedStatus.of(result);
        ReportFile.write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter p = new CSVPrinter(w, format(columns))) {
                List<String> values = new ArrayList<>(FINDING_COLUMNS.size());
                for (Finding f : result.findings()) {
                    values.clear();
                    values.addAll(List.of(f.findingId(), f.ruleId(), f.severity().name(), nz(f.scope()), text(f.facility()),
                            text(f.stationName()), text(f.accessionNumber()),
                            f.studyDatetime() == null ? "" : f.studyDatetime().toString()));
                    if (shown.showsPatients()) {
                        values.add(text(f.patientRef()));
                        values.add(Cells.number(shown.age(f)));
                    }
                    values.addAll(List.of(text(f.protocolName()),
                            f.targetRegion() == null ? "" : f.targetRegion().name(), text(f.quantity()),
                            Cells.number(shown.measuredValue(f)), Cells.number(f.referenceValue()), text(f.unit()),
                            text(f.referenceSource()), nz(cited.of(f)), text(shown.message(f)), text(f.inputLinesText())));
                    p.printRecord(values);
                }
            }
        });
    }

    private static String nz(String s) { return s == null ? "" : s; }

    /** {@code shown}: an accreditation template withholds a rejected age as it withholds the findings' ages. */
    public static void writeRejected(AuditResult result, Disclosure shown, Path target) throws IOException {
        ReportFile.write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter p = new CSVPrinter(w, format(REJECTED_COLUMNS))) {
                for (Rejection r : result.rejected()) {
                    p.printRecord(text(r.file()), r.line(), text(r.column()), text(shown.inputValue(r.column(), r.value())), text(r.reason()),
                            text(r.facility()), text(r.accessionNumber()), text(r.studyDatetime()));
                }
            }
        });
    }

    private static CSVFormat format(List<String> header) {
        return CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get();
    }

    private static String text(String s) { return Cells.safeText(s); }
}
