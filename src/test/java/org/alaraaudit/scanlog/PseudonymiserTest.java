package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
        byte[] fromEnv = SiteSecret.resolve(Map.of(SiteSecret.ENV, "abc"), dir);
        assertEquals("abc", new String(fromEnv, StandardCharsets.UTF_8));
        assertTrue(Files.notExists(dir.resolve(SiteSecret.FILE_NAME)), "no secret file is created when the variable is set");
    }

    @Test
    void generatedSecretIsCreatedOnceAndReused(@TempDir Path dir) throws Exception {
        byte[] first = SiteSecret.resolve(Map.of(), dir.resolve("data"));
        byte[] second = SiteSecret.resolve(Map.of(), dir.resolve("data"));
        assertEquals(new String(first, StandardCharsets.UTF_8), new String(second, StandardCharsets.UTF_8));
        assertEquals(64, first.length, "32 random bytes, hex encoded");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("data").resolve(SiteSecret.FILE_NAME))));
    }
}
