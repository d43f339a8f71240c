package org.alaraaudit.dicomweb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * How to authenticate to the DICOMweb server: none, HTTP basic (user and password) or a bearer token. Secrets
 * come from the environment or a file, never from the command line, where other users of the machine can read
 * them in the process list and shells keep them in their history.
 */
public final class Credentials {
    /** Environment variable holding the password for {@code --user}. */
    public static final String PASSWORD_ENV = "ALARA_DICOMWEB_PASSWORD";
    /** Environment variable holding a bearer token. */
    public static final String TOKEN_ENV = "ALARA_DICOMWEB_TOKEN";

    public static final Credentials NONE = new Credentials(null, "none");

    private final String header;
    private final String description;

    private Credentials(String header, String description) {
        this.header = header;
        this.description = description;
    }

    /**
     * The credentials the options and environment give: {@code user} with the password from {@code passwordFile}
     * or {@value #PASSWORD_ENV}; else a token from {@code tokenFile} or {@value #TOKEN_ENV}; else none.
     *
     * @throws IllegalArgumentException when a user has no password, a file cannot be read, or both kinds are given
     */
    public static Credentials resolve(String user, Path passwordFile, Path tokenFile, Map<String, String> env) {
        if (user != null && tokenFile != null) {
            throw new IllegalArgumentException("--user and --token-file: give one way to sign in, not both");
        }
        if (user != null) {
            String password = passwordFile != null ? secretFile(passwordFile, "--password-file") : env.get(PASSWORD_ENV);
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("--user " + user + ": no password; put it in a file named by --password-file"
                        + " or in the environment variable " + PASSWORD_ENV + " (never on the command line)");
            }
            String pair = user + ":" + password;
            return new Credentials("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
                    "user " + user);
        }
        String token = tokenFile != null ? secretFile(tokenFile, "--token-file") : env.get(TOKEN_ENV);
        if (token != null && !token.isEmpty()) return new Credentials("Bearer " + token, "a bearer token");
        if (passwordFile != null) throw new IllegalArgumentException("--password-file needs --user");
        return NONE;
    }

    private static String secretFile(Path f, String option) {
        try {
            String s = Files.readString(f, StandardCharsets.UTF_8).strip();
            if (s.isEmpty()) throw new IllegalArgumentException(option + " " + f + ": the file is empty");
            return s;
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + f + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The Authorization header value, or null for none. */
    String header() { return header; }

    /** For messages: "user NAME", "a bearer token" or "none"; never the secret. */
    public String description() { return description; }
}
