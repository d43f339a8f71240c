package org.alaraaudit.scanlog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The key of the pseudonyms: {@code ALARA_AUDIT_SECRET} when set, otherwise a random secret created once in the
 * user's data folder and reused, so pseudonyms stay the same from one monthly run to the next.
 */
public final class SiteSecret {
    public static final String ENV = "ALARA_AUDIT_SECRET";
    public static final String FILE_NAME = "site-secret";

    private SiteSecret() {}

    public static byte[] resolve(Map<String, String> env, Path dataFolder) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) return fromEnv.getBytes(StandardCharsets.UTF_8);
        Path file = dataFolder.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) create(file);
            String s = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (s.isEmpty()) throw new IllegalStateException("the site secret file " + file + " is empty; restore it from backup or set " + ENV);
            return s.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the site secret " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the user profile folder is already private to the user.
            }
            Files.writeString(tmp, HexFormat.of().formatHex(random) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file);
            } catch (FileAlreadyExistsException raced) {
                // Another run created it first: keep theirs, so both runs agree on pseudonyms.
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
