package org.alaraaudit.scanlog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads every input file in turn and sorts each row into audited, rejected, duplicate or excluded. Rows are
 * streamed to the sink one by one; only the rejections and warnings are kept.
 */
public final class ScanLogInput {
    private static final List<String> SCAN_LOG_EXTENSIONS = List.of(".csv", ".txt");

    private final List<Path> files;
    private final RowValidator validator;
    private final Exclusions exclusions;
    private final RowAccounting accounting = new RowAccounting();
    private final DuplicateFilter duplicates = new DuplicateFilter();
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<DataWarning> warnings;
    private final List<InputFile> inputFiles = new ArrayList<>();

    /** Rows seen so far, for progress displays. */
    public interface Progress {
        void rowsRead(long rows);
    }

    public ScanLogInput(List<Path> inputs, RowValidator validator, Exclusions exclusions, List<DataWarning> warnings) {
        this.files = expand(inputs);
        this.validator = validator;
        this.exclusions = exclusions;
        this.warnings = warnings;
        for (Path f : files) {
            try (ScanLogReader header = open(f)) {
                // Opening checks the header: a file that cannot be audited stops the run before any row is read.
            }
        }
    }

    /** Files are taken as given; folders contribute their scan logs, in name order so runs are reproducible. */
    public static List<Path> expand(List<Path> inputs) {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    List<Path> found = s.filter(Files::isRegularFile).filter(ScanLogInput::looksLikeScanLog).sorted().toList();
                    if (found.isEmpty()) throw new ScanLogException(p + ": the folder holds no scan logs (*.csv)");
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

    private static boolean looksLikeScanLog(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return SCAN_LOG_EXTENSIONS.stream().anyMatch(n::endsWith) && !n.startsWith(".");
    }

    private static ScanLogReader open(Path f) {
        if (!Files.isReadable(f)) throw new ScanLogException(f + ": cannot be read (permission denied)");
        return new CsvScanLogReader(f);
    }

    public void read(Consumer<ScanRow> sink, Progress progress) {
        for (Path f : files) {
            inputFiles.add(new InputFile(f.getFileName().toString(), f.toString(), sha256(f)));
            try (ScanLogReader reader = open(f)) {
                while (reader.hasNext()) {
                    RawRow raw = reader.next();
                    accounting.countRead();
                    classify(raw, sink);
                    if ((accounting.read() & 0x3FF) == 0) progress.rowsRead(accounting.read());
                }
            }
        }
        progress.rowsRead(accounting.read());
    }

    private void classify(RawRow raw, Consumer<ScanRow> sink) {
        if (exclusions.match(raw).isPresent()) {
            accounting.countExcluded();
            return;
        }
        RowValidator.Outcome outcome = validator.validate(raw);
        if (outcome.rejection() != null) {
            accounting.countRejected();
            rejections.add(outcome.rejection());
            return;
        }
        if (duplicates.isDuplicate(raw)) {
            accounting.countDuplicate();
            return;
        }
        accounting.countAudited();
        sink.accept(outcome.row());
    }

    static String sha256(Path f) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new ScanLogException(f + ": cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Path> files() { return files; }

    public RowAccounting accounting() { return accounting; }

    public List<Rejection> rejections() { return rejections; }

    public List<DataWarning> warnings() { return warnings; }

    public List<InputFile> inputFiles() { return inputFiles; }
}
