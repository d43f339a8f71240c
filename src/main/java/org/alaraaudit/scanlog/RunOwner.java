package org.alaraaudit.scanlog;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which running audit a temporary file belongs to: its process id and a short hash of the host name, written
 * into the names of spill folders and {@code .part} files. A run killed with -9 cannot delete them; the next run
 * deletes only those whose owner is provably gone, so it never takes the files of an audit still running.
 */
public final class RunOwner {
    /** Past this age a file whose owner cannot be checked (another host, an older name) is taken as left over. */
    public static final Duration SAFE_AGE = Duration.ofHours(24);

    /** {@code <pid>-<8 hex digits of the host>}, as it appears inside the tool's temporary names. */
    public static final Pattern TAG = Pattern.compile("(\\d{1,10})-([0-9a-f]{8})");

    private static final String HOST = hostHash();
    private static final String CURRENT = ProcessHandle.current().pid() + "-" + HOST;

    private RunOwner() {}

    /** The tag of this process. */
    public static String current() { return CURRENT; }

    /**
     * True when a temporary file tagged {@code tag} (null when its name carries none) and last modified at
     * {@code modified} can be deleted: its process is gone or its pid now belongs to a later process on this
     * host, or, where that cannot be checked, it is older than {@link #SAFE_AGE}.
     */
    public static boolean isLeftOver(String tag, FileTime modified, Instant now) {
        Matcher m = tag == null ? null : TAG.matcher(tag);
        if (m != null && m.matches() && m.group(2).equals(HOST)) {
            long pid = Long.parseLong(m.group(1));
            if (pid == ProcessHandle.current().pid()) return false;
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            if (p.isEmpty() || !p.get().isAlive()) return true;
            // A live pid that started after the file was last written is a reused pid, not the writer.
            Optional<Instant> started = p.get().info().startInstant();
            return started.isPresent() && started.get().isAfter(modified.toInstant().plusSeconds(1));
        }
        return modified.toInstant().plus(SAFE_AGE).isBefore(now);
    }

    private static String hostHash() { return HexFormat.of().toHexDigits(hostName().hashCode()); }

    /** The kernel's host name where it can be read at no cost; a DNS look-up only as the last resort. */
    private static String hostName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) return Files.readString(kernel).strip();
        } catch (Exception e) {
            // fall through to the environment
        }
        for (String v : new String[]{"HOSTNAME", "COMPUTERNAME"}) {
            String h = System.getenv(v);
            if (h != null && !h.isBlank()) return h;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
