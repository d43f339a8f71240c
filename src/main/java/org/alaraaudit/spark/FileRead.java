package org.alaraaudit.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.scanlog.DataWarning;
import org.alaraaudit.scanlog.InputFile;
import org.alaraaudit.scanlog.Pseudonymiser;
import org.alaraaudit.scanlog.IncompleteStudies;
import org.alaraaudit.scanlog.Rejection;
import org.alaraaudit.scanlog.RowValidator;
import org.alaraaudit.scanlog.ScanLogInput;
import org.alaraaudit.scanlog.ScanLogOptions;

/**
 * One input file read on an executor by the single-machine reader and validator, with the same exclusions and
 * keyed hash: its valid rows (each with its place in the input, so the first of a set of equal rows is the one
 * audited, as on one machine) and a summary of what else the file held.
 */
final class FileRead {
    /** A rejection as the cells a Spark task sends back, in {@link Summary#rejectionList()}'s order. */
    static String[] cells(Rejection r) {
        return new String[] {r.file(), Long.toString(r.line()), r.column(), r.value(), r.reason(), r.facility(), r.accessionNumber(),
                r.studyDatetime()};
    }

    private FileRead() {}

    /** What a file's reading yields: rows, and one summary per file. */
    sealed interface Part extends Serializable permits Row, Summary {}

    /** A valid row: its pseudonym, place in the input, what makes it equal to a row of another file, and the row. */
    record Row(String patient, int file, int ordinal, String content, byte[] row) implements Part {}

    /**
     * The file's accounting (duplicates within the file already decided), the rows it rejected and the warnings it
     * raised, each as {file, line, column, value, reason} (a rejection also with the row's facility, accession and
     * study date), the digest of what was read, the keys of the rejected rows' patients (whose identifiers another
     * file's rejected values may be) and the studies the rejected rows leave incomplete.
     */
    record Summary(int file, String name, String path, String sha256, String readAs, String profileSha256, long read,
                   long valid, long duplicates, long rejected, long excluded, List<String[]> rejections, List<String[]> warnings,
                   boolean withoutPatientIds, long[] rejectedPatients, IncompleteStudies incomplete) implements Part {

        InputFile input() { return new InputFile(name, path, sha256, readAs, profileSha256); }

        List<Rejection> rejectionList() {
            return rejections.stream().map(r -> new Rejection(r[0], Long.parseLong(r[1]), r[2], r[3], r[4], r[5], r[6], r[7])).toList();
        }

        List<DataWarning> warningList() {
            return warnings.stream().map(w -> new DataWarning(w[0], Long.parseLong(w[1]), w[2], w[3], w[4])).toList();
        }
    }

    static List<Part> read(int fileIndex, String path, AuditSettings settings, byte[] secret) {
        ExecutorRules rules = ExecutorRules.of(settings);
        List<DataWarning> warnings = new ArrayList<>();
        RowValidator validator = new RowValidator(new Pseudonymiser(secret), settings.now(),
                rules.policy.getUnusualCtdivolMgy(), warnings::add);
        ScanLogInput input = new ScanLogInput(List.of(Path.of(path)), validator, rules.ruleSet.tables().exclusions(), warnings,
                ScanLogOptions.DEFAULTS);
        List<Row> rows = new ArrayList<>();
        input.read((row, ordinal) -> rows.add(new Row(row.patientRef(), fileIndex, ordinal, Encoded.content(row), Encoded.row(row))),
                n -> { });
        List<Part> out = new ArrayList<>(rows.size() + 1);
        for (Row r : rows) if (!input.isDuplicate(r.ordinal())) out.add(r);
        var a = input.accounting();
        InputFile f = input.inputFiles().get(0);
        out.add(new Summary(fileIndex, f.file(), f.path(), f.sha256(), f.readAs(), f.profileSha256(), a.read(), a.audited() + a.duplicate(), a.duplicate(),
                a.rejected(), a.excluded(),
                input.rejections().stream().map(FileRead::cells).toList(),
                input.warnings().stream().map(w -> new String[] {w.file(), Long.toString(w.line()), w.column(), w.value(), w.reason()}).toList(),
                input.patientIdentifiersMissing(), validator.rejectedPatientKeys(), input.incompleteStudies()));
        return out;
    }
}
