package org.alaraaudit.rules;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.alaraaudit.scanlog.DataFolder;
import org.kie.api.KieBase;

/**
 * The compiled rule sets of a site's own rules folders, in the user's data folder ({@code rule-cache/}), one
 * file per rule-set digest: a folder is compiled once, and again only when a file in it changes (a new digest)
 * or the tool is rebuilt (a new build id). A file that is damaged, foreign or stale is ignored and replaced.
 * The cache only saves time: when its folder cannot be read or written the rules are compiled as before.
 */
public final class RuleBaseCache {
    static final String FOLDER = "rule-cache";
    static final String SUFFIX = ".kbase";
    /** Files kept: a safety officer editing a threshold makes a new digest with every save. */
    static final int KEEP = 8;

    /** No cache: every load of a rules folder compiles it. */
    public static final RuleBaseCache NONE = new RuleBaseCache(null, 0);

    private final Path folder;
    private final int keep;

    private RuleBaseCache(Path folder, int keep) {
        this.folder = folder;
        this.keep = keep;
    }

    /** {@code rule-cache/} in the user's data folder ({@code ALARA_AUDIT_HOME}, see {@link DataFolder#resolve}). */
    public static RuleBaseCache forUser() {
        return in(DataFolder.resolve(System.getenv()).resolve(FOLDER));
    }

    public static RuleBaseCache in(Path folder) { return new RuleBaseCache(folder, KEEP); }

    static RuleBaseCache in(Path folder, int keep) { return new RuleBaseCache(folder, keep); }

    /** Where the compiled form of the rule set with this digest is kept. */
    Path fileFor(String ruleSetDigest) {
        return folder.resolve(ruleSetDigest.replace("sha256:", "") + SUFFIX);
    }

    /** The compiled bases for this rule set and build, or null when there is no intact file for them. */
    RuleBaseArchive.Bases find(String buildId, String ruleSetDigest) {
        if (folder == null) return null;
        Path file = fileFor(ruleSetDigest);
        try {
            if (!Files.isRegularFile(file)) return null;
            RuleBaseArchive.Bases bases = RuleBaseArchive.read(Files.readAllBytes(file), buildId, ruleSetDigest);
            // Used: pruning keeps the folders in use and drops the old ones.
            if (bases != null) Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
            return bases;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** Keeps the compiled bases of a rule set that compiled without errors; quietly nothing when that fails. */
    void store(String buildId, String ruleSetDigest, KieBase policy, Map.Entry<String, KieBase> workbook) {
        if (folder == null) return;
        byte[] bytes;
        try {
            bytes = RuleBaseArchive.write(buildId, ruleSetDigest, policy,
                    workbook == null ? null : workbook.getValue(), workbook == null ? null : workbook.getKey());
        } catch (RuntimeException e) {
            // Something in a site's rules that Drools cannot serialize: that folder is compiled at every run, as before.
            return;
        }
        Path file = fileFor(ruleSetDigest);
        Path part = null;
        try {
            DataFolder.create(folder);
            // Written aside and moved into place, so that a run reading the cache at the same time sees the old file or the new one.
            part = Files.createTempFile(folder, "compiling-", ".part");
            Files.write(part, bytes);
            DataFolder.restrictToOwner(part);
            try {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            }
            part = null;
            prune();
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // A read-only or full data folder costs the next run a compile, nothing more.
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // left for the next prune
                }
            }
        }
    }

    /** Keeps the most recently used files (as many as {@code keep}) and drops older ones and parts left by killed runs. */
    private void prune() throws IOException {
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path p : files) {
            String name = p.getFileName().toString();
            if (name.endsWith(".part") && Files.getLastModifiedTime(p).toMillis() < hourAgo) Files.deleteIfExists(p);
        }
        List<Path> archives = files.stream().filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                .sorted(Comparator.comparing(RuleBaseCache::modified).reversed()).toList();
        for (Path p : archives.subList(Math.min(keep, archives.size()), archives.size())) Files.deleteIfExists(p);
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
