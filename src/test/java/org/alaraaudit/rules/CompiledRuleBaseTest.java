package org.alaraaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules come compiled where they can: the built-in rules from the build, a site's folder from the user's rule
 * cache after its first run. What comes compiled must find what compiling finds, and a cache file is used only
 * for exactly the files it was compiled from.
 */
class CompiledRuleBaseTest {
    @TempDir
    Path dir;

    private RuleBaseCache cache() { return RuleBaseCache.in(dir.resolve("rule-cache")); }

    private Path siteRules() { return org.alaraaudit.AuditFixture.copyDefaultRules(dir.resolve("site-rules")); }

    @Test
    void theBuiltInRulesComeCompiledFromTheBuildAndFindWhatCompilingTheirSourceFinds() {
        RuleSet builtIn = RuleSet.load(null, RuleBaseCache.NONE);
        RuleSet fromSource = RuleSet.load(RuleSet.defaultRules(), RuleBaseCache.NONE);
        assertEquals(RuleSet.Origin.BUILT_IN, builtIn.origin(), "the build compiled the default rules (process-classes)");
        assertEquals(RuleSet.Origin.SOURCE, fromSource.origin());
        assertEquals(fromSource.digest(), builtIn.digest());
        assertEquals(fromSource.rules(), builtIn.rules());
        assertEquals(fromSource.thresholds().conflicts(), builtIn.thresholds().conflicts());
        assertEquals(fromSource.thresholds().applied(), builtIn.thresholds().applied());
        // The sample months: every rule of the policy fires on them somewhere.
        for (String month : new String[]{"2026-08", "2026-09", "2026-10"}) {
            Path log = Path.of("sample-data", "scan-log-" + month + ".csv");
            AuditPeriod period = AuditPeriod.month(java.time.YearMonth.parse(month));
            AuditResult a = new AuditFixture().period(period).rules(fromSource).auditFiles(List.of(log));
            AuditResult b = new AuditFixture().period(period).rules(builtIn).auditFiles(List.of(log));
            List<Finding> expected = a.findings().stream().toList();
            assertFalse(expected.isEmpty());
            assertEquals(expected, b.findings().stream().toList(), month);
            assertEquals(a.figures(), b.figures(), month);
        }
    }

    @Test
    void aSitesRulesFolderIsCompiledOnceAndThenReadFromTheCache() {
        Path rules = siteRules();
        RuleSet first = RuleSet.load(rules, cache());
        assertEquals(RuleSet.Origin.SOURCE, first.origin());
        assertTrue(Files.isRegularFile(cache().fileFor(first.digest())), "kept after the first compile");
        RuleSet second = RuleSet.load(rules, cache());
        assertEquals(RuleSet.Origin.CACHE, second.origin());
        assertEquals(first.digest(), second.digest());
        assertEquals(first.rules(), second.rules());
        assertEquals(first.thresholds().applied(), second.thresholds().applied());
        AuditFixture exam = new AuditFixture().row("ctdivol_mgy", "40", "dlp_mgycm", "900");
        assertEquals(exam.rules(first).audit(dir).findings().stream().toList(), exam.rules(second).audit(dir).findings().stream().toList());
    }

    @Test
    void aChangedFileMakesTheFolderCompileAgain() throws IOException {
        Path rules = siteRules();
        RuleSet before = RuleSet.load(rules, cache());
        Files.writeString(rules.resolve("policy/dose-check.drl"), "\n// a comment is a change too\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        RuleSet after = RuleSet.load(rules, cache());
        assertNotEquals(before.digest(), after.digest());
        assertEquals(RuleSet.Origin.SOURCE, after.origin(), "a new digest is compiled, never served from the old file");
        assertEquals(RuleSet.Origin.CACHE, RuleSet.load(rules, cache()).origin());
    }

    @Test
    void aChangedTableAloneAlsoMakesTheFolderCompileAgain() throws IOException {
        Path rules = siteRules();
        RuleSet.load(rules, cache());
        Path settings = rules.resolve("tables/settings.csv");
        Files.writeString(settings, Files.readString(settings).replace("\n", "\r\n"));
        assertEquals(RuleSet.Origin.SOURCE, RuleSet.load(rules, cache()).origin());
    }

    @Test
    void aDamagedCacheFileIsIgnoredAndRebuilt() throws IOException {
        Path rules = siteRules();
        RuleSet first = RuleSet.load(rules, cache());
        Path file = cache().fileFor(first.digest());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);
        RuleSet afterDamage = RuleSet.load(rules, cache());
        assertEquals(RuleSet.Origin.SOURCE, afterDamage.origin());
        assertEquals(first.rules(), afterDamage.rules());
        assertFalse(java.util.Arrays.equals(bytes, Files.readAllBytes(file)), "the damaged file was replaced");
        assertEquals(RuleSet.Origin.CACHE, RuleSet.load(rules, cache()).origin());

        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 1000));
        assertEquals(RuleSet.Origin.SOURCE, RuleSet.load(rules, cache()).origin(), "a truncated file is not read");
        Files.writeString(file, "not an archive at all");
        assertEquals(RuleSet.Origin.SOURCE, RuleSet.load(rules, cache()).origin());
    }

    @Test
    void anotherRuleSetsCacheFileIsNotTrustedUnderThisOnesName() throws IOException {
        Path a = siteRules();
        Path b = org.alaraaudit.AuditFixture.copyDefaultRules(dir.resolve("other-rules"));
        Files.delete(b.resolve("policy/justification.drl"));
        RuleSet ruleSetA = RuleSet.load(a, cache());
        RuleSet ruleSetB = RuleSet.load(b, cache());
        assertTrue(ruleSetB.rules().size() < ruleSetA.rules().size());
        // B's intact file renamed to A's digest: its checksum holds, its header names B's rules.
        Files.copy(cache().fileFor(ruleSetB.digest()), cache().fileFor(ruleSetA.digest()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        RuleSet again = RuleSet.load(a, cache());
        assertEquals(RuleSet.Origin.SOURCE, again.origin());
        assertEquals(ruleSetA.rules(), again.rules());
    }

    @Test
    void anArchiveReadsBackOnlyForItsOwnRuleSetAndBuild() {
        RuleSet rs = RuleSet.load(null, RuleBaseCache.NONE);
        byte[] archive = RuleBaseArchive.write("build 1", rs.digest(), rs.kieBase(), null, null);
        assertEquals("build 1", RuleBaseArchive.buildId(archive));
        assertTrue(RuleBaseArchive.read(archive, "build 1", rs.digest()) != null);
        assertEquals(null, RuleBaseArchive.read(archive, "build 2", rs.digest()), "rules compiled by another build of the tool");
        assertEquals(null, RuleBaseArchive.read(archive, "build 1", "sha256:00"), "another rule set's");
        byte[] copy = archive.clone();
        copy[copy.length - 1] ^= 1;
        assertEquals(null, RuleBaseArchive.read(copy, "build 1", rs.digest()), "checksum");
        assertEquals(null, RuleBaseArchive.buildId(copy));
    }

    @Test
    void aCacheFileWhosePackagesDoNotReadIsCompiledAgainThoughItsChecksumHolds() throws IOException {
        Path rules = siteRules();
        RuleSet first = RuleSet.load(rules, cache());
        Path file = cache().fileFor(first.digest());
        byte[] bytes = Files.readAllBytes(file);
        // Spoil the policy's serialized packages where their stream begins, then close the file with a checksum
        // that fits: the header reads, the policy base is read on its own thread and fails there, and the load must notice.
        java.io.DataInputStream header = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes));
        header.readUTF();
        header.readInt();
        for (int i = 0; i < 3; i++) header.readUTF();
        header.readInt();
        int packages = bytes.length - header.available();
        assertEquals((byte) 0xAC, bytes[packages], "a Java object stream begins here");
        bytes[packages] = 0;
        bytes[packages + 1] = 0;
        byte[] body = java.util.Arrays.copyOf(bytes, bytes.length - 32);
        byte[] sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256").digest(body);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        System.arraycopy(sha, 0, bytes, bytes.length - 32, 32);
        Files.write(file, bytes);
        RuleBaseArchive.Bases read = RuleBaseArchive.read(bytes, DefaultRuleBase.buildId(), first.digest());
        assertTrue(read != null, "the header and checksum hold");
        assertEquals(null, read.policy(), "the spoilt packages do not read");

        RuleSet again = RuleSet.load(rules, cache());
        assertEquals(RuleSet.Origin.SOURCE, again.origin());
        assertEquals(first.rules(), again.rules());
        assertEquals(RuleSet.Origin.CACHE, RuleSet.load(rules, cache()).origin(), "the spoilt file was replaced");
    }

    @Test
    void aCacheFolderThatCannotBeWrittenCostsOnlyACompile() throws IOException {
        Path blocked = Files.writeString(dir.resolve("a-file-not-a-folder"), "x");
        RuleBaseCache cache = RuleBaseCache.in(blocked.resolve("rule-cache"));
        Path rules = siteRules();
        assertEquals(RuleSet.Origin.SOURCE, RuleSet.load(rules, cache).origin());
        assertEquals(RuleSet.Origin.SOURCE, RuleSet.load(rules, cache).origin());
    }

    @Test
    void theCacheKeepsOnlyTheMostRecentlyUsedFolders() throws IOException {
        RuleBaseCache keepTwo = RuleBaseCache.in(dir.resolve("rule-cache"), 2);
        Path rules = siteRules();
        Path drl = rules.resolve("policy/dose-check.drl");
        String text = Files.readString(drl);
        List<String> digests = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Files.writeString(drl, text + "\n// edit " + i + "\n");
            digests.add(RuleSet.load(rules, keepTwo).digest());
        }
        try (var files = Files.list(dir.resolve("rule-cache"))) {
            assertEquals(2, files.count());
        }
        assertFalse(Files.exists(keepTwo.fileFor(digests.get(0))), "the oldest went");
        assertTrue(Files.exists(keepTwo.fileFor(digests.get(2))));
    }

    @Test
    void theUsersCacheLivesInTheDataFolder() {
        Path home = org.alaraaudit.scanlog.DataFolder.resolve(System.getenv());
        assertEquals(home.resolve("rule-cache").resolve("ab.kbase"), RuleBaseCache.forUser().fileFor("sha256:ab"));
    }

    @Test
    void thePackedRulesTheJarReadsAreTheRulesFolderFileForFile() throws IOException {
        Path packed = DefaultRuleBase.packedRules();
        assertTrue(packed != null, "the build packs the rules (process-classes)");
        java.util.Map<String, String> folder = contents(RuleSet.defaultRules());
        assertTrue(folder.size() > 30);
        assertEquals(folder, contents(packed));
    }

    private static java.util.Map<String, String> contents(Path root) throws IOException {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        try (var files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), RuleBaseArchive.sha256Hex(Files.readAllBytes(p)));
            }
        }
        return out;
    }
}
