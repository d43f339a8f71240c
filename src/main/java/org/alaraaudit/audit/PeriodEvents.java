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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.Function;
import org.alaraaudit.model.IrradiationEvent;
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

    /** One irradiation event as the event sheet shows it; {@code ssdeMgy} as logged, else as estimated. */
    public record Event(String facility, String stationName, String manufacturer, String model, String accessionNumber,
                        LocalDateTime studyDatetime, String patientRef, Double ageYears, String sex, String modality,
                        String protocolName, String standardProtocol, String targetRegion, String acquisitionType,
                        String contrast, Double kvp, Double mas, Double ctdivolMgy, Integer phantomCm, Double dlpMgycm,
                        Double ssdeMgy, boolean ssdeEstimated, Double dapGycm2, boolean pediatric) {}

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
            return new Reader(new DataInputStream(new SpillInput(file, 1 << 15)), size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the temporary events file " + file, e);
        }
    }

    /** Collects the events of the period's studies as the audit assembles them, on the thread that assembles. */
    static final class Collector {
        private final Function<IrradiationEvent, Double> estimatedSsde;
        private final Map<List<String>, long[]> scanners = new TreeMap<>(Comparator.comparing((List<String> k) -> k.toString()));
        private Path file;
        private DataOutputStream out;
        private long size;

        Collector(Function<IrradiationEvent, Double> estimatedSsde) { this.estimatedSsde = estimatedSsde; }

        void add(Study s) {
            if (!s.isInPeriod()) return;
            long[] n = scanners.computeIfAbsent(java.util.Arrays.asList(s.getFacility(), s.getStationName(), s.getManufacturer(),
                    s.getModel()), k -> new long[2]);
            n[0]++;
            n[1] += s.getEvents().size();
            try {
                if (out == null) {
                    file = SpillFolder.createFile("events");
                    file.toFile().deleteOnExit();
                    out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
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
            SpillFields.text(out, s.getFacility());
            SpillFields.text(out, s.getStationName());
            SpillFields.text(out, s.getManufacturer());
            SpillFields.text(out, s.getModel());
            SpillFields.text(out, s.getAccessionNumber());
            SpillFields.time(out, s.getStudyDatetime());
            SpillFields.text(out, s.getPatientRef());
            SpillFields.number(out, s.getAgeYears());
            SpillFields.text(out, s.getSex());
            SpillFields.text(out, s.getModality() == null ? null : s.getModality().name());
            SpillFields.text(out, e.getProtocolName());
            SpillFields.text(out, e.getStandardProtocol());
            SpillFields.text(out, e.getTargetRegion() == null ? null : e.getTargetRegion().name());
            SpillFields.text(out, e.getAcquisitionType() == null ? null : e.getAcquisitionType().name());
            SpillFields.text(out, e.getContrast() == null ? null : e.getContrast().label());
            SpillFields.number(out, e.getKvp());
            SpillFields.number(out, e.getMas());
            SpillFields.number(out, e.getCtdivol());
            boolean ct = e.isCt();
            SpillFields.number(out, ct ? (double) e.getPhantom() : null);
            SpillFields.number(out, e.getDlp());
            Double ssde = e.getSsde();
            boolean estimated = false;
            if (ssde == null && ct) {
                ssde = estimatedSsde.apply(e);
                estimated = ssde != null;
            }
            SpillFields.number(out, ssde);
            out.writeBoolean(estimated);
            SpillFields.number(out, e.getDap());
            out.writeBoolean(s.isPediatric());
        }

        PeriodEvents build() {
            try {
                if (out != null) out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the temporary events file " + file, e);
            }
            List<Scanner> list = new ArrayList<>();
            scanners.forEach((k, n) -> list.add(new Scanner(k.get(0), k.get(1), k.get(2), k.get(3), n[0], n[1])));
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
        private final DataInputStream in;
        private long left;

        Reader(DataInputStream in, long size) {
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
                Event e = new Event(SpillFields.text(in), SpillFields.text(in), SpillFields.text(in), SpillFields.text(in),
                        SpillFields.text(in), SpillFields.time(in), SpillFields.text(in), SpillFields.number(in),
                        SpillFields.text(in), SpillFields.text(in), SpillFields.text(in), SpillFields.text(in),
                        SpillFields.text(in), SpillFields.text(in), SpillFields.text(in), SpillFields.number(in),
                        SpillFields.number(in), SpillFields.number(in), intOrNull(SpillFields.number(in)),
                        SpillFields.number(in), SpillFields.number(in), in.readBoolean(), SpillFields.number(in),
                        in.readBoolean());
                if (--left == 0) close();
                return e;
            } catch (EOFException e) {
                throw new UncheckedIOException("the temporary events file ends early", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the temporary events file", e);
            }
        }

        private static Integer intOrNull(Double d) { return d == null ? null : d.intValue(); }

        private void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // read to the end already
            }
        }
    }
}
