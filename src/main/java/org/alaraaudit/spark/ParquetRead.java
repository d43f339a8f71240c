package org.alaraaudit.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.scanlog.CanonicalColumn;
import org.alaraaudit.scanlog.DataWarning;
import org.alaraaudit.scanlog.Pseudonymiser;
import org.alaraaudit.scanlog.RawRow;
import org.alaraaudit.scanlog.IncompleteStudies;
import org.alaraaudit.scanlog.Rejection;
import org.alaraaudit.scanlog.RowValidator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Parquet scan logs, read by Spark where they lie (columns named as the canonical CSV headers): each row becomes
 * the raw row the CSV reader would have made, with the Parquet file and row number (1-based) in place of file and
 * line, and goes through the same exclusions and validator. Parquet has no line-level duplicates of its own:
 * every duplicate is decided across all files, first file (by path) and row wins.
 */
final class ParquetRead {
    private ParquetRead() {}

    static JavaRDD<FileRead.Part> parts(SparkSession session, String path, AuditSettings settings, Broadcast<byte[]> secret) {
        Dataset<Row> rows = session.read().parquet(path)
                .withColumn("\u0000file", functions.col("_metadata.file_path"))
                .withColumn("\u0000row", functions.col("_metadata.row_index"));
        List<String> files = rows.select("\u0000file").distinct().sort("\u0000file").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        String[] columns = rows.columns();
        return rows.toJavaRDD().mapPartitionsWithIndex((partition, it) -> validate(partition, it, columns, files, settings,
                secret.value()), false);
    }

    private static Iterator<FileRead.Part> validate(int partition, Iterator<Row> it, String[] columns, List<String> files,
                                                    AuditSettings settings, byte[] secret) {
        ExecutorRules rules = ExecutorRules.of(settings);
        List<DataWarning> warnings = new ArrayList<>();
        RowValidator validator = new RowValidator(new Pseudonymiser(secret), settings.now(), rules.policy.getUnusualCtdivolMgy(),
                warnings::add);
        List<FileRead.Part> out = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        IncompleteStudies.Builder incomplete = new IncompleteStudies.Builder();
        long read = 0, valid = 0, rejected = 0, excluded = 0;
        while (it.hasNext()) {
            Row r = it.next();
            String file = r.getString(r.fieldIndex("\u0000file"));
            long row = r.getLong(r.fieldIndex("\u0000row"));
            Map<CanonicalColumn, String> cells = new HashMap<>();
            Map<String, String> extras = new HashMap<>();
            for (int i = 0; i < columns.length; i++) {
                if (columns[i].startsWith("\u0000") || r.isNullAt(i)) continue;
                String text = r.get(i).toString().trim();
                if (text.isEmpty()) continue;
                String header = columns[i].trim().toLowerCase(Locale.ROOT);
                CanonicalColumn.forHeader(header).ifPresentOrElse(c -> cells.put(c, text), () -> extras.put(header, text));
            }
            String name = file.substring(file.lastIndexOf('/') + 1);
            RawRow raw = new RawRow(new SourceLine(name, row + 1), cells, extras, false);
            read++;
            if (rules.ruleSet.tables().exclusions().match(raw).isPresent()) {
                excluded++;
                continue;
            }
            RowValidator.Outcome outcome = validator.validate(raw);
            if (outcome.rejection() != null) {
                rejected++;
                rejections.add(outcome.rejection());
                incomplete.rejected(raw, validator::patientRef);
                continue;
            }
            valid++;
            out.add(new FileRead.Row(outcome.row().patientRef(), files.indexOf(file), (int) row,
                    Encoded.content(outcome.row()), Encoded.row(outcome.row())));
        }
        validator.withholdPatientIdentifiers(rejections, warnings);
        out.add(new FileRead.Summary(partition, "partition-" + partition, null, null, null, null, read, valid, 0, rejected, excluded,
                rejections.stream().map(FileRead::cells).toList(),
                warnings.stream().map(w -> new String[] {w.file(), Long.toString(w.line()), w.column(), w.value(), w.reason()}).toList(),
                false, validator.rejectedPatientKeys(), incomplete.build()));
        return out.iterator();
    }
}
