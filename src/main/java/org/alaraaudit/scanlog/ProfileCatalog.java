package org.alaraaudit.scanlog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The mapping profiles that travel inside the jar (src/main/resources/profiles/, listed in shipped.list in the
 * order detection prefers them), and the lookup of a profile the user names by name or file.
 */
public final class ProfileCatalog {
    private static final String FOLDER = "/profiles/";
    private static volatile List<MappingProfile> shipped;

    private ProfileCatalog() {}

    public static List<MappingProfile> shipped() {
        List<MappingProfile> s = shipped;
        if (s == null) {
            List<MappingProfile> out = new ArrayList<>();
            for (String line : resource("shipped.list").split("\\R")) {
                String name = line.trim();
                if (name.isEmpty() || name.startsWith("#")) continue;
                out.add(MappingProfile.parse(resource(name + ".profile"), name + ".profile (built in)", name));
            }
            shipped = s = List.copyOf(out);
        }
        return s;
    }

    public static List<String> shippedNames() {
        return shipped().stream().map(MappingProfile::name).toList();
    }

    /** A shipped profile by name, or a profile file by path. */
    public static MappingProfile resolve(String nameOrFile) {
        String want = nameOrFile.trim();
        for (MappingProfile p : shipped()) if (p.name().equalsIgnoreCase(want)) return p;
        Path f = Path.of(want);
        if (Files.isRegularFile(f)) {
            try {
                String name = f.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                byte[] bytes = Files.readAllBytes(f);
                return MappingProfile.parse(new String(bytes, StandardCharsets.UTF_8), f.getFileName().toString(), name)
                        .fromFile(sha256(bytes));
            } catch (IOException e) {
                throw new ScanLogException("profile " + f + ": cannot be read: " + e.getMessage(), e);
            }
        }
        throw new ScanLogException("profile \"" + nameOrFile + "\": no built-in profile has that name ("
                + String.join(", ", shippedNames()) + ") and there is no such file");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ProfileCatalog.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) throw new IllegalStateException("the built-in profile " + FOLDER + name + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
