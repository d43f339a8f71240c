package org.alaraaudit.history;

import java.nio.file.Path;
import java.util.Locale;

/** The JDBC URL of a history store: the embedded default, the settings an H2 file store needs, and a printable form. */
public final class StoreUrl {
    /** The file name (without H2's {@code .mv.db}) of the default store inside {@code DATA_FOLDER/history}. */
    static final String DEFAULT_NAME = "alara-audit";

    private StoreUrl() {}

    /** The embedded store in the user's data folder: {@code DATA_FOLDER/history/alara-audit.mv.db}. */
    public static String defaultFor(Path dataFolder) {
        return "jdbc:h2:file:" + dataFolder.resolve("history").resolve(DEFAULT_NAME).toAbsolutePath();
    }

    static boolean isH2(String url) { return url.regionMatches(true, 0, "jdbc:h2:", 0, 8); }

    static boolean isPostgres(String url) { return url.regionMatches(true, 0, "jdbc:postgresql:", 0, 16); }

    /** An H2 database in a file (not in memory, not a remote H2 server). */
    static boolean isH2File(String url) {
        if (!isH2(url)) return false;
        String rest = url.substring(8).toLowerCase(Locale.ROOT);
        return !rest.startsWith("mem:") && !rest.startsWith("tcp:") && !rest.startsWith("ssl:") && !rest.startsWith("zip:");
    }

    /** An H2 file store whose file is not there: opening it would create an empty store. */
    public static boolean isMissingH2File(String url) {
        Path base = h2Base(url);
        return base != null && !java.nio.file.Files.exists(base.resolveSibling(base.getFileName() + ".mv.db"));
    }

    /** An H2 file store's path without H2's {@code .mv.db}, absolute; null for other stores. */
    static Path h2Base(String url) {
        if (!isH2File(url)) return null;
        String path = url.substring(8);
        if (path.regionMatches(true, 0, "file:", 0, 5)) path = path.substring(5);
        int semi = path.indexOf(';');
        if (semi >= 0) path = path.substring(0, semi);
        if (path.startsWith("~")) path = System.getProperty("user.home") + path.substring(1);
        return Path.of(path).toAbsolutePath();
    }

    /**
     * The URL as opened. An H2 file store gets AUTO_SERVER=TRUE, so a second run started while one is running
     * connects through the first instead of failing on H2's file lock, and a lock timeout long enough to wait
     * for another run's write; an in-memory one stays open while the process runs. Each only when the user's URL
     * does not say otherwise.
     */
    static String effective(String url) {
        if (!isH2(url)) return url;
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(url);
        if (isH2File(url) && !upper.contains(";AUTO_SERVER=")) sb.append(";AUTO_SERVER=TRUE");
        // An in-memory store (tests, trying the tool out) would vanish between the migration and the run.
        if (upper.startsWith("JDBC:H2:MEM:") && !upper.contains(";DB_CLOSE_DELAY=")) sb.append(";DB_CLOSE_DELAY=-1");
        if (!upper.contains(";LOCK_TIMEOUT=")) sb.append(";LOCK_TIMEOUT=").append(HistoryStore.WRITE_WAIT_MILLIS);
        // H2's trace file would log failing statements with their values (accession numbers, pseudonyms) next to the store.
        if (isH2File(url) && !upper.contains(";TRACE_LEVEL_FILE=")) sb.append(";TRACE_LEVEL_FILE=0");
        return sb.toString();
    }

    /** The URL without its password, for messages and reports. */
    public static String printable(String url) {
        if (url == null) return "";
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/@:]+:)[^/@]*@", "$1***@");
    }
}
