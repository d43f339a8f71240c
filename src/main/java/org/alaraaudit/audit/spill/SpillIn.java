package org.alaraaudit.audit.spill;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** One temporary file written by {@link SpillOut}, read back field by field in the order it was written. */
public final class SpillIn implements Closeable {
    private final DataInputStream in;
    private final List<String> words = new ArrayList<>();

    public SpillIn(Path path, int bufferSize) throws IOException {
        this.in = new DataInputStream(new SpillInput(path, bufferSize));
    }

    /** Records read from a stream written by {@link SpillOut#SpillOut(java.io.OutputStream, int)}. */
    public SpillIn(java.io.InputStream stream) {
        this.in = new DataInputStream(stream);
    }

    public String text() throws IOException { return SpillFields.text(in); }

    public String word() throws IOException {
        switch (in.readByte()) {
            case SpillOut.NULL: return null;
            case SpillOut.INLINE: return SpillFields.text(in);
            case SpillOut.NEW_WORD: {
                String s = SpillFields.text(in);
                words.add(s);
                return s;
            }
            default: return words.get(in.readUnsignedShort());
        }
    }

    public Double number() throws IOException { return SpillFields.number(in); }

    public double real() throws IOException { return in.readDouble(); }

    public Integer whole() throws IOException { return in.readBoolean() ? in.readInt() : null; }

    public int integer() throws IOException { return in.readInt(); }

    public long longWhole() throws IOException { return in.readLong(); }

    public LocalDateTime time() throws IOException { return SpillFields.time(in); }

    public boolean flag() throws IOException { return in.readBoolean(); }

    public <E extends Enum<E>> E choice(E[] values) throws IOException {
        short i = in.readShort();
        return i < 0 ? null : values[i];
    }

    @Override
    public void close() throws IOException { in.close(); }
}
