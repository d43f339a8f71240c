package org.alaraaudit.history;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alaraaudit.audit.spill.SpillFields;
import org.alaraaudit.audit.StudyDose;
import org.alaraaudit.model.DoseMetric;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Findings;
import org.alaraaudit.model.ReferenceLevel;
import org.alaraaudit.scanlog.SpillFolder;

/**
 * The studies one run will write to the store, each once (the first seen wins), with memory bounded by a limit
 * rather than by the input: a registry-sized run audits millions of studies. Past the limit the studies go to
 * partition files by study key, and so do the study-level findings the store counts per study, so the writer
 * takes one partition at a time with its findings.
 */
final class RunStudies implements AutoCloseable {
    private static final int PARTITIONS = 64;
    static final int IN_MEMORY = 100_000;

    /** One partition's studies and the findings on them, as the writer takes them. */
    interface PartitionWriter {
        void write(List<StoredStudy> studies, StudyFindings findings) throws SQLException;
    }

    private final int limit;
    private Map<String, StoredStudy> memory = new LinkedHashMap<>();
    private Path dir;
    private DataOutputStream[] files;
    /** Reference levels by identity: the run's DRL table rows, written as their number. */
    private final Map<ReferenceLevel, Integer> levelIndex = new IdentityHashMap<>();
    private final List<ReferenceLevel> levels = new ArrayList<>();

    RunStudies() { this(IN_MEMORY); }

    RunStudies(int limit) { this.limit = limit; }

    void add(StoredStudy s) {
        if (files != null) {
            write(files[partition(s.key())], s);
            return;
        }
        memory.putIfAbsent(s.key(), s);
        if (memory.size() > limit) spill();
    }

    boolean spilled() { return files != null; }

    /** Each partition with the study-level findings on its studies; a spilled run reads its files back one by one. */
    void forEachPartition(Findings findings, PartitionWriter writer) throws SQLException {
        if (files == null) {
            writer.write(List.copyOf(memory.values()), new StudyFindings(findings));
            return;
        }
        try {
            for (DataOutputStream f : files) f.close();
            DataOutputStream[] found = new DataOutputStream[PARTITIONS];
            for (int p = 0; p < PARTITIONS; p++) found[p] = out(findingsFile(p));
            for (Finding f : findings) {
                if (!StudyFindings.counts(f)) continue;
                DataOutputStream o = found[partition(StudyFindings.key(f))];
                o.writeUTF(StudyFindings.key(f));
                o.writeUTF(f.ruleId());
                o.writeByte(f.severity().ordinal());
            }
            for (DataOutputStream o : found) o.close();
            for (int p = 0; p < PARTITIONS; p++) {
                StudyFindings tallies = new StudyFindings();
                try (DataInputStream in = in(findingsFile(p))) {
                    while (true) {
                        String key;
                        try {
                            key = in.readUTF();
                        } catch (EOFException end) {
                            break;
                        }
                        tallies.add(key, in.readUTF(), org.alaraaudit.model.Severity.values()[in.readByte()]);
                    }
                }
                Map<String, StoredStudy> studies = new LinkedHashMap<>();
                try (DataInputStream in = in(studyFile(p))) {
                    while (true) {
                        StoredStudy s;
                        try {
                            s = read(in);
                        } catch (EOFException end) {
                            break;
                        }
                        studies.putIfAbsent(s.key(), s);
                    }
                }
                writer.write(List.copyOf(studies.values()), tallies);
                Files.deleteIfExists(findingsFile(p));
                Files.deleteIfExists(studyFile(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run's temporary study files in " + dir, e);
        }
    }

    private void spill() {
        try {
            dir = SpillFolder.create("studies");
            files = new DataOutputStream[PARTITIONS];
            for (int p = 0; p < PARTITIONS; p++) files[p] = out(studyFile(p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create temporary files for the run's studies", e);
        }
        for (StoredStudy s : memory.values()) write(files[partition(s.key())], s);
        memory = null;
    }

    private static int partition(String key) { return Math.floorMod(key.hashCode() * 0x9E3779B9, PARTITIONS); }

    private Path studyFile(int p) { return dir.resolve("studies-" + p + ".bin"); }

    private Path findingsFile(int p) { return dir.resolve("findings-" + p + ".bin"); }

    private static DataOutputStream out(Path p) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(p), 1 << 14));
    }

    private static DataInputStream in(Path p) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(p), 1 << 16));
    }

    private void write(DataOutputStream o, StoredStudy s) {
        try {
            SpillFields.text(o, s.facility());
            SpillFields.text(o, s.accessionNumber());
            o.writeBoolean(s.audited());
            SpillFields.text(o, s.patientRef());
            SpillFields.text(o, s.stationName());
            SpillFields.time(o, s.studyDatetime());
            SpillFields.text(o, s.modality());
            o.writeBoolean(s.pediatric());
            o.writeDouble(s.ageYears());
            SpillFields.text(o, s.regions());
            SpillFields.text(o, s.mainProtocol());
            o.writeInt(s.events());
            dose(o, s.marrow());
            dose(o, s.effective());
            o.writeInt(s.doseValues().size());
            for (DoseValue v : s.doseValues()) {
                SpillFields.text(o, v.quantity());
                SpillFields.text(o, v.standardProtocol());
                o.writeDouble(v.measured());
                o.writeInt(v.phantomCm());
                o.writeInt(v.level() == null ? -1 : levelIndex.computeIfAbsent(v.level(), l -> {
                    levels.add(l);
                    return levels.size() - 1;
                }));
                SpillFields.text(o, v.contrastLabel());
                SpillFields.text(o, v.examContrast());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's temporary study files in " + dir, e);
        }
    }

    private StoredStudy read(DataInputStream in) throws IOException {
        String facility = SpillFields.text(in);
        String accession = SpillFields.text(in);
        boolean audited = in.readBoolean();
        String patient = SpillFields.text(in);
        String station = SpillFields.text(in);
        LocalDateTime time = SpillFields.time(in);
        String modality = SpillFields.text(in);
        boolean pediatric = in.readBoolean();
        double age = in.readDouble();
        String regions = SpillFields.text(in);
        String protocol = SpillFields.text(in);
        int events = in.readInt();
        StudyDose marrow = dose(in);
        StudyDose effective = dose(in);
        int n = in.readInt();
        List<DoseValue> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String quantity = SpillFields.text(in);
            String standard = SpillFields.text(in);
            double measured = in.readDouble();
            int phantom = in.readInt();
            int level = in.readInt();
            ReferenceLevel judged = level < 0 ? null : levels.get(level);
            String label = SpillFields.text(in);
            values.add(new DoseValue(quantity, standard, measured, phantom, judged, label, SpillFields.text(in)));
        }
        return new StoredStudy(facility, accession, audited, patient, station, time, modality, pediatric, age, regions,
                protocol, events, marrow, effective, List.copyOf(values));
    }

    private static void dose(DataOutputStream o, StudyDose d) throws IOException {
        o.writeBoolean(d != null);
        if (d == null) return;
        SpillFields.text(o, d.facility());
        SpillFields.text(o, d.accessionNumber());
        SpillFields.time(o, d.studyDatetime());
        o.writeByte(d.metric().ordinal());
        o.writeDouble(d.value());
        o.writeInt(d.acquisitions());
        o.writeInt(d.notEstimated());
    }

    private static StudyDose dose(DataInputStream in) throws IOException {
        if (!in.readBoolean()) return null;
        return new StudyDose(SpillFields.text(in), SpillFields.text(in), SpillFields.time(in), DoseMetric.values()[in.readByte()], in.readDouble(), in.readInt(),
                in.readInt());
    }

    @Override
    public void close() {
        if (dir == null) return;
        try {
            for (DataOutputStream f : files) f.close();
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // Temporary files only; the OS cleans its temp folder.
        }
    }
}
