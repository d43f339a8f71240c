package org.alaraaudit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the reports of one audit result side by side, as many at once as there are cores (at most two): each
 * report only reads the result, and a registry-sized run spends minutes writing them one after the other. Every
 * report is attempted even when one fails (a full disk, a folder in the way), and failures are thrown once all
 * have finished, so no report is left half-written and the user learns which files are this run's.
 */
public final class ConcurrentReports {
    /** One report's writing. */
    public interface Report {
        void write() throws IOException;
    }

    /** A report and the one file it writes. */
    public record Target(Path file, Report report) {}

    /** Some reports could not be written: which were, and why each other one was not. */
    public static final class NotAllWritten extends IOException {
        private final List<Path> written;
        private final Map<Path, Throwable> failed;

        NotAllWritten(List<Path> written, Map<Path, Throwable> failed) {
            super(describe(failed.entrySet().iterator().next()), failed.values().iterator().next());
            this.written = List.copyOf(written);
            this.failed = failed;
        }

        public List<Path> written() { return written; }

        /** Each file not written, with the reason, in the order asked for. */
        public Map<Path, Throwable> failed() { return failed; }

        /** {@code file: reason}, the reason as the file system gave it. */
        public static String describe(Map.Entry<Path, Throwable> f) {
            Throwable t = f.getValue() instanceof UncheckedIOException u ? u.getCause() : f.getValue();
            String reason = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
            // A failed move names the temporary file too; the file system's reason is what the user needs.
            if (t instanceof FileSystemException fs && fs.getReason() != null) reason = fs.getReason();
            // NIO names the file in its message ("x: No space left on device"); say it once.
            String file = f.getKey().toString();
            if (reason.startsWith(file + ": ")) reason = reason.substring(file.length() + 2);
            return file + ": " + reason;
        }
    }

    private ConcurrentReports() {}

    /** Writes every target; when any fails, throws {@link NotAllWritten} naming the files written and not. */
    public static void writeEach(List<Target> targets) throws NotAllWritten {
        List<Throwable> outcomes = run(targets.stream().map(Target::report).toList());
        List<Path> written = new ArrayList<>();
        Map<Path, Throwable> failed = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            Throwable t = outcomes.get(i);
            if (t instanceof Error e) throw e;
            if (t == null) written.add(targets.get(i).file());
            else failed.put(targets.get(i).file(), t);
        }
        if (!failed.isEmpty()) throw new NotAllWritten(written, failed);
    }

    /** Each report's failure, or null where it was written, in the order given. */
    private static List<Throwable> run(List<Report> reports) {
        List<Throwable> outcomes = new ArrayList<>();
        int threads = Math.max(1, Math.min(2, Math.min(reports.size(), Runtime.getRuntime().availableProcessors())));
        if (threads == 1) {
            for (Report r : reports) outcomes.add(attempt(r));
            return outcomes;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "alara-audit-report");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Throwable>> running = new ArrayList<>();
            for (Report r : reports) running.add(pool.submit(() -> attempt(r)));
            for (Future<Throwable> f : running) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcomes.add(new IOException("interrupted while writing the reports", e));
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Throwable attempt(Report r) {
        try {
            r.write();
            return null;
        } catch (IOException | RuntimeException e) {
            return e;
        }
    }
}
