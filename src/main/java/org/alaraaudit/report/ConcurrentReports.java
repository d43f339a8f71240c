package org.alaraaudit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the reports of one audit result side by side, as many at once as there are cores (at most two): each
 * report only reads the result, and a registry-sized run spends minutes writing them one after the other. The
 * first failure is thrown once every report has finished or failed, so no report is left half-written.
 */
public final class ConcurrentReports {
    /** One report's writing. */
    public interface Report {
        void write() throws IOException;
    }

    private ConcurrentReports() {}

    public static void writeAll(List<Report> reports) throws IOException {
        int threads = Math.max(1, Math.min(2, Math.min(reports.size(), Runtime.getRuntime().availableProcessors())));
        if (threads == 1) {
            for (Report r : reports) r.write();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "alara-audit-report");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Report r : reports) {
                running.add(pool.submit(() -> {
                    try {
                        r.write();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                }));
            }
            Throwable first = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) first = e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while writing the reports", e);
                }
            }
            if (first instanceof UncheckedIOException u) throw u.getCause();
            if (first instanceof RuntimeException r) throw r;
            if (first instanceof Error e) throw e;
        } finally {
            pool.shutdownNow();
        }
    }
}
