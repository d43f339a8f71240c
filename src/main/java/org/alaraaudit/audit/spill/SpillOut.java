package org.alaraaudit.audit.spill;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * One temporary file being written, field by field, in the one format every spill file of a run shares (read back
 * by {@link SpillIn}). Texts that recur from record to record (file, place, device, protocol, citation) are
 * written once per file and then as their number: decoding the same few hundred strings millions of times was a
 * third of reading a spill back. The number of such words is capped per file, so free text cannot grow it.
 */
public final class SpillOut implements Closeable {
    static final int NULL = 0;
    static final int INLINE = 1;
    static final int NEW_WORD = 2;
    static final int KNOWN_WORD = 3;
    /** The most words one file can number: their numbers are written as two bytes. */
    public static final int MAX_WORDS = 1 << 16;

    private final DataOutputStream out;
    private final Map<String, Integer> words = new HashMap<>();
    private final int maxWords;

    /** A new file at {@code path} numbering at most {@code maxWords} words. */
    public SpillOut(Path path, int bufferSize, int maxWords) throws IOException {
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), bufferSize));
        this.maxWords = Math.min(maxWords, MAX_WORDS);
    }

    /** Records written to a stream: how a cluster ships rows and findings between machines as bytes. */
    public SpillOut(java.io.OutputStream stream, int maxWords) {
        this.out = new DataOutputStream(stream);
        this.maxWords = Math.min(maxWords, MAX_WORDS);
    }

    /** A text of any length, null included, that seldom repeats. */
    public void text(String s) throws IOException { SpillFields.text(out, s); }

    /** A text that repeats from record to record: numbered on first sight while the file has room. */
    public void word(String s) throws IOException {
        if (s == null) {
            out.writeByte(NULL);
            return;
        }
        Integer id = words.get(s);
        if (id != null) {
            out.writeByte(KNOWN_WORD);
            out.writeShort(id);
        } else if (words.size() < maxWords) {
            words.put(s, words.size());
            out.writeByte(NEW_WORD);
            SpillFields.text(out, s);
        } else {
            out.writeByte(INLINE);
            SpillFields.text(out, s);
        }
    }

    public void number(Double d) throws IOException { SpillFields.number(out, d); }

    public void real(double d) throws IOException { out.writeDouble(d); }

    public void whole(Integer i) throws IOException {
        out.writeBoolean(i != null);
        if (i != null) out.writeInt(i);
    }

    public void integer(int i) throws IOException { out.writeInt(i); }

    public void longWhole(long l) throws IOException { out.writeLong(l); }

    public void time(LocalDateTime t) throws IOException { SpillFields.time(out, t); }

    public void flag(boolean b) throws IOException { out.writeBoolean(b); }

    /** An enum constant or null, by its ordinal. */
    public void choice(Enum<?> e) throws IOException { out.writeShort(e == null ? -1 : e.ordinal()); }

    @Override
    public void close() throws IOException { out.close(); }
}
