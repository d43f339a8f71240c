package org.alaraaudit.cli;

import java.util.Map;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.DoseHistory;
import org.alaraaudit.history.HistoryStore;
import org.alaraaudit.history.RunHistory;
import org.alaraaudit.history.StoreUrl;
import org.alaraaudit.scanlog.DataFolder;
import picocli.CommandLine.Option;

/**
 * {@code --history JDBC-URL} / {@code --no-history}: which history store a command uses. Without either, the
 * embedded store in the user's data folder, unless the system property {@value #DEFAULT_PROPERTY} names
 * another URL (or {@code none}): the way a test or an embedding program keeps the real data folder untouched.
 */
public final class HistoryOptions {
    public static final String DEFAULT_PROPERTY = "alara.audit.history";

    @Option(names = "--history", paramLabel = "JDBC-URL",
            description = "History store: any JDBC URL, e.g. jdbc:postgresql://host/alara (default: an embedded database in the user's data folder).")
    String url;

    @Option(names = "--no-history", description = "Do not read or write a history store.")
    boolean none;

    /** The store's URL as given or defaulted; null for no store. */
    String url() {
        if (none) {
            if (url != null) throw new ErrorReport.UsageException("give either --history or --no-history, not both");
            return null;
        }
        if (url != null) return url.trim();
        String property = System.getProperty(DEFAULT_PROPERTY);
        if (property != null && !property.isBlank()) return property.equalsIgnoreCase("none") ? null : property.trim();
        return StoreUrl.defaultFor(DataFolder.resolve(System.getenv()));
    }

    /** Opens the store (creating and migrating it on first use); null without one. Exit code 5 when it cannot be opened. */
    HistoryStore open() {
        String u = url();
        if (u == null) return null;
        try {
            return HistoryStore.open(u, env());
        } catch (IllegalArgumentException e) {
            // Not a JDBC URL, or not one of a supported store.
            throw new ErrorReport.UsageException(e.getMessage());
        }
    }

    /** The store as an audit run reads and records it; a no-op without a store. */
    Run openForAudit() {
        HistoryStore store = open();
        return store == null ? new Run(null) : new Run(RunHistory.of(store));
    }

    private static Map<String, String> env() { return System.getenv(); }

    /** One audit run's view of the store, closed when the audit is over and recorded after the reports. */
    static final class Run implements AutoCloseable {
        private final RunHistory history;

        Run(RunHistory history) { this.history = history; }

        DoseHistory earlier() { return history == null ? DoseHistory.NONE : history; }

        /** Writes the run into the store in one transaction; exit code 5 when it cannot. */
        void record(AuditResult result) {
            if (history != null) history.record(result);
        }

        @Override
        public void close() {
            if (history != null) history.close();
        }
    }
}
