package org.alaraaudit.audit;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.model.TargetRegion;
import org.alaraaudit.scanlog.SpillFolder;

/**
 * A run's findings in report order, with memory bounded by a fixed number of findings rather than by the input:
 * a registry-sized audit finds millions. Up to {@link #IN_MEMORY} they are held as a list; past that, each full
 * batch is sorted and written to a temporary file, and reading merges the sorted files. Every report reads the
 * findings front to back, which stays a stream; {@code get(i)} on a spilled log walks from the start.
 */
public final class FindingLog extends AbstractList<Finding> {
    static final int IN_MEMORY = 50_000;
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
    public Finding get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        if (runs.isEmpty()) return inMemory.get(index);
        Iterator<Finding> it = iterator();
        for (int i = 0; i < index; i++) it.next();
        return it.next();
    }

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
        Builder counting(java.util.function.Consumer<Finding> counter) {
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
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
                    java.util.Map<String, Integer> words = new java.util.HashMap<>();
                    for (Finding f : batch) write(out, f, words);
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

        /** One run file being read, with the words its writer numbered. */
        private record Run(DataInputStream in, List<String> words) {}

        private final PriorityQueue<Head> heads;

        Merge(List<Path> runs, Comparator<Finding> order) {
            heads = new PriorityQueue<>(Math.max(1, runs.size()), Comparator.comparing(Head::finding, order));
            for (Path run : runs) {
                try {
                    DataInputStream in = new DataInputStream(new SpillInput(run, 1 << 15));
                    advance(new Run(in, new ArrayList<>()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the temporary findings file " + run, e);
                }
            }
        }

        private void advance(Run run) {
            try {
                heads.add(new Head(read(run.in(), run.words()), run));
            } catch (EOFException end) {
                close(run.in());
            } catch (IOException e) {
                close(run.in());
                throw new UncheckedIOException("cannot read the temporary findings file", e);
            }
        }

        private static void close(DataInputStream in) {
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

    private static void write(DataOutputStream o, Finding f, java.util.Map<String, Integer> words) throws IOException {
        SpillFields.text(o, f.findingId());
        word(o, f.ruleId(), words);
        o.writeByte(f.severity().ordinal());
        word(o, f.scope(), words);
        word(o, f.facility(), words);
        word(o, f.stationName(), words);
        SpillFields.text(o, f.accessionNumber());
        SpillFields.time(o, f.studyDatetime());
        SpillFields.text(o, f.patientRef());
        SpillFields.number(o, f.ageYears());
        word(o, f.protocolName(), words);
        word(o, f.standardProtocol(), words);
        o.writeByte(f.targetRegion() == null ? -1 : f.targetRegion().ordinal());
        word(o, f.quantity(), words);
        SpillFields.number(o, f.measuredValue());
        SpillFields.number(o, f.referenceValue());
        word(o, f.unit(), words);
        word(o, f.referenceSource(), words);
        SpillFields.text(o, f.message());
        o.writeInt(f.inputLines().size());
        String lastFile = null;
        for (SourceLine l : f.inputLines()) {
            // Lines of one finding nearly always share a file: write its name once per change.
            boolean same = l.file().equals(lastFile);
            o.writeBoolean(same);
            if (!same) o.writeUTF(l.file());
            o.writeLong(l.line());
            lastFile = l.file();
        }
        o.writeBoolean(f.pediatric());
        SpillFields.text(o, f.relatedAccessionNumber());
    }

    private static Finding read(DataInputStream in, List<String> words) throws IOException {
        String id = SpillFields.text(in);
        String rule = word(in, words);
        Severity severity = Severity.values()[in.readByte()];
        String scope = word(in, words);
        String facility = word(in, words);
        String station = word(in, words);
        String accession = SpillFields.text(in);
        LocalDateTime time = SpillFields.time(in);
        String patient = SpillFields.text(in);
        Double age = SpillFields.number(in);
        String protocol = word(in, words);
        String standard = word(in, words);
        byte region = in.readByte();
        String quantity = word(in, words);
        Double measured = SpillFields.number(in);
        Double reference = SpillFields.number(in);
        String unit = word(in, words);
        String source = word(in, words);
        String message = SpillFields.text(in);
        int n = in.readInt();
        List<SourceLine> lines = new ArrayList<>(n);
        String file = null;
        for (int i = 0; i < n; i++) {
            if (!in.readBoolean()) file = in.readUTF();
            lines.add(new SourceLine(file, in.readLong()));
        }
        boolean pediatric = in.readBoolean();
        String related = SpillFields.text(in);
        return new Finding(id, rule, severity, scope, facility, station, accession, time, patient, age, protocol, standard,
                region < 0 ? null : TargetRegion.values()[region], quantity, measured, reference, unit, source, message,
                List.copyOf(lines), pediatric, related);
    }

    /**
     * Texts that recur across findings (rule, place, protocol, and above all the reference's citation, hundreds
     * of characters) are written once per run file and then as their number: the spill and every reading of a
     * spilled log cost a third less. A run file holds at most the in-memory limit of findings, so its words are
     * bounded too.
     */
    private static void word(DataOutputStream o, String s, java.util.Map<String, Integer> words) throws IOException {
        if (s == null) {
            o.writeInt(-1);
            return;
        }
        Integer id = words.get(s);
        if (id != null) {
            o.writeInt(id);
            return;
        }
        words.put(s, words.size());
        o.writeInt(-2);
        SpillFields.text(o, s);
    }

    private static String word(DataInputStream in, List<String> words) throws IOException {
        int id = in.readInt();
        if (id == -1) return null;
        if (id >= 0) return words.get(id);
        String s = SpillFields.text(in);
        words.add(s);
        return s;
    }
}
