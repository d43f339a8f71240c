package org.alaraaudit.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Apache ECharts 5.3.1 (Apache License 2.0), the minified script of the WebJar {@code org.webjars.npm:echarts:5.3.1}
 * from Maven Central, inlined into every dashboard so the page needs no network. The script runs in the reader's
 * browser with the page's data, so the copy in the jar is checked against the SHA-256 pinned here each time it is
 * loaded: a copy that differs (a repackaged jar, a different version on the class path) is a defect of the build,
 * never something to write into a report.
 */
public final class ChartLibrary {
    public static final String VERSION = "5.3.1";
    static final String RESOURCE = "META-INF/resources/webjars/echarts/" + VERSION + "/dist/echarts.min.js";
    /** sha256sum of dist/echarts.min.js in echarts-5.3.1.jar as Maven Central serves it. */
    static final String SHA256 = "ba9fd5434d1759fc1f08df610edc4399993d3e00d5b3cddd42f4cf46758ad29e";
    /** Said in each page's footer, as the licence asks of a redistribution (NOTICE of the package). */
    public static final String NOTICE = "Charts drawn with Apache ECharts " + VERSION + ", Copyright 2017-2022 The Apache Software "
            + "Foundation, licensed under the Apache License, Version 2.0 (https://www.apache.org/licenses/LICENSE-2.0); "
            + "it includes d3 code under the BSD 3-Clause licence. This product includes software developed at The Apache "
            + "Software Foundation (https://www.apache.org/).";

    /** The jar's copy of the script is missing or differs from the pinned one: the build is broken (exit 70). */
    public static final class Altered extends IllegalStateException {
        public Altered(String message) { super(message); }
    }

    private static volatile String verified;

    private ChartLibrary() {}

    /** The script text, checked against the pinned SHA-256; read from the jar once per run. */
    public static String script() {
        String s = verified;
        if (s != null) return s;
        synchronized (ChartLibrary.class) {
            if (verified == null) verified = check(read(), RESOURCE);
            return verified;
        }
    }

    private static byte[] read() {
        try (InputStream in = ChartLibrary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new Altered("the charting library " + RESOURCE + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new Altered("the charting library " + RESOURCE + " cannot be read from the jar: " + e.getMessage());
        }
    }

    /**
     * The bytes as script text when their SHA-256 is the pinned one. The pinned script holds neither "</script" nor
     * "<!--" (checked here too), so it can stand inside a script element as it is.
     */
    static String check(byte[] bytes, String name) {
        String digest;
        try {
            digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        if (!digest.equals(SHA256)) {
            throw new Altered("the charting library " + name + " in the jar has SHA-256 " + digest + ", not the pinned "
                    + SHA256 + " of ECharts " + VERSION + "; the jar was not built from this release");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("</script") || lower.contains("<!--")) {
            throw new Altered("the charting library " + name + " would end its script element early");
        }
        return text;
    }
}
