package org.alaraaudit.audit.aggregate;

import java.io.IOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.alaraaudit.audit.spill.SpillIn;
import org.alaraaudit.audit.spill.SpillOut;
import org.alaraaudit.model.SourceLine;

/**
 * The input lines a period-level finding rests on (a DRL group's every value), eight bytes a line instead of an
 * object each: a registry-sized group has millions. Lines are packed as file index and line number; the file
 * names are shared by every list of one tally.
 */
final class PackedLines {
    private static final int LINE_BITS = 40;

    /** The file names of one tally, numbered as first seen. */
    static final class Files {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        int of(String file) {
            return index.computeIfAbsent(file, f -> {
                names.add(f);
                return names.size() - 1;
            });
        }

        String name(int i) { return names.get(i); }
    }

    private final Files files;
    private long[] packed = new long[8];
    private int size;

    PackedLines(Files files) { this.files = files; }

    void add(SourceLine l) {
        if (size == packed.length) packed = Arrays.copyOf(packed, size * 2);
        packed[size++] = ((long) files.of(l.file()) << LINE_BITS) | l.line();
    }

    void addAll(List<SourceLine> lines) { for (SourceLine l : lines) add(l); }

    /**
     * The distinct lines, sorted by file name and line as SourceLine sorts. Decoded on access, so the list costs
     * the packed array only.
     */
    List<SourceLine> sorted() {
        long[] p = Arrays.copyOf(packed, size);
        // Sort by file name first: file indexes follow first sight, not the name.
        int[] rank = new int[p.length == 0 ? 0 : (int) (Arrays.stream(p).map(v -> v >>> LINE_BITS).max().orElse(0) + 1)];
        List<Integer> byName = new ArrayList<>();
        for (int i = 0; i < rank.length; i++) byName.add(i);
        byName.sort((a, b) -> files.name(a).compareTo(files.name(b)));
        for (int r = 0; r < byName.size(); r++) rank[byName.get(r)] = r;
        int[] fileOfRank = new int[rank.length];
        for (int i = 0; i < rank.length; i++) fileOfRank[rank[i]] = i;
        long mask = (1L << LINE_BITS) - 1;
        for (int i = 0; i < p.length; i++) p[i] = ((long) rank[(int) (p[i] >>> LINE_BITS)] << LINE_BITS) | (p[i] & mask);
        Arrays.sort(p);
        int n = 0;
        for (int i = 0; i < p.length; i++) if (n == 0 || p[i] != p[n - 1]) p[n++] = p[i];
        long[] unique = Arrays.copyOf(p, n);
        return new Decoded(unique, fileOfRank, files, mask);
    }

    private static final class Decoded extends AbstractList<SourceLine> implements RandomAccess {
        private final long[] packed;
        private final int[] fileOfRank;
        private final Files files;
        private final long mask;

        Decoded(long[] packed, int[] fileOfRank, Files files, long mask) {
            this.packed = packed;
            this.fileOfRank = fileOfRank;
            this.files = files;
            this.mask = mask;
        }

        @Override
        public SourceLine get(int i) {
            return new SourceLine(files.name(fileOfRank[(int) (packed[i] >>> LINE_BITS)]), packed[i] & mask);
        }

        @Override
        public int size() { return packed.length; }
    }

    /** Lines for a partial tally's record: file names once each, then the lines. */
    static void write(SpillOut out, List<SourceLine> lines) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (SourceLine l : lines) if (index.putIfAbsent(l.file(), names.size()) == null) names.add(l.file());
        out.integer(names.size());
        for (String n : names) out.text(n);
        out.integer(lines.size());
        for (SourceLine l : lines) {
            out.integer(index.get(l.file()));
            out.longWhole(l.line());
        }
    }

    static List<SourceLine> read(SpillIn in) throws IOException {
        String[] names = new String[in.integer()];
        for (int i = 0; i < names.length; i++) names[i] = in.text();
        int n = in.integer();
        List<SourceLine> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) lines.add(new SourceLine(names[in.integer()], in.longWhole()));
        return lines;
    }
}
