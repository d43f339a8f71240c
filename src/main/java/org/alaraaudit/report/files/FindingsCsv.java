package org.alaraaudit.report.files;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.alaraaudit.report.Cells;
import org.alaraaudit.report.ReportFile;
import org.alaraaudit.scanlog.Rejection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** findings.csv and rejected.csv, in the columns the rule catalog fixes. */
public final class FindingsCsv {
    public static final List<String> FINDING_COLUMNS = List.of("finding_id", "rule_id", "severity", "scope", "facility",
            "station_name", "accession_number", "study_datetime", "patient_ref", "age_years", "protocol_name",
            "target_region", "quantity", "measured_value", "reference_value", "unit", "reference_source", "message",
            "input_lines");
    public static final List<String> REJECTED_COLUMNS = List.of("file", "line", "column", "value", "reason");

    private FindingsCsv() {}

    public static void writeFindings(AuditResult result, Path target) throws IOException {
        ReportFile.write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter p = new CSVPrinter(w, format(FINDING_COLUMNS))) {
                for (Finding f : result.findings()) {
                    p.printRecord(f.findingId(), f.ruleId(), f.severity().name(), f.scope(), text(f.facility()),
                            text(f.stationName()), text(f.accessionNumber()),
                            f.studyDatetime() == null ? "" : f.studyDatetime().toString(), text(f.patientRef()),
                            Cells.number(Cells.age(f.ageYears())), text(f.protocolName()),
                            f.targetRegion() == null ? "" : f.targetRegion().name(), text(f.quantity()),
                            Cells.number(f.measuredValue()), Cells.number(f.referenceValue()), text(f.unit()),
                            text(f.referenceSource()), text(f.message()), text(f.inputLinesText()));
                }
            }
        });
    }

    public static void writeRejected(AuditResult result, Path target) throws IOException {
        ReportFile.write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter p = new CSVPrinter(w, format(REJECTED_COLUMNS))) {
                for (Rejection r : result.rejected()) {
                    p.printRecord(text(r.file()), r.line(), text(r.column()), text(r.value()), text(r.reason()));
                }
            }
        });
    }

    private static CSVFormat format(List<String> header) {
        return CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get();
    }

    private static String text(String s) { return Cells.safeText(s); }
}
