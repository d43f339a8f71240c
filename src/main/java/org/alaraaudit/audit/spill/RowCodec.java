package org.alaraaudit.audit.spill;

import java.io.IOException;
import org.alaraaudit.model.Acquisition;
import org.alaraaudit.model.AcquisitionType;
import org.alaraaudit.model.Contrast;
import org.alaraaudit.model.DoseCheckRecord;
import org.alaraaudit.model.Measurements;
import org.alaraaudit.model.Modality;
import org.alaraaudit.model.ProjectionDose;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.model.Study;
import org.alaraaudit.model.TargetRegion;
import org.alaraaudit.scanlog.ScanRow;

/**
 * The one spill format of each part of a row (study header, acquisition, measurements, dose check, source
 * line), used by every temporary file that holds one. The header and acquisition say which texts repeat from row
 * to row (numbered as words); the measurements and the dose check are written by their record's components.
 * Texts are written whole, of any length: a run must not depend on whether it spilled.
 */
public final class RowCodec {
    /** Measurements and dose checks are numbers and flags: written component by component, so a new one needs no change here. */
    private static final RecordCodec<Measurements> MEASUREMENTS = RecordCodec.of(Measurements.class);
    private static final RecordCodec<DoseCheckRecord> DOSE_CHECK = RecordCodec.of(DoseCheckRecord.class);
    private static final RecordCodec<ProjectionDose> PROJECTION = RecordCodec.of(ProjectionDose.class);

    /** Each enum's constants once: {@code values()} copies its array at every call, and rows are read by the million. */
    private static final Modality[] MODALITIES = Modality.values();
    private static final AcquisitionType[] ACQUISITION_TYPES = AcquisitionType.values();
    private static final TargetRegion[] REGIONS = TargetRegion.values();
    private static final Contrast[] CONTRASTS = Contrast.values();

    private RowCodec() {}

    public static void write(SpillOut o, ScanRow r) throws IOException {
        write(o, r.source());
        write(o, r.study());
        write(o, r.acquisition());
        write(o, r.measurements());
        write(o, r.doseCheck());
        o.flag(r.patientPerStudy());
        write(o, r.projection());
    }

    public static ScanRow row(SpillIn in) throws IOException {
        return new ScanRow(source(in), header(in), acquisition(in), measurements(in), doseCheck(in), in.flag(), projection(in));
    }

    public static void write(SpillOut o, SourceLine l) throws IOException {
        o.word(l.file());
        o.longWhole(l.line());
    }

    public static SourceLine source(SpillIn in) throws IOException { return new SourceLine(in.word(), in.longWhole()); }

    public static void write(SpillOut o, Study.Header h) throws IOException {
        o.text(h.patientRef());
        o.real(h.ageYears());
        o.word(h.sex());
        o.number(h.weightKg());
        o.number(h.heightCm());
        o.word(h.facility());
        o.word(h.stationName());
        o.word(h.manufacturer());
        o.word(h.model());
        o.text(h.accessionNumber());
        o.time(h.studyDatetime());
        o.choice(h.modality());
        o.word(h.studyDescription());
        o.word(h.indication());
    }

    public static Study.Header header(SpillIn in) throws IOException {
        return new Study.Header(in.text(), in.real(), in.word(), in.number(), in.number(), in.word(), in.word(), in.word(),
                in.word(), in.text(), in.time(), in.choice(MODALITIES), in.word(), in.word());
    }

    public static void write(SpillOut o, Acquisition a) throws IOException {
        o.word(a.protocolName());
        o.choice(a.acquisitionType());
        o.choice(a.targetRegion());
        o.time(a.eventDatetime());
        o.text(a.eventUid());
        o.choice(a.contrast());
    }

    public static Acquisition acquisition(SpillIn in) throws IOException {
        return new Acquisition(in.word(), in.choice(ACQUISITION_TYPES), in.choice(REGIONS), in.time(),
                in.text(), in.choice(CONTRASTS));
    }

    public static void write(SpillOut o, Measurements m) throws IOException { MEASUREMENTS.write(o, m); }

    public static Measurements measurements(SpillIn in) throws IOException { return MEASUREMENTS.read(in); }

    /** A dose check or none. */
    public static void write(SpillOut o, DoseCheckRecord d) throws IOException {
        o.flag(d != null);
        if (d == null) return;
        DOSE_CHECK.write(o, d);
    }

    public static DoseCheckRecord doseCheck(SpillIn in) throws IOException {
        if (!in.flag()) return null;
        return DOSE_CHECK.read(in);
    }

    /** A CT row writes one flag for its empty radiography part, so spilling CT months costs nothing more. */
    public static void write(SpillOut o, ProjectionDose p) throws IOException {
        o.flag(!p.isEmpty());
        if (!p.isEmpty()) PROJECTION.write(o, p);
    }

    public static ProjectionDose projection(SpillIn in) throws IOException {
        return in.flag() ? PROJECTION.read(in) : ProjectionDose.NONE;
    }
}
