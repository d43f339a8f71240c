package org.alaraaudit.rules;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.alaraaudit.model.TableException;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.definition.rule.Rule;

/**
 * The policy in force for a run: the DRL rules compiled once into a KieBase, the tables beside them, and a
 * digest of every file (the thresholds workbook included) so that a report names exactly which policy produced it.
 */
public final class RuleSet {
    private static final String KFS_ROOT = "src/main/resources/";

    private final String location;
    private final KieBase kieBase;
    private final PolicyTables tables;
    private final String digest;
    private final List<RuleDescription> rules;
    private final Origin origin;

    private RuleSet(String location, KieBase kieBase, PolicyTables tables, String digest, List<RuleDescription> rules, Origin origin) {
        this.origin = origin;
        this.location = location;
        this.kieBase = kieBase;
        this.tables = tables;
        this.digest = digest;
        this.rules = rules;
    }

    /** Where a rule set's compiled rules came from this time. */
    public enum Origin {
        /** Compiled from the DRL files now. */
        SOURCE,
        /** The built-in rules as compiled when the tool was built. */
        BUILT_IN,
        /** A rules folder as compiled by an earlier run, from the user's rule cache. */
        CACHE
    }

    /**
     * Loads a rules folder, or the default policy inside the tool when {@code dir} is null; a folder compiled by an
     * earlier run with the same files comes from the user's rule cache ({@link RuleBaseCache#forUser}).
     */
    public static RuleSet load(Path dir) {
        return load(dir, RuleBaseCache.forUser());
    }

    /**
     * Starts {@link #load(Path)} on its own thread and returns what waits for it: the audit reads its template,
     * lists its inputs and opens its history store meanwhile, which on two cores takes a good part of the second
     * loading the rules takes. What {@code load} would throw is thrown by {@link Loading#get()}, unchanged.
     */
    public static Loading loadAhead(Path dir) {
        CompletableFuture<RuleSet> loading = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                loading.complete(load(dir));
            } catch (RuntimeException | Error e) {
                loading.completeExceptionally(e);
            }
        }, "alara-audit rules");
        t.setDaemon(true);
        t.start();
        return new Loading(loading);
    }

    /** A rule set being loaded by {@link #loadAhead}. */
    public static final class Loading {
        private final CompletableFuture<RuleSet> loading;

        private Loading(CompletableFuture<RuleSet> loading) { this.loading = loading; }

        /** The rule set, once loaded; a rules error is thrown here as {@link #load(Path)} throws it. */
        public RuleSet get() {
            try {
                return loading.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw e;
            }
        }
    }

    /**
     * As {@link #load(Path)} with this cache. The tables are read and checked every time; the rules are compiled
     * only when no compiled form for exactly these files is at hand (the built-in archive for the default rules,
     * else {@code cache}), and a folder that compiles without errors is then kept in {@code cache}.
     */
    public static RuleSet load(Path dir, RuleBaseCache cache) {
        Path root = dir != null ? dir : defaultRules();
        if (!Files.isDirectory(root)) {
            throw new RuleSetException(List.of(root + (Files.exists(root) ? ": a file, not a rules folder" : ": no such rules folder")
                    + " (a rules folder holds policy/*.drl and tables/*.csv: start from a copy of the project's rules/ folder)"));
        }
        List<Path> files = listFiles(root);
        String digest = digest(root, files);
        String buildId = DefaultRuleBase.buildId();
        Origin origin = Origin.SOURCE;
        RuleBaseArchive.Bases compiled = null;
        if (dir == null && (compiled = DefaultRuleBase.bases(digest)) != null) {
            origin = Origin.BUILT_IN;
        } else if (buildId != null && (compiled = cache.find(buildId, digest)) != null) {
            origin = Origin.CACHE;
        }
        if (compiled != null && compiled.workbook() != null) ThresholdWorkbook.remember(compiled.workbookSha(), compiled.workbook());
        List<String> problems = new ArrayList<>();
        PolicyTables tables = null;
        // A site's numbers under a built-in row's citation are read as local policy (SiteValueChanges).
        List<SiteValueChange> siteValues = dir != null ? siteValueChanges(root.resolve("tables")) : List.of();
        if (!Files.isDirectory(root.resolve("tables"))) {
            problems.add("ERROR tables: the tables folder is missing from " + root);
        } else {
            try {
                tables = PolicyTables.load(root.resolve("tables"), SiteValueChanges.asLocalPolicy(siteValues));
            } catch (ThresholdWorkbookException e) {
                for (String p : e.problems()) problems.add("ERROR tables/" + p);
            } catch (TableException e) {
                problems.add("ERROR tables/" + e.getMessage());
            }
        }
        Map<String, String> displayName = new HashMap<>();
        KieBase kbase = compiled != null ? compiled.policy() : null;
        if (kbase == null) {
            // Not compiled before, or its bytes did not read after all.
            origin = Origin.SOURCE;
            compiled = null;
            kbase = compile(root, files, problems, displayName);
        } else {
            displayName.putAll(displayNames(root, files));
        }
        if (!problems.isEmpty()) throw new RuleSetException(problems);
        if (dir != null) tables = tables.withSiteValueChanges(siteValues);
        // Checked whichever way the rules came: a precompiled base must carry every rule's words as well.
        List<RuleDescription> rules = RuleMetadata.describe(kbase, r -> fileOf(r, displayName), tables.policy(), problems);
        if (!problems.isEmpty()) throw new RuleSetException(problems);
        if (compiled == null && buildId != null) cache.store(buildId, digest, kbase, ThresholdWorkbook.compiledIn(root.resolve("tables")));
        String location = dir != null ? dir.toString() : "built-in default rules";
        return new RuleSet(location, kbase, tables, digest, rules, origin);
    }

    /** A site's numbers that keep a built-in row's source and status; none when the built-in rules cannot be read. */
    private static List<SiteValueChange> siteValueChanges(Path siteTables) {
        try {
            return SiteValueChanges.between(siteTables, defaultRules().resolve("tables"));
        } catch (RuleSetException e) {
            return List.of();
        }
    }

    /** The rules/ folder shipped inside the jar (or target/classes when run from a build). */
    public static Path defaultRules() {
        URL url = RuleSet.class.getResource("/rules/tables/settings.csv");
        if (url == null) throw new RuleSetException(List.of("the built-in rules are missing from this build"));
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                Path packed = DefaultRuleBase.packedRules();
                if (packed != null) return packed;
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return fs.getPath("/rules");
            }
            return Path.of(uri).getParent().getParent();
        } catch (URISyntaxException | IOException e) {
            throw new RuleSetException(List.of("the built-in rules cannot be opened: " + e.getMessage()));
        }
    }

    private static List<Path> listFiles(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> root.relativize(p).toString()))
                    .toList();
        } catch (IOException e) {
            throw new RuleSetException(List.of(root + ": cannot be read: " + e.getMessage()));
        }
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /** Only {@code *.drl} files: the thresholds workbook is compiled on its own by {@link ThresholdWorkbook}. */
    private static KieBase compile(Path root, List<Path> files, List<String> problems, Map<String, String> displayName) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        int drls = 0;
        for (Path f : files) {
            String rel = relative(root, f);
            if (!rel.endsWith(".drl")) continue;
            drls++;
            try {
                byte[] bytes = Files.readAllBytes(f);
                String kfsPath = kfsPath(bytes, f);
                displayName.put(kfsPath, rel);
                kfs.write(KFS_ROOT + kfsPath, ks.getResources().newByteArrayResource(bytes).setSourcePath(kfsPath));
            } catch (IOException e) {
                problems.add("ERROR " + rel + ": cannot be read: " + e.getMessage());
            }
        }
        if (drls == 0) {
            problems.add("ERROR " + root + ": no rule files (*.drl) found");
            return null;
        }
        KieBuilder kb = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = kb.getResults().getMessages(Message.Level.ERROR);
        java.util.Set<String> withLine = new java.util.HashSet<>();
        for (Message m : errors) if (m.getLine() > 0) withLine.add(m.getPath());
        for (Message m : errors) {
            // Drools follows a parse error with "Parser returned a null Package" at line 0: no news to a safety officer
            // once the line that failed is named.
            if (m.getLine() <= 0 && withLine.contains(m.getPath())) continue;
            String path = m.getPath() == null ? "" : displayName.getOrDefault(m.getPath(), m.getPath());
            String text = m.getText().replace("\n", " ").trim();
            problems.add("ERROR " + path + (m.getLine() > 0 ? ":" + m.getLine() : "") + ": " + text);
        }
        if (!problems.isEmpty()) return null;
        return ks.newKieContainer(kb.getKieModule().getReleaseId()).getKieBase();
    }

    /** Where a rule file is placed for Drools: under its package's folder, which keeps Drools from warning about it. */
    private static String kfsPath(byte[] drl, Path f) {
        return packageFolder(new String(drl, java.nio.charset.StandardCharsets.UTF_8)) + f.getFileName();
    }

    /** The names messages give the rule files of a precompiled base (policy/x.drl), by the path Drools knows them by. */
    private static Map<String, String> displayNames(Path root, List<Path> files) {
        Map<String, String> names = new HashMap<>();
        for (Path f : files) {
            String rel = relative(root, f);
            if (!rel.endsWith(".drl")) continue;
            try {
                names.put(kfsPath(Files.readAllBytes(f), f), rel);
            } catch (IOException e) {
                // The digest read every file a moment ago; a file gone since is named by its package instead.
            }
        }
        return names;
    }

    private static String packageFolder(String drl) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?").matcher(drl);
        return m.find() ? m.group(1).replace('.', '/') + "/" : "";
    }

    private static String digest(Path root, List<Path> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                md.update(relative(root, f).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(f));
                md.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new RuleSetException(List.of("cannot compute the rule set digest: " + e.getMessage()));
        }
    }

    /** The rules folder's file a rule came from, as a reader names it (policy/x.drl); its package when unknown. */
    private static String fileOf(Rule r, Map<String, String> displayName) {
        if (r instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && impl.getResource() != null
                && impl.getResource().getSourcePath() != null) {
            String path = impl.getResource().getSourcePath();
            return displayName.getOrDefault(path, path);
        }
        return r.getPackageName();
    }

    public String location() { return location; }

    public KieBase kieBase() { return kieBase; }

    public PolicyTables tables() { return tables; }

    /** What the folder's thresholds workbook changed, for validate and the methodology. */
    public ThresholdChanges thresholds() { return tables.thresholds(); }

    public String digest() { return digest; }

    public List<RuleDescription> rules() { return rules; }

    public Origin origin() { return origin; }
}
