package org.alaraaudit.scanlog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a whole file, in lower-case hex, as a report records an input and {@code verify} and
 * {@code review import} check one. One function, so the digest an audit writes and the digest a later command
 * compares it with cannot come to differ.
 */
public final class FileDigest {
    private FileDigest() {}

    /**
     * The file's digest, read as a stream: a file of any size costs one buffer.
     *
     * @throws IOException when the file cannot be read; the caller says what the file was for
     */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The digest of a scan-log input.
     *
     * @throws ScanLogException naming the file when it cannot be read
     */
    public static String ofInput(Path file) {
        try {
            return sha256(file);
        } catch (IOException e) {
            throw new ScanLogException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
