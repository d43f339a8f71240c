package org.alaraaudit.scanlog;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary folders and files a large run spills to (rows, duplicate keys, findings, doses, studies). Each
 * is created in the system's temporary folder, owner-only (Java creates them mode 700 / 600, never wider than
 * the umask), and named {@code alara-audit-KIND-PID-HOST-…} so a later run can tell a killed run's leftovers
 * from a live run's files.
 */
public final class SpillFolder {
    /** The tool's temporary names: this form, and the untagged one of earlier releases ({@code alara-audit-patients123}). */
    private static final Pattern NAME = Pattern.compile("alara-audit-[a-z]+(?:-(" + RunOwner.TAG.pattern() + ")-)?\\d+(?:\\.bin)?");

    private SpillFolder() {}

    /** A new owner-only folder for one kind of spill, e.g. {@code patients}. */
    public static Path create(String kind) throws IOException {
        return Files.createTempDirectory(prefix(kind));
    }

    /** A new owner-only file for one kind of spill. */
    public static Path createFile(String kind) throws IOException {
        return Files.createTempFile(prefix(kind), ".bin");
    }

    private static String prefix(String kind) { return "alara-audit-" + kind + "-" + RunOwner.current() + "-"; }

    /** Deletes the leftovers of killed runs in the system's temporary folder; returns how many. */
    public static int removeLeftOvers() { return removeLeftOvers(Path.of(System.getProperty("java.io.tmpdir"))); }

    /**
     * Deletes the tool's own spill folders and files in {@code tmp} whose run is gone ({@link RunOwner#isLeftOver});
     * anything else, links included, is left alone. Failures are ignored: cleaning up must never stop an audit.
     */
    public static int removeLeftOvers(Path tmp) {
        List<Path> stale = new ArrayList<>();
        Instant now = Instant.now();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(tmp, "alara-audit-*")) {
            for (Path p : s) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (!m.matches() || Files.isSymbolicLink(p)) continue;
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException gone) {
                    continue; // another run on this machine deleted its own file as we listed: not a reason to stop
                }
                if (RunOwner.isLeftOver(m.group(1), a.lastModifiedTime(), now)) stale.add(p);
            }
        } catch (IOException e) {
            return 0;
        }
        int removed = 0;
        for (Path p : stale) if (delete(p)) removed++;
        return removed;
    }

    /** Deletes a spill folder (or file) and what is in it; false when some of it could not be deleted. */
    public static boolean delete(Path root) {
        try {
            // walkFileTree does not follow links, so a link inside never leads the deletion elsewhere.
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
