package org.alaraaudit.audit.spill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.alaraaudit.scanlog.SpillFolder;

/**
 * One temporary file shared by a run's dose samples, written in blocks of a fixed number of values: a
 * registry-sized run has millions of CTDIvol values per protocol. Created on the first block, deleted on close.
 */
public final class DoseValueFile implements AutoCloseable {
    private Path path;
    private FileChannel channel;
    private long end;
    private final ByteBuffer buffer;

    /** Blocks of {@code blockValues} values. */
    public DoseValueFile(int blockValues) { this.buffer = ByteBuffer.allocate(blockValues * Double.BYTES); }

    /** Writes a full block and returns where it starts. */
    public long append(double[] values, int n) {
        try {
            if (channel == null) {
                path = SpillFolder.createFile("doses");
                channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.DELETE_ON_CLOSE);
            }
            buffer.clear();
            buffer.asDoubleBuffer().put(values, 0, n);
            buffer.limit(n * Double.BYTES);
            long at = end;
            while (buffer.hasRemaining()) end += channel.write(buffer, end);
            return at;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the temporary dose file " + path, e);
        }
    }

    public void read(long offset, double[] into, int n) {
        try {
            buffer.clear();
            buffer.limit(n * Double.BYTES);
            long at = offset;
            while (buffer.hasRemaining()) {
                int r = channel.read(buffer, at);
                if (r < 0) throw new IOException("the file ends early");
                at += r;
            }
            buffer.flip();
            buffer.asDoubleBuffer().get(into, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the temporary dose file " + path, e);
        }
    }

    @Override
    public void close() {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // DELETE_ON_CLOSE removes the file; the OS cleans its temp folder otherwise.
        }
    }
}
