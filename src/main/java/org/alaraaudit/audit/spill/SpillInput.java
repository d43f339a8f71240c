package org.alaraaudit.audit.spill;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A buffered reader of the audit's own temporary files without BufferedInputStream's lock: DataInputStream reads
 * a number byte by byte, and the synchronized single-byte read was a tenth of reading the patient buckets and the
 * spilled findings back. Only one thread ever reads one of these files.
 */
public final class SpillInput extends InputStream {
    private final InputStream in;
    private final byte[] buffer;
    private int pos;
    private int end;

    public SpillInput(Path file, int bufferSize) throws IOException {
        this.in = Files.newInputStream(file);
        this.buffer = new byte[bufferSize];
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) return false;
        pos = 0;
        end = n;
        return true;
    }

    @Override
    public int read() throws IOException {
        if (pos == end && !fill()) return -1;
        return buffer[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (pos == end) {
            if (len >= buffer.length) return in.read(b, off, len);
            if (!fill()) return -1;
        }
        int n = Math.min(len, end - pos);
        System.arraycopy(buffer, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException { in.close(); }
}
