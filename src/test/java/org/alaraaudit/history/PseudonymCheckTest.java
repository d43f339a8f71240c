package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.alaraaudit.scanlog.Pseudonymiser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store remembers which site secret its patients were pseudonymised with (as a keyed hash that tells nothing of
 * it): a run with the same secret goes on, a run with another is refused before it reads or writes anything, since
 * its patients would never meet their history.
 */
class PseudonymCheckTest {
    @TempDir
    Path dir;

    private static String check(String secret) {
        return new Pseudonymiser(secret.getBytes(StandardCharsets.UTF_8)).pseudonym("alara-audit: pseudonym check");
    }

    @Test
    void theFirstSecretIsKeptTheSameOneGoesOnAndAnotherIsRefused() {
        HistoryStore store = HistoryStore.open("jdbc:h2:file:" + dir.resolve("store").resolve("history"), Map.of());
        PseudonymCheck.verify(store, check("site-secret-of-twenty-bytes-A"));
        PseudonymCheck.verify(store, check("site-secret-of-twenty-bytes-A"));
        HistoryException e = assertThrows(HistoryException.class,
                () -> PseudonymCheck.verify(store, check("site-secret-of-twenty-bytes-B")));
        assertTrue(e.getMessage().contains("holds patients pseudonymised with another site secret"), e.getMessage());
        assertTrue(!e.getMessage().contains("twenty-bytes"), "the message tells nothing of the secret");
        PseudonymCheck.verify(store, check("site-secret-of-twenty-bytes-A"));
    }
}
