package org.alaraaudit.scanlog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads every input file in turn and sorts each row into audited, rejected, duplicate or excluded. Rows are
 * streamed to the sink one by one; only the rejections and warnings are kept.
 */
public final class ScanLogInput {
    private static final List<String> SCAN_LOG_EXTENSIONS = List.of(".csv", ".txt", ".xlsx");

    /** Why a folder's README or licence is not read, as every command says it. */
    public static final String NOTES = "whose first line names no scan-log column (notes beside the exports)";

    /** "not reading 2 text files whose ...: a, b": the line a command prints of files it leaves out; null for none. */
    public static String notReading(List<Path> files, String noun, String why) {
        if (files.isEmpty()) return null;
        return "not reading " + files.size() + " " + noun + (files.size() == 1 ? " " : "s ") + why + ": "
                + String.join(", ", files.stream().sorted().limit(3).map(Path::toString).toList()) + (files.size() > 3 ? ", ..." : "");
    }

    /** What the reports say of REPEAT_STUDY and CUMULATIVE_DOSE when {@link #patientIdentifiersMissing()}. */
    public static final String NO_PATIENT_ID = "not assessable: the export has no patient identifier";

    private final List<Path> files;
    private final RowValidator validator;
    private final Exclusions exclusions;
    private final RowAccounting accounting = new RowAccounting();
    private long validRows;
    private java.util.BitSet duplicateRows;
    private final List<Rejection> rejections = new ArrayList<>();
    /** The studies the rejected rows leave incomplete, by their cells as read (see {@link IncompleteStudies}). */
    private final IncompleteStudies.Builder incomplete = new IncompleteStudies.Builder();
    private final List<DataWarning> warnings;
    private final List<InputFile> inputFiles = new ArrayList<>();
    private final ScanLogOpener opener;
    private final List<String> filesWithoutPatientIds = new ArrayList<>();
    private final Map<String, String> profiles = new LinkedHashMap<>();
    private long parallelFromBytes = CsvChunks.PARALLEL_FROM_BYTES;
    private int chunkBytes = CsvChunks.CHUNK_BYTES;
    /** The file being read lacks dose columns its CT rows need, warned about at its first CT row; null when not. */
    private AbsentDoseColumns absentDoseColumns;

    /**
     * Receives each row that passed exclusions and validation, with its ordinal among them. Whether it is a
     * duplicate is known only when the whole input is read: ask {@link #isDuplicate(int)} then.
     */
    public interface RowSink {
        void accept(ScanRow row, int ordinal);
    }

    /** Rows seen so far, for progress displays. */
    public interface Progress {
        void rowsRead(long rows);
    }

    public ScanLogInput(List<Path> inputs, RowValidator validator, Exclusions exclusions, List<DataWarning> warnings) {
        this(inputs, validator, exclusions, warnings, ScanLogOptions.DEFAULTS);
    }

    public ScanLogInput(List<Path> inputs, RowValidator validator, Exclusions exclusions, List<DataWarning> warnings,
                        ScanLogOptions options) {
        this.files = expand(inputs);
        this.validator = validator;
        this.exclusions = exclusions;
        this.warnings = warnings;
        this.opener = new ScanLogOpener(options);
        for (Path f : files) {
            // Opening checks the header: a file that cannot be audited stops the run before any row is read.
            try (ScanLogReader header = opener.open(f)) {
                profiles.put(f.toString(), header.profileName());
                if (!header.hasPatientIdentifiers()) filesWithoutPatientIds.add(header.fileName());
            }
        }
    }

    /** Files are taken as given; folders contribute their scan logs, in name order so runs are reproducible. */
    public static List<Path> expand(List<Path> inputs) { return expand(inputs, p -> false); }

    /** As {@link #expand(List)}, leaving out the files of folders that {@code skip} names (the tool's own reports). */
    public static List<Path> expand(List<Path> inputs, java.util.function.Predicate<Path> skip) {
        return expand(inputs, skip, ScanLogOptions.DEFAULTS, f -> { });
    }

    /**
     * As {@link #expand(List, java.util.function.Predicate)}; a folder's {@code .txt} file whose first line names
     * no column of the layout {@code options} name, nor of any shipped one (a README, a licence), is handed to
     * {@code notScanLog} instead: exports come as .txt too, but a folder of them often holds such notes. A .txt
     * file named on its own is always read, and a header that names some columns but not enough stops the run
     * as before, so a scan log with a damaged header is never passed over.
     */
    public static List<Path> expand(List<Path> inputs, java.util.function.Predicate<Path> skip, ScanLogOptions options,
                                    java.util.function.Consumer<Path> notScanLog) {
        ScanLogOpener opener = new ScanLogOpener(options);
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    List<Path> found = s.filter(Files::isRegularFile).filter(ScanLogInput::looksLikeScanLog).filter(f -> !skip.test(f))
                            .sorted().toList();
                    List<Path> notes = new ArrayList<>();
                    found = found.stream().filter(f -> {
                        boolean note = isText(f) && opener.namesNoScanLogColumn(f);
                        if (note) notes.add(f);
                        return !note;
                    }).toList();
                    if (found.isEmpty()) {
                        throw new ScanLogException(p + ": the folder holds no scan logs (*.csv, *.xlsx) or DICOM dose reports"
                                + (notes.isEmpty() ? "" : "; left out as notes, their first line naming no scan-log column: "
                                + String.join(", ", notes.stream().map(f -> f.getFileName().toString()).toList())
                                // exports of the site's own layout look like notes until their profile is named
                                + (options.profile() == null ? " (exports of a layout of your own need --profile FILE)" : "")));
                    }
                    notes.forEach(notScanLog);
                    out.addAll(found);
                } catch (IOException e) {
                    throw new ScanLogException(p + ": the folder cannot be read: " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new ScanLogException(p + ": no such file or folder");
            }
        }
        if (out.isEmpty()) throw new ScanLogException("no input files were given");
        return out;
    }

    private static boolean isText(Path p) { return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt"); }

    private static boolean looksLikeScanLog(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        // "~$name.xlsx" is the lock file Excel leaves next to an open workbook, not a workbook.
        if (n.startsWith(".") || n.startsWith("~$")) return false;
        if (SCAN_LOG_EXTENSIONS.stream().anyMatch(n::endsWith) || n.endsWith(".dcm")) return true;
        // DICOM files often have no extension (a PACS export's IM000001); DICOM JSON ends in .json like other JSON.
        return org.alaraaudit.dicom.DoseReportFile.detect(p) != null;
    }

    public void read(RowSink sink, Progress progress) { read(sink, progress, DuplicateFilter.IN_MEMORY_KEYS); }

    /** As {@link #read(RowSink, Progress)}, holding at most {@code inMemoryKeys} duplicate keys in memory before spilling. */
    public void read(RowSink sink, Progress progress, int inMemoryKeys) {
        try (DuplicateFilter duplicates = new DuplicateFilter(inMemoryKeys)) {
            read(sink, progress, duplicates);
            duplicateRows = duplicates.duplicates();
        }
        validator.withholdPatientIdentifiers(rejections, warnings);
        accounting.countValid(validRows, duplicateRows.cardinality());
    }

    /**
     * Reads canonical CSV files of at least {@code fromBytes} on two threads in chunks of {@code chunkBytes}
     * (defaults: {@link CsvChunks#PARALLEL_FROM_BYTES}, {@link CsvChunks#CHUNK_BYTES}); small values let a test
     * split a small file.
     */
    void splitCsv(long fromBytes, int chunkBytes) {
        this.parallelFromBytes = fromBytes;
        this.chunkBytes = chunkBytes;
    }

    /** True when the valid row of this ordinal repeats an earlier row; known once {@link #read} has returned. */
    public boolean isDuplicate(int ordinal) {
        if (duplicateRows == null) throw new IllegalStateException("duplicates are known once the input is read");
        return duplicateRows.get(ordinal);
    }

    private void read(RowSink sink, Progress progress, DuplicateFilter duplicates) {
        for (Path f : files) {
            FileStamp opened = FileStamp.of(f);
            try (ScanLogReader reader = opener.open(f)) {
                absentDoseColumns = AbsentDoseColumns.of(reader);
                String digest;
                if (reader instanceof CsvScanLogReader csv && opened.size() >= parallelFromBytes) {
                    try (CsvChunks chunks = new CsvChunks(f, csv.table(), exclusions, validator, chunkBytes)) {
                        chunks.read(row -> take(row, sink, duplicates, progress));
                        digest = chunks.sha256();
                    }
                } else {
                    while (reader.hasNext()) take(CsvChunks.CheckedRow.of(reader.next(), exclusions, validator), sink, duplicates, progress);
                    digest = reader.sha256();
                }
                opened.checkUnchanged(f);
                // The digest of what the reader consumed, not of the file now: the report names what was audited.
                inputFiles.add(new InputFile(f.getFileName().toString(), f.toString(), digest, reader.readAs(),
                        reader.profileSha256()));
            }
        }
        progress.rowsRead(accounting.read());
    }

    /** One row, in input order, whichever thread read and checked it. */
    private void take(CsvChunks.CheckedRow row, RowSink sink, DuplicateFilter duplicates, Progress progress) {
        accounting.countRead();
        warnIfPatientStandsForStudy(row.raw());
        classify(row, sink, duplicates);
        if ((accounting.read() & 0x3FF) == 0) progress.rowsRead(accounting.read());
    }

    private void classify(CsvChunks.CheckedRow row, RowSink sink, DuplicateFilter duplicates) {
        if (row.excluded()) {
            accounting.countExcluded();
            return;
        }
        RowValidator.Outcome outcome = validator.commit(row.checked());
        if (outcome.rejection() != null) {
            accounting.countRejected();
            rejections.add(outcome.rejection());
            incomplete.rejected(row.raw(), validator::patientRef);
            return;
        }
        validRows++;
        if (absentDoseColumns != null) absentDoseColumns = absentDoseColumns.audited(outcome.row(), warnings::add);
        sink.accept(outcome.row(), duplicates.add(row.raw()));
    }

    /** A file with patient identifiers where one row has none: its study counts as its own patient. */
    private void warnIfPatientStandsForStudy(RawRow raw) {
        if (RawRow.PATIENT_CELL_EMPTY.equals(raw.extras().get(RawRow.PATIENT_PER_STUDY))) {
            warnings.add(new DataWarning(raw.source().file(), raw.source().line(), CanonicalColumn.PATIENT_ID.header(), null,
                    "is empty: the study is taken as its own patient, so REPEAT_STUDY and CUMULATIVE_DOSE cannot see it"));
        }
    }

    public List<Path> files() { return files; }

    public RowAccounting accounting() { return accounting; }

    public List<Rejection> rejections() { return rejections; }

    /** The studies that lost rows to rejection; complete once the input is read. */
    public IncompleteStudies incompleteStudies() { return incomplete.build(); }

    public List<DataWarning> warnings() { return warnings; }

    public List<InputFile> inputFiles() { return inputFiles; }

    /**
     * True when some input has no patient identifier column: each of its studies is its own patient, nothing is
     * rejected for it, and REPEAT_STUDY and CUMULATIVE_DOSE are {@link #NO_PATIENT_ID} for those studies.
     */
    public boolean patientIdentifiersMissing() { return !filesWithoutPatientIds.isEmpty(); }

    /** The input files (names) without a patient identifier column, in input order. */
    public List<String> filesWithoutPatientIdentifiers() { return List.copyOf(filesWithoutPatientIds); }

    /** The profile each input file (by path) is read with, in input order. */
    public Map<String, String> profiles() { return java.util.Collections.unmodifiableMap(profiles); }
}
