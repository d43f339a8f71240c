package org.alaraaudit.report;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.scanlog.RunOwner;

/**
 * The folder the reports go to, checked before a run starts: an hour's audit must not end in "cannot write".
 * The check really creates the folder and a probe file, since permission bits alone do not tell (root, read-only
 * mounts, ACLs), and removes both again, so a run that stops later leaves nothing behind.
 */
public final class ReportFolder {
    /** The folder cannot take the reports; the message names it and says why. */
    public static final class Unusable extends IOException {
        Unusable(String message) { super(message); }
    }

    private ReportFolder() {}

    public static void check(Path out) throws Unusable {
        if (Files.isSymbolicLink(out) && !Files.exists(out)) {
            throw new Unusable(out + ": is a symbolic link to " + target(out) + ", which does not exist");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) throw new Unusable(out + ": is a file, not a folder");
        List<Path> created = new ArrayList<>();
        try {
            createMissing(out.toAbsolutePath().normalize(), out, created);
            Path probe = out.resolve(".alara-audit-probe." + RunOwner.current() + "." + Long.toHexString(System.nanoTime()) + ".part");
            try {
                Files.createFile(probe);
            } catch (IOException | SecurityException e) {
                throw new Unusable(out + ": is not writable (" + reason(e) + ")");
            } finally {
                deleteQuietly(probe);
            }
        } finally {
            for (int i = created.size() - 1; i >= 0; i--) deleteQuietly(created.get(i));
        }
    }

    /** Creates the missing folders of {@code dir} one by one, recording each, so they can be removed again. */
    private static void createMissing(Path dir, Path asGiven, List<Path> created) throws Unusable {
        if (Files.isDirectory(dir)) return;
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(dir)) {
            throw new Unusable(asGiven + ": cannot be created: " + dir + " is not a folder");
        }
        Path parent = dir.getParent();
        if (parent != null) createMissing(parent, asGiven, created);
        try {
            Files.createDirectory(dir);
            created.add(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) throw new Unusable(asGiven + ": cannot be created: " + dir + " is not a folder");
        } catch (IOException | SecurityException e) {
            throw new Unusable(asGiven + ": cannot be created (" + reason(e) + ")");
        }
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a missing target";
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "the file system has no such place";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Best effort: a probe that cannot be removed is an empty hidden file, never a report.
        }
    }
}
