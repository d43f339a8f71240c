package org.alaraaudit.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alaraaudit.scanlog.RunOwner;

/**
 * Writes a report under a temporary name and moves it into place, so an interrupted run never leaves a
 * half-written report that looks complete. Reports are created readable by their owner only: they name
 * facilities, accession numbers and pseudonyms, and whoever shares them with a committee decides with whom.
 */
public final class ReportFile {
    /** The body of a report writer. */
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** {@code .NAME.PID-HOST.NANOS.part}, and {@code .NAME.NANOS.part} of earlier releases (no owner in it). */
    private static final Pattern PART = Pattern.compile("\\..+?\\.(?:(" + RunOwner.TAG.pattern() + ")\\.)?[0-9a-f]+\\.part");

    private ReportFile() {}

    public static void write(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + "." + RunOwner.current() + "." + Long.toHexString(System.nanoTime()) + ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Channels.newOutputStream(Files.newByteChannel(tmp,
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly(dir))), 1 << 16)) {
                body.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** rw------- where the file system has POSIX modes; the umask can only narrow it further. */
    private static FileAttribute<?>[] ownerOnly(Path dir) {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) return new FileAttribute<?>[0];
        return new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    /**
     * Deletes the {@code .part} files that runs killed while writing into {@code dir} left behind: only names of
     * this tool's form whose run is gone ({@link RunOwner#isLeftOver}), so a concurrent run's files stay.
     * Returns how many; a folder that cannot be read is left alone.
     */
    public static int removeLeftOvers(Path dir) {
        int removed = 0;
        Instant now = Instant.now();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".*.part")) {
            for (Path p : s) {
                Matcher m = PART.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
                java.nio.file.attribute.FileTime modified;
                try {
                    modified = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException gone) {
                    continue; // a live run moved its part into place as we listed: the others are still looked at
                }
                try {
                    if (RunOwner.isLeftOver(m.group(1), modified, now) && Files.deleteIfExists(p)) removed++;
                } catch (IOException denied) {
                    // one part that cannot be deleted leaves the others to be looked at
                }
            }
        } catch (IOException e) {
            return removed;
        }
        return removed;
    }
}
