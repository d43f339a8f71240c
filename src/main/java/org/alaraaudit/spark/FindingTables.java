package org.alaraaudit.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.model.Finding;
import org.alaraaudit.report.CitedStatus;
import org.alaraaudit.scanlog.Rejection;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The findings as tables a data lake queries: Parquet and CSV, partitioned by facility and month, written by the
 * executors that hold them; and the rejected rows with their file and line. The pseudonym is the only patient
 * reference; no patient id or birth date is in any of them.
 */
final class FindingTables {
    private FindingTables() {}

    static final StructType FINDING = new StructType(new StructField[] {
            field("finding_id"), field("rule_id"), field("severity"), field("scope"), field("facility"), field("month"),
            field("station_name"), field("accession_number"), field("study_datetime"), field("patient_ref"),
            field("protocol_name"), field("standard_protocol"), field("quantity"),
            DataTypes.createStructField("measured_value", DataTypes.DoubleType, true), field("unit"),
            DataTypes.createStructField("reference_value", DataTypes.DoubleType, true), field("reference_source"),
            field("reference_status"), field("message"), field("input_lines")});

    static final StructType REJECTION = new StructType(new StructField[] {
            field("file"), DataTypes.createStructField("line", DataTypes.LongType, false), field("column"), field("value"),
            field("reason"), field("facility"), field("accession_number"), field("study_datetime")});

    private static StructField field(String name) { return DataTypes.createStructField(name, DataTypes.StringType, true); }

    static void write(SparkSession session, JavaRDD<byte[]> findings, CitedStatus cited, List<Rejection> rejected, Path out) {
        Dataset<Row> table = session.createDataFrame(findings.map(b -> row(Encoded.finding(b), cited)), FINDING);
        table.write().mode(SaveMode.ErrorIfExists).partitionBy("facility", "month").parquet(out.resolve("findings-parquet").toString());
        table.write().mode(SaveMode.ErrorIfExists).partitionBy("facility", "month").option("header", "true")
                .csv(out.resolve("findings-csv").toString());
        List<Row> rows = new ArrayList<>(rejected.size());
        for (Rejection r : rejected) {
            rows.add(RowFactory.create(r.file(), r.line(), r.column(), r.value(), r.reason(), r.facility(), r.accessionNumber(),
                    r.studyDatetime()));
        }
        session.createDataFrame(rows, REJECTION).coalesce(1).write().mode(SaveMode.ErrorIfExists).option("header", "true")
                .csv(out.resolve("rejected-csv").toString());
    }

    static Row row(Finding f, CitedStatus cited) {
        // A period-level finding has no study time: its month is the period's, unknown here, so "all".
        String month = f.studyDatetime() == null ? "all" : f.studyDatetime().toLocalDate().toString().substring(0, 7);
        return RowFactory.create(f.findingId(), f.ruleId(), f.severity().name(), f.scope(),
                f.facility() == null ? "(none)" : f.facility(), month, f.stationName(), f.accessionNumber(),
                f.studyDatetime() == null ? null : f.studyDatetime().toString(), f.patientRef(), f.protocolName(),
                f.standardProtocol(), f.quantity(), f.measuredValue(), f.unit(), f.referenceValue(), f.referenceSource(),
                cited.of(f), f.message(), f.inputLinesText());
    }
}
