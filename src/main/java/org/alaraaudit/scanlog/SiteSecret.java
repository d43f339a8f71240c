package org.alaraaudit.scanlog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The key of the pseudonyms: {@code ALARA_AUDIT_SECRET} when set, otherwise a random secret created once in the
 * user's data folder and reused, so pseudonyms stay the same from one monthly run to the next.
 */
public final class SiteSecret {
    public static final String ENV = "ALARA_AUDIT_SECRET";
    public static final String FILE_NAME = "site-secret";
    /** Below this an HMAC key can be guessed by trying: the pseudonyms would then reveal who is who. */
    static final int WEAK_BELOW_BYTES = 16;

    private SiteSecret() {}

    /**
     * The secret, creating the file on first use.
     *
     * @param warnings gets one line for a secret that works but should be fixed: too short, or readable by others
     * @throws Unusable when there is no usable secret: the user's to fix, and the message says how
     */
    public static byte[] resolve(Map<String, String> env, Path dataFolder, Consumer<String> warnings) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            byte[] secret = fromEnv.getBytes(StandardCharsets.UTF_8);
            if (secret.length < WEAK_BELOW_BYTES) warnings.accept(ENV + " is shorter than " + WEAK_BELOW_BYTES
                    + " bytes: pseudonyms keyed by a short secret can be reversed by guessing it; use a long random value");
            return secret;
        }
        Path file = dataFolder.resolve(FILE_NAME);
        Path inTheWay = DataFolder.fileInTheWay(dataFolder);
        if (inTheWay != null) {
            throw new Unusable("the data folder " + dataFolder + (inTheWay.equals(dataFolder.toAbsolutePath()) ? "" : " cannot be made: "
                    + inTheWay) + " is a file, not a folder: move it aside, or set ALARA_AUDIT_HOME to a folder for the site"
                    + " secret and the history store");
        }
        String s;
        try {
            if (!Files.exists(file)) create(file);
            s = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (AccessDeniedException e) {
            throw new Unusable("cannot read or create the site secret " + file + ": permission denied; make it readable"
                    + " (and the data folder writable) by the user who runs the audit, e.g. chmod 600, or set " + ENV);
        } catch (IOException e) {
            throw new Unusable("cannot read or create the site secret " + file + ": " + reason(e)
                    + "; restore the file from backup, or set " + ENV);
        }
        if (s.isEmpty()) {
            throw new Unusable("the site secret file " + file + " is empty: restore it from the backup kept with the history"
                    + " store, or set " + ENV + "; only to start new pseudonyms for every patient, delete it and a new one is made");
        }
        byte[] secret = s.getBytes(StandardCharsets.UTF_8);
        if (secret.length < WEAK_BELOW_BYTES) warnings.accept("the site secret " + file + " is shorter than "
                + WEAK_BELOW_BYTES + " bytes: pseudonyms keyed by a short secret can be reversed by guessing it");
        if (readableByOthers(file)) warnings.accept("the site secret " + file + " is readable by other users: chmod 600 "
                + file + " (anyone who reads it can link pseudonyms to patient ids)");
        return secret;
    }

    private static boolean readableByOthers(Path file) {
        try {
            return DataFolder.readableByOthers(file);
        } catch (IOException e) {
            return false; // it was just read; a permission query that fails is no reason to stop the audit
        }
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        if (m == null) return e.getClass().getSimpleName();
        // NIO messages repeat the path: "/x/site-secret: Is a directory" -> "Is a directory"
        int colon = m.lastIndexOf(": ");
        return colon >= 0 ? m.substring(colon + 2) : m;
    }

    private static void create(Path file) throws IOException {
        DataFolder.create(file.getParent());
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

    /** No usable site secret: a configuration the user fixes (exit code 3), with what to do in the message. */
    public static final class Unusable extends RuntimeException {
        Unusable(String message) { super(message); }
    }
}
