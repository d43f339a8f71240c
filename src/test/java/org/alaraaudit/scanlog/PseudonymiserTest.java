package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.alaraaudit.AuditFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymiserTest {
    // Expected values computed independently: python3 hmac.new(key, id.encode(), sha256).hexdigest()[:12]
    @Test
    void knownIdAndKeyGiveThePublishedPseudonym() {
        assertEquals("0280e097b6d6", new Pseudonymiser("test-secret".getBytes(StandardCharsets.UTF_8)).pseudonym("MRN1"));
        assertEquals("cf08859d8ad2", new Pseudonymiser("site key".getBytes(StandardCharsets.UTF_8)).pseudonym("Émile-42"));
    }

    @Test
    void surroundingSpacesDoNotChangeThePatient() {
        Pseudonymiser p = new Pseudonymiser("k".getBytes(StandardCharsets.UTF_8));
        assertEquals(p.pseudonym("MRN1"), p.pseudonym("  MRN1 "));
        assertNotEquals(p.pseudonym("MRN1"), p.pseudonym("MRN2"));
    }

    @Test
    void environmentSecretWinsOverTheSecretFile(@TempDir Path dir) {
        byte[] fromEnv = SiteSecret.resolve(Map.of(SiteSecret.ENV, "abc"), dir, w -> { });
        assertEquals("abc", new String(fromEnv, StandardCharsets.UTF_8));
        assertTrue(Files.notExists(dir.resolve(SiteSecret.FILE_NAME)), "no secret file is created when the variable is set");
    }

    @Test
    void generatedSecretIsCreatedOnceAndReused(@TempDir Path dir) throws Exception {
        byte[] first = SiteSecret.resolve(Map.of(), dir.resolve("data"), w -> { });
        byte[] second = SiteSecret.resolve(Map.of(), dir.resolve("data"), w -> { });
        assertEquals(new String(first, StandardCharsets.UTF_8), new String(second, StandardCharsets.UTF_8));
        assertEquals(64, first.length, "32 random bytes, hex encoded");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("data").resolve(SiteSecret.FILE_NAME))));
    }

    @Test
    void anEmptySecretFileIsTheUsersToFixAndSaysHow(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(SiteSecret.FILE_NAME), "\n");
        SiteSecret.Unusable e = assertThrows(SiteSecret.Unusable.class, () -> SiteSecret.resolve(Map.of(), dir, w -> { }));
        assertTrue(e.getMessage().contains("is empty: restore it from the backup"), e.getMessage());
        assertTrue(e.getMessage().contains(SiteSecret.ENV), e.getMessage());
    }

    @Test
    void aDataFolderThatIsAFileIsTheUsersToFix(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("alara-audit"), "not a folder");
        SiteSecret.Unusable e = assertThrows(SiteSecret.Unusable.class, () -> SiteSecret.resolve(Map.of(), file, w -> { }));
        assertTrue(e.getMessage().contains("the data folder " + file + " is a file, not a folder"), e.getMessage());
        Path below = file.resolve("deeper");
        e = assertThrows(SiteSecret.Unusable.class, () -> SiteSecret.resolve(Map.of(), below, w -> { }));
        assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
    }

    @Test
    void aSecretThatCannotBeReadIsTheUsersToFix(@TempDir Path dir) throws Exception {
        Files.createDirectory(dir.resolve(SiteSecret.FILE_NAME));
        SiteSecret.Unusable e = assertThrows(SiteSecret.Unusable.class, () -> SiteSecret.resolve(Map.of(), dir, w -> { }));
        assertTrue(e.getMessage().startsWith("cannot read or create the site secret " + dir.resolve(SiteSecret.FILE_NAME)), e.getMessage());
    }

    @Test
    void aShortOrOthersReadableSecretWorksWithAOneLineWarning(@TempDir Path dir) throws Exception {
        List<String> warnings = new ArrayList<>();
        SiteSecret.resolve(Map.of(SiteSecret.ENV, "0123456789abcde"), dir, warnings::add);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("shorter than 16 bytes"), warnings.toString());
        warnings.clear();
        SiteSecret.resolve(Map.of(SiteSecret.ENV, "0123456789abcdef"), dir, warnings::add);
        assertEquals(List.of(), warnings, "16 bytes are enough");

        Path secret = Files.writeString(dir.resolve(SiteSecret.FILE_NAME), "0123456789abcdef0123\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        SiteSecret.resolve(Map.of(), dir, warnings::add);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("is readable by other users: chmod 600"), warnings.toString());
        assertFalse(warnings.get(0).contains("\n"), "one line");
    }

    /** As a user meets it: the exit code and the message of `alara-audit audit` with an empty secret file. */
    @Test
    void theCommandLineSaysHowToFixAnEmptySecretWithExitCodeThree(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectory(dir.resolve("home"));
        Files.writeString(home.resolve(SiteSecret.FILE_NAME), "");
        Path log = new AuditFixture().row("patient_id", "P1", "accession_number", "A1").write(dir, "log.csv");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.alaraaudit.cli.Main", "audit", log.toString(),
                "--no-history", "--format", "json", "--out", dir.resolve("reports").toString())
                .redirectErrorStream(true);
        pb.environment().put("ALARA_AUDIT_HOME", home.toString());
        pb.environment().remove(SiteSecret.ENV);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(3, p.exitValue(), out);
        assertTrue(out.startsWith("alara-audit: the site secret file " + home.resolve(SiteSecret.FILE_NAME) + " is empty"), out);
        assertFalse(out.contains("\tat "), out);
        assertFalse(Files.exists(dir.resolve("reports")), "nothing written");
    }
}
