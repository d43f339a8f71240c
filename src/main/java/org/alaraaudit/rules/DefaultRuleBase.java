package org.alaraaudit.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * The built-in rules, compiled when the tool is built ({@code mvn package} runs {@link #main} after the classes
 * are compiled) and shipped as a rule-base archive inside the jar, so that a run with the default rules reads the
 * compiled rules instead of compiling them. The archive names the digest of the rules it was compiled from:
 * when the rules/ folder beside it differs (edited after the build) it is not used.
 *
 * <p>Its build id, new with every build, also keys the cache of sites' own rules folders ({@link RuleBaseCache}):
 * rules compiled by one build are never run by another, whose fact classes may differ.
 */
final class DefaultRuleBase {
    static final String RESOURCE = "/org/alaraaudit/rules/default-rules.kbase";
    /** The same rules folder as a small zip: opening the jar itself as a file system reads all of its 26,000 entries. */
    static final String PACKED = "/org/alaraaudit/rules/default-rules.zip";

    private static byte[] archive;
    /** The archive's build id, read (and its checksum checked) once: every load asks for it. */
    private static String archiveBuildId;
    private static boolean looked;
    private static String digest;
    private static RuleBaseArchive.Bases bases;
    private static Path packed;
    private static boolean unpacked;

    private DefaultRuleBase() {}

    /** The id of this build of the tool, or null when it was built without the archive (then nothing is cached). */
    static synchronized String buildId() {
        archive();
        return archiveBuildId;
    }

    /** The precompiled built-in rules when they are the rules with this digest, else null. Read once per process. */
    static synchronized RuleBaseArchive.Bases bases(String ruleSetDigest) {
        if (ruleSetDigest.equals(digest)) return bases;
        byte[] a = archive();
        String id = buildId();
        // buildId() checked the archive's checksum, once per process
        RuleBaseArchive.Bases read = id == null ? null : RuleBaseArchive.readIntact(a, id, ruleSetDigest);
        if (read != null) {
            digest = ruleSetDigest;
            bases = read;
        }
        return read;
    }

    /**
     * The built-in rules folder from the packed zip in the jar, or null when there is none (run from a classes
     * folder, or a temporary file cannot be written). The zip is copied to a temporary file only to be opened as a
     * file system, and deleted at once: the open file system keeps reading it, and nothing is left behind.
     */
    static synchronized Path packedRules() {
        if (unpacked) return packed;
        unpacked = true;
        try (InputStream in = DefaultRuleBase.class.getResourceAsStream(PACKED)) {
            if (in == null) return null;
            Path zip = Files.createTempFile("alara-audit-rules-", ".zip");
            try {
                Files.copy(in, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                packed = java.nio.file.FileSystems.newFileSystem(zip).getPath("/");
            } finally {
                try {
                    Files.deleteIfExists(zip);
                } catch (IOException e) {
                    zip.toFile().deleteOnExit(); // a file system that cannot delete an open file
                }
            }
        } catch (IOException | RuntimeException e) {
            packed = null;
        }
        return packed;
    }

    private static byte[] archive() {
        if (looked) return archive;
        looked = true;
        try (InputStream in = DefaultRuleBase.class.getResourceAsStream(RESOURCE)) {
            archive = in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            archive = null;
        }
        archiveBuildId = archive == null ? null : RuleBaseArchive.buildId(archive);
        return archive;
    }

    /**
     * Build step: compiles the rules folder {@code args[0]} from source and writes its archive to {@code args[1]}.
     * A rule or table error fails the build, naming file and line as {@code rules validate} does.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) throw new IllegalArgumentException("usage: DefaultRuleBase RULES-DIR ARCHIVE");
        Path rules = Path.of(args[0]);
        Path out = Path.of(args[1]);
        RuleSet compiled;
        try {
            compiled = RuleSet.load(rules, RuleBaseCache.NONE);
        } catch (RuleSetException e) {
            e.problems().forEach(System.err::println);
            System.exit(4);
            return;
        }
        String buildId = Instant.now() + " " + UUID.randomUUID();
        var workbook = ThresholdWorkbook.compiledIn(rules.resolve("tables"));
        byte[] bytes = RuleBaseArchive.write(buildId, compiled.digest(), compiled.kieBase(),
                workbook == null ? null : workbook.getValue(), workbook == null ? null : workbook.getKey());
        // Read back as a run will: a base that does not survive the round trip must fail the build, not the audit.
        if (RuleBaseArchive.read(bytes, buildId, compiled.digest()) == null) {
            throw new IllegalStateException("the compiled default rules do not read back from " + out);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, bytes);
        pack(rules, out.resolveSibling(Path.of(PACKED).getFileName().toString()));
        System.out.printf("Compiled the default rules (%d rules, %s) into %s (%d KB)%n", compiled.rules().size(),
                compiled.digest(), out, bytes.length >> 10);
    }

    /** Writes the rules folder as a zip with the same relative paths, so that its digest is the folder's. */
    private static void pack(Path rules, Path zip) throws IOException {
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip));
             var files = Files.walk(rules)) {
            for (Path p : files.sorted().toList()) {
                if (p.equals(rules)) continue;
                String name = rules.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) {
                    out.putNextEntry(new java.util.zip.ZipEntry(name + "/"));
                } else {
                    out.putNextEntry(new java.util.zip.ZipEntry(name));
                    Files.copy(p, out);
                }
                out.closeEntry();
            }
        }
    }
}
