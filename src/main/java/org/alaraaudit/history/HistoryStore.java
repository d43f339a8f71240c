package org.alaraaudit.history;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.flywaydb.core.Flyway;

/**
 * The history store behind a JDBC URL: an embedded H2 file by default, PostgreSQL for a hospital network that
 * shares one store between sites. Opening it brings its schema up to date with the migrations in
 * {@code db/migration}, so an upgrade of the tool never loses history. Holds no connection itself.
 */
public final class HistoryStore {
    /** How long a run waits for another run's write to finish before it gives up (H2; PostgreSQL waits). */
    static final int WRITE_WAIT_MILLIS = 10 * 60 * 1000;
    /** The version of the newest file in {@code db/migration} (a test keeps the two equal). */
    static final int NEWEST_MIGRATION = 7;
    /** Credentials for a shared store, kept off the command line (where other users could read them in ps). */
    public static final String USER_ENV = "ALARA_AUDIT_HISTORY_USER";
    public static final String PASSWORD_ENV = "ALARA_AUDIT_HISTORY_PASSWORD";

    static {
        // H2's AUTO_SERVER (see StoreUrl.effective) listens for the other runs of this machine; without this it
        // would listen on every network interface. Read once by H2, so set before H2's first use.
        if (System.getProperty("h2.bindAddress") == null) System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    private final String url;
    private final String given;
    private final Properties credentials;
    private final H2StoreFile file;
    private final StoreLockWait lockWait;
    private StoreUse use;

    private HistoryStore(String url, String given, Properties credentials, StoreLockWait lockWait) {
        this.url = url;
        this.given = given;
        this.credentials = credentials;
        this.file = H2StoreFile.of(url);
        this.lockWait = lockWait;
    }

    /**
     * Opens (creating on first use) and migrates the store.
     *
     * @throws IllegalArgumentException when the URL is not one of a supported store (a usage error)
     * @throws HistoryException when the store cannot be reached, created or migrated, is damaged, or another
     *     process holds it for longer than a run waits
     */
    public static HistoryStore open(String url, Map<String, String> env) { return open(url, env, StoreLockWait.standard()); }

    static HistoryStore open(String url, Map<String, String> env, StoreLockWait lockWait) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
            throw new IllegalArgumentException("--history " + StoreUrl.printable(url)
                    + ": expected a JDBC URL, e.g. jdbc:postgresql://host/alara or jdbc:h2:file:/path/history");
        }
        if (!StoreUrl.isH2(url) && !StoreUrl.isPostgres(url)) {
            throw new IllegalArgumentException("--history " + StoreUrl.printable(url)
                    + ": only H2 (jdbc:h2:...) and PostgreSQL (jdbc:postgresql://...) stores are supported");
        }
        Properties credentials = new Properties();
        String user = env.get(USER_ENV);
        String password = env.get(PASSWORD_ENV);
        if (user != null && !user.isBlank()) credentials.setProperty("user", user);
        if (password != null && !password.isEmpty()) credentials.setProperty("password", password);
        HistoryStore store = new HistoryStore(StoreUrl.effective(url), url, credentials, lockWait);
        if (store.file != null) {
            store.file.prepare(store.printable(), H2StoreFile.encrypted(url));
            store.use = StoreUse.join(StoreUrl.h2Base(url), store.printable());
        }
        store.migrate();
        store.restrictToOwner();
        return store;
    }

    private void migrate() {
        if (upToDate()) return;
        try {
            lockWait.open(() -> Flyway.configure()
                    .dataSource(url, credentials.getProperty("user"), credentials.getProperty("password"))
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate(), printable());
        } catch (HistoryException e) {
            throw e;
        } catch (Exception e) {
            throw new HistoryException("the history store " + printable() + " cannot be opened: " + rootMessage(e), e);
        }
    }

    /**
     * Whether Flyway's own history table says that every migration up to {@link #NEWEST_MIGRATION} ran, all of them
     * successfully, and no other. Flyway would find the same, but only after scanning the jar for its migrations,
     * which took about a second of a short audit's start on two cores. Anything else (a new store without the
     * table, a failed or missing migration, one from a newer tool, a store that cannot be read) is left to Flyway,
     * which migrates it or says what is wrong, as before.
     */
    private boolean upToDate() {
        try (Connection c = lockWait.open(() -> DriverManager.getConnection(url, credentials), printable());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
            Set<String> applied = new HashSet<>();
            while (r.next()) {
                if (!r.getBoolean(2)) return false;
                String version = r.getString(1);
                if (version != null) applied.add(version); // Flyway's own row for a schema it created has none
            }
            for (int v = 1; v <= NEWEST_MIGRATION; v++) if (!applied.contains(String.valueOf(v))) return false;
            return applied.size() == NEWEST_MIGRATION;
        } catch (Exception e) {
            return false;
        }
    }

    /** An H2 file store's files are the owner's alone (docs/history.md); nothing for other stores. */
    void restrictToOwner() {
        if (file != null) file.restrictToOwner();
    }

    /** A new connection, auto-commit on; the caller closes it. */
    public Connection connect() {
        try {
            Connection c = lockWait.open(() -> DriverManager.getConnection(url, credentials), printable());
            try {
                restrictToOwner(); // H2 makes its lock file anew as the first connection opens the store
            } catch (HistoryException e) {
                c.close();
                throw e;
            }
            return c;
        } catch (HistoryException e) {
            throw e;
        } catch (Exception e) {
            throw new HistoryException("the history store " + printable() + " cannot be opened: " + rootMessage(e), e);
        }
    }

    /**
     * After a run's write: an H2 file store that is mostly space H2 no longer uses is copied into a compact file,
     * when no other process or connection uses it (see {@link StoreCompaction}). Nothing for other stores.
     *
     * @return the file's sizes before and after, or null when it was left as it is
     */
    StoreCompaction.Compacted compactIfWasteful() { return compactIfWasteful(StoreCompaction.DEFAULT_MIN_BYTES); }

    StoreCompaction.Compacted compactIfWasteful(long minBytes) {
        if (file == null || use == null) return null;
        StoreCompaction.Compacted done = new StoreCompaction(minBytes).compactIfWasteful(this, file.file(), use);
        if (done != null) restrictToOwner(); // H2 wrote the compact copy as a new file, with the umask's permissions
        return done;
    }

    /** The URL as the user gave it, without its password. */
    public String printable() { return StoreUrl.printable(given); }

    public boolean isPostgres() { return StoreUrl.isPostgres(url); }

    /** The deepest cause's message: "Connection refused", not three layers of wrapping. */
    public static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        String m = c.getMessage();
        if (m == null || m.isBlank()) m = c.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        // H2 appends "; SQL statement:" and the statement on the next lines: the user needs the first line.
        return (nl > 0 ? m.substring(0, nl) : m).replaceFirst(";\\s*SQL statement:\\s*$", "").trim();
    }
}
