package org.alaraaudit.scanlog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds where a file stops being UTF-8, so the message can send the user to the line to fix. */
final class Utf8Text {
    private Utf8Text() {}

    /** The 1-based line of the first byte sequence that is not UTF-8, or 0 when none is found. */
    static long firstBadLine(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long line = 1;
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    line++;
                    continue;
                }
                int follow = b < 0x80 ? 0 : b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
                if (follow < 0) return line;
                for (int i = 0; i < follow; i++) {
                    int c = in.read();
                    if (c == -1 || (c & 0xC0) != 0x80) return line;
                }
            }
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
