package org.alaraaudit.cli;

import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.DoseHistory;
import org.alaraaudit.history.HistoryStore;
import org.alaraaudit.history.RunHistory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --history JDBC-URL} / {@code --no-history}: whether and where an audit reads and records its history.
 * Without either, the store {@link StoreOption} defaults to. Commands that only read or write the store (trend,
 * review import, derive-ranges) take {@link StoreOption} alone: {@code --no-history} would leave them nothing to do.
 */
public final class HistoryOptions {
    @Mixin
    StoreOption store;

    @Option(names = "--no-history", description = "Do not read or write a history store.")
    boolean none;

    /** The store's URL as given or defaulted; null for no store. */
    String url() {
        if (none) {
            if (store.url != null) throw new ErrorReport.UsageException("give either --history or --no-history, not both");
            return null;
        }
        return store.url();
    }

    /** Opens the store (creating and migrating it on first use); null without one. Exit code 5 when it cannot be opened. */
    HistoryStore open() {
        return url() == null ? null : store.open();
    }

    /**
     * The store as an audit run reads and records it; a no-op without a store. {@code pseudonymCheck} is the run's
     * pseudonym of a fixed text: a store written with another site secret is refused (exit 5) before anything is read.
     */
    Run openForAudit(String pseudonymCheck) {
        HistoryStore store = open();
        if (store == null) return new Run(null);
        org.alaraaudit.history.PseudonymCheck.verify(store, pseudonymCheck);
        return new Run(RunHistory.of(store));
    }

    /** One audit run's view of the store, closed when the audit is over and recorded after the reports. */
    static final class Run implements AutoCloseable {
        private final RunHistory history;

        Run(RunHistory history) { this.history = history; }

        DoseHistory earlier() { return history == null ? DoseHistory.NONE : history; }

        /** Whether {@link #record} stores the run: false with --no-history. */
        boolean records() { return history != null; }

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
