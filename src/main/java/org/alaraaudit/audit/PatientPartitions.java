package org.alaraaudit.audit;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.alaraaudit.model.AcquisitionType;
import org.alaraaudit.model.Contrast;
import org.alaraaudit.model.Modality;
import org.alaraaudit.model.ProjectionDose;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.model.TargetRegion;
import org.alaraaudit.scanlog.ScanRow;
import org.alaraaudit.scanlog.SpillFolder;

/**
 * Groups validated rows by patient without holding the whole input: rows stay in memory up to a limit, then
 * go to bucket files on disk by patient, and each bucket is read back alone. Memory is bounded by a bucket,
 * not by the input; a patient's rows always land in the same bucket.
 */
public final class PatientPartitions implements AutoCloseable {
    private static final int BUCKETS = 64;

    private final int inMemoryLimit;
    private Map<String, List<Entry>> memory = new HashMap<>();
    private int inMemory;
    private Path spillDir;
    private DataOutputStream[] buckets;

    /** Holding at most {@code inMemoryLimit} rows, fewer when the heap is small ({@link HeapBudget}). */
    public PatientPartitions(int inMemoryLimit) { this.inMemoryLimit = HeapBudget.rows(inMemoryLimit); }

    /** A row with its ordinal among the valid rows, by which duplicates are dropped when the rows are read back. */
    private record Entry(ScanRow row, int ordinal) {}

    public void add(ScanRow row, int ordinal) {
        if (buckets != null) {
            write(row, ordinal);
            return;
        }
        memory.computeIfAbsent(row.patientRef(), k -> new ArrayList<>()).add(new Entry(row, ordinal));
        if (++inMemory > inMemoryLimit) spill();
    }

    public boolean spilled() { return buckets != null; }

    /**
     * Each patient's rows in input order, one patient at a time, in pseudonym order within each bucket; rows whose
     * ordinal is a duplicate are left out, and a patient left with no rows is skipped.
     */
    public void forEachPatient(IntPredicate duplicate, Consumer<List<ScanRow>> action) {
        if (buckets == null) {
            for (List<Entry> entries : new TreeMap<>(memory).values()) {
                List<ScanRow> rows = new ArrayList<>(entries.size());
                for (Entry e : entries) if (!duplicate.test(e.ordinal())) rows.add(e.row());
                if (!rows.isEmpty()) action.accept(rows);
            }
            return;
        }
        try {
            for (DataOutputStream b : buckets) b.close();
            for (int i = 0; i < BUCKETS; i++) {
                Map<String, List<ScanRow>> patients = new TreeMap<>();
                Path f = bucket(i);
                List<String> words = new ArrayList<>();
                try (DataInputStream in = new DataInputStream(new SpillInput(f, 1 << 16))) {
                    while (true) {
                        ScanRow r;
                        int ordinal;
                        try {
                            ordinal = in.readInt();
                            r = read(in, words);
                        } catch (EOFException end) {
                            break;
                        }
                        if (!duplicate.test(ordinal)) patients.computeIfAbsent(r.patientRef(), k -> new ArrayList<>()).add(r);
                    }
                }
                Files.deleteIfExists(f);
                patients.values().forEach(action);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the temporary patient buckets in " + spillDir, e);
        }
    }

    private void spill() {
        try {
            spillDir = SpillFolder.create("patients");
            buckets = new DataOutputStream[BUCKETS];
            for (int i = 0; i < BUCKETS; i++) {
                dictionaries.add(new HashMap<>());
                buckets[i] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(bucket(i)), 1 << 15));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create temporary files to group patients", e);
        }
        for (List<Entry> entries : memory.values()) for (Entry e : entries) write(e.row(), e.ordinal());
        memory = null;
    }

    private Path bucket(int i) { return spillDir.resolve("bucket-" + i + ".bin"); }

    private void write(ScanRow r, int ordinal) {
        int b = Math.floorMod(r.patientRef().hashCode(), BUCKETS);
        DataOutputStream o = buckets[b];
        try {
            o.writeInt(ordinal);
            word(o, b, r.source().file());
            o.writeLong(r.source().line());
            str(o, r.patientRef());
            o.writeDouble(r.ageYears());
            word(o, b, r.sex());
            num(o, r.weightKg());
            num(o, r.heightCm());
            word(o, b, r.facility());
            word(o, b, r.stationName());
            word(o, b, r.manufacturer());
            word(o, b, r.model());
            str(o, r.accessionNumber());
            time(o, r.studyDatetime());
            o.writeByte(r.modality().ordinal());
            word(o, b, r.studyDescription());
            word(o, b, r.indication());
            word(o, b, r.protocolName());
            o.writeByte(r.acquisitionType() == null ? -1 : r.acquisitionType().ordinal());
            o.writeByte(r.targetRegion() == null ? -1 : r.targetRegion().ordinal());
            time(o, r.eventDatetime());
            str(o, r.eventUid());
            num(o, r.kvp());
            num(o, r.mas());
            num(o, r.ctdivolMgy());
            o.writeByte(r.phantomCm() == null ? -1 : r.phantomCm());
            num(o, r.dlpMgycm());
            num(o, r.scanLengthMm());
            num(o, r.ssdeMgy());
            num(o, r.effectiveDiameterCm());
            num(o, r.waterEquivalentDiameterCm());
            num(o, r.dapGycm2());
            num(o, r.fluoroTimeS());
            o.writeByte(r.doseCheckAlert() == null ? -1 : r.doseCheckAlert() ? 1 : 0);
            num(o, r.doseCheckDlpAlertMgycm());
            num(o, r.doseCheckDlpForwardEstimateMgycm());
            num(o, r.doseCheckCtdivolAlertMgy());
            num(o, r.doseCheckCtdivolForwardEstimateMgy());
            word(o, b, r.doseCheckReason());
            o.writeBoolean(r.patientPerStudy());
            o.writeByte(r.contrast() == null ? -1 : r.contrast().ordinal());
            projection(o, b, r.projection());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the temporary patient buckets in " + spillDir, e);
        }
    }

    private static ScanRow read(DataInputStream in, List<String> words) throws IOException {
        String file = word(in, words);
        SourceLine source = new SourceLine(file, in.readLong());
        String patient = str(in);
        double age = in.readDouble();
        String sex = word(in, words);
        Double weight = num(in);
        Double height = num(in);
        String facility = word(in, words);
        String station = word(in, words);
        String manufacturer = word(in, words);
        String model = word(in, words);
        String accession = str(in);
        LocalDateTime studyTime = time(in);
        Modality modality = Modality.values()[in.readByte()];
        String description = word(in, words);
        String indication = word(in, words);
        String protocol = word(in, words);
        byte acq = in.readByte();
        byte region = in.readByte();
        LocalDateTime eventTime = time(in);
        String uid = str(in);
        Double kvp = num(in);
        Double mas = num(in);
        Double ctdivol = num(in);
        byte phantom = in.readByte();
        Double dlp = num(in);
        Double scanLength = num(in);
        Double ssde = num(in);
        Double effectiveDiameter = num(in);
        Double wed = num(in);
        Double dap = num(in);
        Double fluoro = num(in);
        byte alert = in.readByte();
        Double dlpAlert = num(in);
        Double dlpForward = num(in);
        Double ctdivolAlert = num(in);
        Double ctdivolForward = num(in);
        String reason = word(in, words);
        boolean patientPerStudy = in.readBoolean();
        byte contrast = in.readByte();
        ProjectionDose projection = projection(in, words);
        return new ScanRow(source, patient, age, sex, weight, height, facility, station, manufacturer, model, accession,
                studyTime, modality, description, indication, protocol, acq < 0 ? null : AcquisitionType.values()[acq],
                region < 0 ? null : TargetRegion.values()[region], eventTime, uid, kvp, mas, ctdivol,
                phantom < 0 ? null : (int) phantom, dlp, scanLength, ssde, effectiveDiameter, wed, dap, fluoro,
                alert < 0 ? null : alert == 1, dlpAlert, dlpForward, ctdivolAlert, ctdivolForward, reason, patientPerStudy,
                contrast < 0 ? null : Contrast.values()[contrast], projection);
    }

    /** A CT row writes one byte for its empty radiography part, so spilling CT months costs nothing more. */
    private void projection(DataOutputStream o, int b, ProjectionDose p) throws IOException {
        o.writeBoolean(!p.isEmpty());
        if (p.isEmpty()) return;
        word(o, b, p.bodyPart());
        word(o, b, p.view());
        num(o, p.exposureIndex());
        num(o, p.targetExposureIndex());
        num(o, p.exportedDeviationIndex());
        num(o, p.kaRMgy());
        num(o, p.peakSkinDoseMgy());
        word(o, b, p.plane());
    }

    private static ProjectionDose projection(DataInputStream in, List<String> words) throws IOException {
        if (!in.readBoolean()) return ProjectionDose.NONE;
        return new ProjectionDose(word(in, words), word(in, words), num(in), num(in), num(in), num(in), num(in), word(in, words));
    }

    /**
     * The texts that repeat from row to row (file, place, device, protocol, description) are written once per
     * bucket and then as their number: reading the buckets back was a third of the patient phase, most of it
     * decoding the same few hundred strings millions of times. Capped per bucket, so free text cannot grow it.
     */
    private static final int WORDS_PER_BUCKET = 2048;
    private final List<Map<String, Integer>> dictionaries = new ArrayList<>();

    private void word(DataOutputStream o, int bucket, String s) throws IOException {
        if (s == null) {
            o.writeByte(0);
            return;
        }
        Map<String, Integer> dict = dictionaries.get(bucket);
        Integer id = dict.get(s);
        if (id != null) {
            o.writeByte(3);
            o.writeShort(id);
        } else if (dict.size() < WORDS_PER_BUCKET) {
            dict.put(s, dict.size());
            o.writeByte(2);
            SpillFields.text(o, s);
        } else {
            o.writeByte(1);
            SpillFields.text(o, s);
        }
    }

    private static String word(DataInputStream in, List<String> words) throws IOException {
        switch (in.readByte()) {
            case 0: return null;
            case 1: return SpillFields.text(in);
            case 2: {
                String s = SpillFields.text(in);
                words.add(s);
                return s;
            }
            default: return words.get(in.readUnsignedShort());
        }
    }

    /** Texts are written whole, of any length: a run must not depend on whether it spilled. */
    private static void str(DataOutputStream o, String s) throws IOException { SpillFields.text(o, s); }

    private static String str(DataInputStream in) throws IOException { return SpillFields.text(in); }

    private static void num(DataOutputStream o, Double d) throws IOException {
        o.writeDouble(d == null ? Double.NaN : d);
    }

    private static Double num(DataInputStream in) throws IOException {
        double d = in.readDouble();
        return Double.isNaN(d) ? null : d;
    }

    private static void time(DataOutputStream o, LocalDateTime t) throws IOException {
        o.writeLong(t.toLocalDate().toEpochDay());
        o.writeLong(t.toLocalTime().toNanoOfDay());
    }

    private static LocalDateTime time(DataInputStream in) throws IOException {
        return LocalDateTime.of(java.time.LocalDate.ofEpochDay(in.readLong()), java.time.LocalTime.ofNanoOfDay(in.readLong()));
    }

    @Override
    public void close() {
        if (spillDir == null) return;
        try {
            for (DataOutputStream b : buckets) b.close();
            for (int i = 0; i < BUCKETS; i++) Files.deleteIfExists(bucket(i));
            Files.deleteIfExists(spillDir);
        } catch (IOException ignored) {
            // Temporary files only; the OS cleans its temp folder.
        }
    }
}
