package org.alaraaudit.scanlog;

import java.nio.file.Path;
import java.util.Map;

/** The user's data folder: site secret and the default history store live here. */
public final class DataFolder {
    private DataFolder() {}

    /** {@code ALARA_AUDIT_HOME}, else {@code $XDG_DATA_HOME/alara-audit}, else {@code ~/.local/share/alara-audit}. */
    public static Path resolve(Map<String, String> env) {
        String home = env.get("ALARA_AUDIT_HOME");
        if (home != null && !home.isBlank()) return Path.of(home);
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "alara-audit");
        String appData = env.get("APPDATA");
        if (appData != null && !appData.isBlank() && System.getProperty("os.name", "").startsWith("Windows")) {
            return Path.of(appData, "alara-audit");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "alara-audit");
    }
}
