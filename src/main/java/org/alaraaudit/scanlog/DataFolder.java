package org.alaraaudit.scanlog;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The user's data folder: site secret and the default history store live here. Both key or hold pseudonymised
 * patient data, so what the tool creates here is the owner's alone: folders {@code rwx------} and files without
 * group or other bits, each further narrowed by the umask (never wider than it allows).
 */
public final class DataFolder {
    private static final Set<PosixFilePermission> GROUP_AND_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

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

    /**
     * Creates the folder and any missing parents as {@code rwx------} (the umask may narrow it further); a folder
     * that exists is left as it is.
     *
     * @throws FileAlreadyExistsException when the path, or a parent of it, is a file
     */
    public static void create(Path folder) throws IOException {
        if (Files.isDirectory(folder)) return;
        try {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user profile folder is already private to the user.
            Files.createDirectories(folder);
        }
    }

    /** The folder itself or its nearest existing parent when that is a file, not a folder; null when none is. */
    public static Path fileInTheWay(Path folder) {
        for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) return Files.isDirectory(p) ? null : p;
        }
        return null;
    }

    /**
     * Takes the group's and others' permissions off a file or folder the tool made, leaving the owner's as the
     * umask made them. Quietly nothing on a file system without POSIX permissions or a file not there.
     */
    public static void restrictToOwner(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p)) return;
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            if (perms.removeAll(GROUP_AND_OTHERS)) Files.setPosixFilePermissions(p, perms);
        } catch (UnsupportedOperationException notPosix) {
            // As in create: nothing to narrow.
        }
    }

    /** True when group or others may read the file (POSIX only). */
    public static boolean readableByOthers(Path p) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            return perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ);
        } catch (UnsupportedOperationException notPosix) {
            return false;
        }
    }
}
