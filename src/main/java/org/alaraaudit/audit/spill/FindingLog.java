package org.alaraaudit.audit.spill;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.alaraaudit.audit.spill.FindingCodec;
import org.alaraaudit.audit.spill.SpillIn;
import org.alaraaudit.audit.spill.SpillOut;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Findings;
import org.alaraaudit.scanlog.SpillFolder;

/**
 * A run's findings in report order, with memory bounded by a fixed number of findings rather than by the input:
 * a registry-sized audit finds millions. Up to {@link #IN_MEMORY} they are held as a list; past that, each full
 * batch is sorted and written to a temporary file, and reading merges the sorted files. Every report reads the
 * findings front to back, which stays a stream; there is no random access.
 */
public final class FindingLog implements Findings {
    public static final int IN_MEMORY = 50_000;
    private static final Cleaner CLEANER = Cleaner.create();

    private final List<Finding> inMemory;
    private final List<Path> runs;
    private final Comparator<Finding> order;
    private final int size;

    private FindingLog(List<Finding> inMemory, List<Path> runs, Comparator<Finding> order, int size) {
        this.inMemory = inMemory;
        this.runs = runs;
        this.order = order;
        this.size = size;
    }

    /** A log of findings already in memory, sorted here. */
    public static FindingLog of(Collection<Finding> findings, Comparator<Finding> order) {
        Builder b = new Builder(order, Integer.MAX_VALUE);
        b.addAll(findings);
        return b.build();
    }

    @Override
    public int size() { return size; }

    /** True when the findings went to temporary files. */
    public boolean spilled() { return !runs.isEmpty(); }

    @Override
    public Iterator<Finding> iterator() {
        if (runs.isEmpty()) return java.util.Collections.unmodifiableList(inMemory).iterator();
        return new Merge(runs, order);
    }

    /** Collects findings as the rules report them and hands over the sorted log once the run is complete. */
    public static final class Builder {
        private final Comparator<Finding> order;
        private final int limit;
        private java.util.function.Consumer<Finding> counter = f -> { };
        private List<Finding> batch = new ArrayList<>();
        private final List<Path> runs = new ArrayList<>();
        private Path dir;
        private int size;

        public Builder(Comparator<Finding> order) { this(order, IN_MEMORY); }

        /** Holding at most {@code limit} findings in memory, fewer when the heap is small, before a sorted batch goes to disk. */
        public Builder(Comparator<Finding> order, int limit) {
            this.order = order;
            this.limit = HeapBudget.findings(limit);
        }

        /** Also hands every finding added to {@code counter}, on the thread that adds it. */
        public Builder counting(java.util.function.Consumer<Finding> counter) {
            this.counter = counter;
            return this;
        }

        public void addAll(Collection<Finding> findings) {
            for (Finding f : findings) {
                counter.accept(f);
                batch.add(f);
                size++;
                if (batch.size() >= limit) spill();
            }
        }

        public FindingLog build() {
            if (runs.isEmpty()) {
                batch.sort(order);
                return new FindingLog(List.copyOf(batch), List.of(), order, size);
            }
            if (!batch.isEmpty()) spill();
            FindingLog log = new FindingLog(List.of(), List.copyOf(runs), order, size);
            List<Path> files = List.copyOf(runs);
            Path folder = dir;
            // The temporary files live as long as the log is reachable: reports are written from it after the run.
            CLEANER.register(log, () -> delete(files, folder));
            return log;
        }

        private void spill() {
            batch.sort(order);
            try {
                if (dir == null) {
                    dir = SpillFolder.create("findings");
                    dir.toFile().deleteOnExit();
                }
                Path run = dir.resolve("run-" + runs.size() + ".bin");
                run.toFile().deleteOnExit();
                // Texts that recur across findings (rule, place, protocol, and above all the reference's
                // citation, hundreds of characters) are numbered per run file: the spill and every reading cost a
                // third less.
                try (SpillOut out = new SpillOut(run, 1 << 16, SpillOut.MAX_WORDS)) {
                    for (Finding f : batch) FindingCodec.write(out, f);
                }
                runs.add(run);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the temporary findings file", e);
            }
            batch = new ArrayList<>();
        }
    }

    private static void delete(List<Path> files, Path dir) {
        try {
            for (Path p : files) Files.deleteIfExists(p);
            if (dir != null) Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // Temporary files only; deleteOnExit and the OS clean up after us.
        }
    }

    /** Merges the sorted runs; each run file is read through its own buffered stream. */
    private static final class Merge implements Iterator<Finding> {
        private record Head(Finding finding, Run run) {}

        /** One run file being read. */
        private record Run(SpillIn in) {}

        private final PriorityQueue<Head> heads;

        Merge(List<Path> runs, Comparator<Finding> order) {
            heads = new PriorityQueue<>(Math.max(1, runs.size()), Comparator.comparing(Head::finding, order));
            for (Path run : runs) {
                try {
                    advance(new Run(new SpillIn(run, 1 << 15)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the temporary findings file " + run, e);
                }
            }
        }

        private void advance(Run run) {
            try {
                heads.add(new Head(FindingCodec.finding(run.in()), run));
            } catch (EOFException end) {
                close(run.in());
            } catch (IOException e) {
                close(run.in());
                throw new UncheckedIOException("cannot read the temporary findings file", e);
            }
        }

        private static void close(SpillIn in) {
            try {
                in.close();
            } catch (IOException ignored) {
                // a read-only stream of a temporary file
            }
        }

        @Override
        public boolean hasNext() { return !heads.isEmpty(); }

        @Override
        public Finding next() {
            Head h = heads.poll();
            if (h == null) throw new NoSuchElementException();
            advance(h.run());
            return h.finding();
        }
    }
}
