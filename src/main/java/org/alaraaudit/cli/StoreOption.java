package org.alaraaudit.cli;

import org.alaraaudit.history.HistoryStore;
import org.alaraaudit.history.StoreUrl;
import org.alaraaudit.scanlog.DataFolder;
import picocli.CommandLine.Option;

/**
 * {@code --history JDBC-URL}: the history store a command reads or writes. Without it, the embedded store in the
 * user's data folder, unless the system property {@value #DEFAULT_PROPERTY} names another URL (or {@code none}):
 * the way a test or an embedding program keeps the real data folder untouched.
 */
public final class StoreOption {
    public static final String DEFAULT_PROPERTY = "alara.audit.history";

    @Option(names = "--history", paramLabel = "JDBC-URL",
            description = "History store: any JDBC URL, e.g. jdbc:postgresql://host/alara (default: an embedded database in the user's data folder).")
    String url;

    /** The store's URL as given or defaulted; null only when the system property says {@code none}. */
    String url() {
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
            return HistoryStore.open(u, System.getenv());
        } catch (IllegalArgumentException e) {
            // Not a JDBC URL, or not one of a supported store.
            throw new ErrorReport.UsageException(e.getMessage());
        }
    }

    /**
     * The store as trend, review import and derive-ranges use it: one that an audit wrote. An H2 file that is not
     * there has nothing to read (exit 3); most often the path is mistyped, and an empty store is not made there.
     */
    HistoryStore openExisting() {
        String u = url();
        if (u != null && StoreUrl.isMissingH2File(u)) {
            throw new org.alaraaudit.scanlog.ScanLogException(StoreUrl.printable(u) + ": no history store there (an audit with"
                    + " --history creates one); check the path");
        }
        return open();
    }
}
