package org.alaraaudit.audit.aggregate;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.Function;
import org.alaraaudit.audit.spill.RowCodec;
import org.alaraaudit.audit.spill.SpillIn;
import org.alaraaudit.audit.spill.SpillOut;
import org.alaraaudit.model.Acquisition;
import org.alaraaudit.model.IrradiationEvent;
import org.alaraaudit.model.Measurements;
import org.alaraaudit.model.Study;
import org.alaraaudit.scanlog.SpillFolder;

/**
 * The period's audited irradiation events, one row each, for the workbook's event sheet (the rows OpenREM users
 * pivot themselves), and the scanners they came from (the cover's inventory). The rows go to a temporary file as
 * the audit meets them, so a registry-sized month never sits in memory; the file lives as long as this object.
 */
public final class PeriodEvents implements Iterable<PeriodEvents.Event> {
    /** No events kept: results built by hand, and runs that never saw any. */
    public static final PeriodEvents NONE = new PeriodEvents(null, 0, List.of());
    private static final Cleaner CLEANER = Cleaner.create();
    /** Words numbered in the events file (see {@link SpillOut}): places, devices and protocols. */
    private static final int WORDS = 8192;

    /**
     * One irradiation event as the event sheet shows it, from its parts: the study header, the acquisition as
     * resolved (region from the catalog, the exam's contrast), and the measurements with the phantom the dose was
     * judged on (CT only) and {@code ssdeMgy} as logged, else as estimated.
     */
    public record Event(Study.Header study, Acquisition acquisition, String standardProtocol, Measurements measured,
                        boolean ssdeEstimated, boolean pediatric) {
        public String facility() { return study.facility(); }

        public String stationName() { return study.stationName(); }

        public String manufacturer() { return study.manufacturer(); }

        public String model() { return study.model(); }

        public String accessionNumber() { return study.accessionNumber(); }

        public LocalDateTime studyDatetime() { return study.studyDatetime(); }

        public String patientRef() { return study.patientRef(); }

        public Double ageYears() { return study.ageYears(); }

        public String sex() { return study.sex(); }

        public String modality() { return study.modality() == null ? null : study.modality().name(); }

        public String protocolName() { return acquisition.protocolName(); }

        public String targetRegion() { return acquisition.targetRegion() == null ? null : acquisition.targetRegion().name(); }

        public String acquisitionType() {
            return acquisition.acquisitionType() == null ? null : acquisition.acquisitionType().name();
        }

        public String contrast() { return acquisition.contrast() == null ? null : acquisition.contrast().label(); }

        public Double kvp() { return measured.kvp(); }

        public Double mas() { return measured.mas(); }

        public Double ctdivolMgy() { return measured.ctdivolMgy(); }

        public Integer phantomCm() { return measured.phantomCm(); }

        public Double dlpMgycm() { return measured.dlpMgycm(); }

        public Double ssdeMgy() { return measured.ssdeMgy(); }

        public Double dapGycm2() { return measured.dapGycm2(); }
    }

    /** A scanner found in the data: where it stands, what it is, and how many of the period's studies it made. */
    public record Scanner(String facility, String stationName, String manufacturer, String model, long studies, long events) {}

    private final Path file;
    private final long size;
    private final List<Scanner> scanners;

    private PeriodEvents(Path file, long size, List<Scanner> scanners) {
        this.file = file;
        this.size = size;
        this.scanners = scanners;
    }

    public long size() { return size; }

    /** By facility, station, manufacturer and model. */
    public List<Scanner> scanners() { return scanners; }

    @Override
    public Iterator<Event> iterator() {
        if (file == null || size == 0) return java.util.Collections.emptyIterator();
        try {
            return new Reader(new SpillIn(file, 1 << 15), size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the temporary events file " + file, e);
        }
    }

    /** Collects the events of the period's studies as the audit assembles them, on the thread that assembles. */
    public static final class Collector {
        /** Null when the events are not kept, only the scanners counted. */
        private final Function<IrradiationEvent, Double> estimatedSsde;
        /** Counted by hash, put in order when written: a sorted map wrote out its keys at every comparison. */
        private final Map<List<String>, long[]> scanners = new java.util.HashMap<>();
        private Path file;
        private SpillOut out;
        private long size;

        public Collector(Function<IrradiationEvent, Double> estimatedSsde) { this.estimatedSsde = estimatedSsde; }

        /**
         * A collector of the scanners alone, whose parts merge ({@link #write}, {@link #merge}): a Spark run keeps
         * no file of every event on its driver, so its workbook has no event sheet.
         */
        public static Collector scannersOnly() { return new Collector(null); }

        /** This part's scanners with their studies and events. */
        public void write(org.alaraaudit.audit.spill.SpillOut out) throws IOException {
            out.integer(scanners.size());
            for (Map.Entry<List<String>, long[]> e : ordered().entrySet()) {
                for (String part : e.getKey()) out.text(part);
                out.longWhole(e.getValue()[0]);
                out.longWhole(e.getValue()[1]);
            }
        }

        /** Adds the scanners of another part, written by {@link #write}. */
        public void merge(org.alaraaudit.audit.spill.SpillIn in) throws IOException {
            for (int n = in.integer(); n > 0; n--) {
                long[] c = scanners.computeIfAbsent(java.util.Arrays.asList(in.text(), in.text(), in.text(), in.text()), k -> new long[2]);
                c[0] += in.longWhole();
                c[1] += in.longWhole();
            }
        }

        public void add(Study s) {
            if (!s.isInPeriod()) return;
            long[] n = scanners.computeIfAbsent(java.util.Arrays.asList(s.getFacility(), s.getStationName(), s.getManufacturer(),
                    s.getModel()), k -> new long[2]);
            n[0]++;
            n[1] += s.getEvents().size();
            if (estimatedSsde == null) return;
            try {
                if (out == null) {
                    file = SpillFolder.createFile("events");
                    file.toFile().deleteOnExit();
                    out = new SpillOut(file, 1 << 16, WORDS);
                }
                for (IrradiationEvent e : s.getEvents()) {
                    write(s, e);
                    size++;
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot write the temporary events file " + file, ex);
            }
        }

        private void write(Study s, IrradiationEvent e) throws IOException {
            RowCodec.write(out, s.getHeader());
            RowCodec.write(out, new Acquisition(e.getProtocolName(), e.getAcquisitionType(), e.getTargetRegion(),
                    e.getEventDatetime(), e.getEventUid(), e.getContrast()));
            out.word(e.getStandardProtocol());
            boolean ct = e.isCt();
            Measurements measured = e.getRecord().measured().withPhantomCm(ct ? e.getPhantom() : null);
            boolean estimated = false;
            if (measured.ssdeMgy() == null && ct) {
                Double ssde = estimatedSsde.apply(e);
                estimated = ssde != null;
                measured = measured.withSsdeMgy(ssde);
            }
            RowCodec.write(out, measured);
            out.flag(estimated);
            out.flag(s.isPediatric());
        }

        /** By facility, station, manufacturer and model, as their joined text sorts. */
        private Map<List<String>, long[]> ordered() {
            Map<List<String>, long[]> sorted = new TreeMap<>(Comparator.comparing((List<String> k) -> k.toString()));
            // Lists whose texts join alike ("A, B" + "C" and "A" + "B, C") count as one, as the sorted map counted them.
            scanners.forEach((k, n) -> sorted.merge(k, n.clone(), (a, b) -> new long[]{a[0] + b[0], a[1] + b[1]}));
            return sorted;
        }

        public PeriodEvents build() {
            try {
                if (out != null) out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the temporary events file " + file, e);
            }
            List<Scanner> list = new ArrayList<>();
            ordered().forEach((k, n) -> list.add(new Scanner(k.get(0), k.get(1), k.get(2), k.get(3), n[0], n[1])));
            PeriodEvents events = new PeriodEvents(file, size, List.copyOf(list));
            Path f = file;
            if (f != null) CLEANER.register(events, () -> delete(f));
            return events;
        }
    }

    private static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // a temporary file only; deleteOnExit and the next run's clean-up remove it
        }
    }

    private static final class Reader implements Iterator<Event> {
        private final SpillIn in;
        private long left;

        Reader(SpillIn in, long size) {
            this.in = in;
            this.left = size;
        }

        @Override
        public boolean hasNext() {
            if (left > 0) return true;
            close();
            return false;
        }

        @Override
        public Event next() {
            if (left <= 0) throw new NoSuchElementException();
            try {
                Event e = new Event(RowCodec.header(in), RowCodec.acquisition(in), in.word(), RowCodec.measurements(in),
                        in.flag(), in.flag());
                if (--left == 0) close();
                return e;
            } catch (EOFException e) {
                throw new UncheckedIOException("the temporary events file ends early", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the temporary events file", e);
            }
        }

        private void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // read to the end already
            }
        }
    }
}
