package org.alaraaudit.scanlog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.alaraaudit.dicom.Code;
import org.alaraaudit.dicom.CtEvent;
import org.alaraaudit.dicom.DoseCheckRecord;
import org.alaraaudit.dicom.DoseReport;
import org.alaraaudit.dicom.DoseReportFile;
import org.alaraaudit.dicom.Measurement;
import org.alaraaudit.dicom.ProjectionEvent;
import org.alaraaudit.model.AcquisitionType;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.model.TargetRegion;

/**
 * Canonical raw rows from the DICOM dose reports of one file (Part 10 or DICOM JSON): one row per irradiation
 * event, numbered through the file, which is the "line" a rejection names; the content item path of the event
 * is kept as the {@value #ITEM} attribute. What cannot be read (a file that is no dose report, an event whose
 * dose has no number or no known unit) becomes a rejected row naming the item path and why, so the row
 * accounting covers every file and event. Units are converted from the coded units, as a profile's are.
 */
public final class DoseReportScanLogReader implements ScanLogReader {
    /** Attribute: the content item path of the event in its SR document ({@code 1.13}). */
    public static final String ITEM = "dicom_item";
    /** Attribute: the SOP Instance UID of the dose report. */
    public static final String SOP_INSTANCE_UID = "sop_instance_uid";

    private final Path path;
    private final String name;
    private final String profile;
    private final DoseReportFile content;
    private final Deque<RawRow> rows = new ArrayDeque<>();
    private long line;
    private final ReusedAccessions accessions;

    DoseReportScanLogReader(Path path, DoseReportFile.Format format) {
        this(path, format, new ReusedAccessions());
    }

    /** {@code accessions}: the run's, so that two reports of one accession and different studies stay apart. */
    DoseReportScanLogReader(Path path, DoseReportFile.Format format, ReusedAccessions accessions) {
        this.accessions = accessions;
        this.path = path;
        this.name = path.getFileName().toString();
        this.profile = format == DoseReportFile.Format.JSON ? "dicom-json" : "dicom-rdsr";
        try {
            this.content = DoseReportFile.read(path);
        } catch (IOException e) {
            throw new ScanLogException(path + ": cannot be read: " + e.getMessage(), e);
        }
        // Every study of the file is seen before any row is made: two studies of one accession may be in one file.
        for (DoseReportFile.Problem p : content.problems()) {
            if (p.study() != null) accessions.seen(p.study().institution(), p.study().accessionNumber(), p.study().studyInstanceUid());
        }
        for (DoseReport r : content.reports()) accessions.seen(r.institution(), r.accessionNumber(), r.studyInstanceUid());
        for (DoseReportFile.Problem p : content.problems()) {
            rows.add(RawRow.unreadable(new SourceLine(name, ++line), p.document() < 0 ? null : "document " + (p.document() + 1),
                    p.reason(), studyCells(p.study(), accessions)));
        }
        for (DoseReport r : content.reports()) addRows(r);
    }

    @Override
    public String fileName() { return name; }

    @Override
    public Path path() { return path; }

    @Override
    public String profileName() { return profile; }

    @Override
    public String sha256() { return content.sha256(); }

    @Override
    public boolean hasNext() { return !rows.isEmpty(); }

    @Override
    public RawRow next() {
        if (rows.isEmpty()) throw new NoSuchElementException();
        return rows.poll();
    }

    @Override
    public void close() {}

    private void addRows(DoseReport r) {
        // Events in report order, the unreadable ones in their place.
        int total = r.eventCount();
        if (total == 0) {
            addStudyTotals(r);
            return;
        }
        for (int n = 1; n <= total; n++) {
            final int number = n;
            r.faults().stream().filter(f -> f.number() == number).findFirst().ifPresent(f ->
                    rows.add(RawRow.unreadable(new SourceLine(name, ++line), "item " + f.path(), f.reason(), new Row(r, null).cells)));
            r.ctEvents().stream().filter(e -> e.number() == number).findFirst().ifPresent(e -> rows.add(ct(r, e)));
            r.projectionEvents().stream().filter(e -> e.number() == number).findFirst().ifPresent(e -> rows.add(projection(r, e)));
        }
    }

    /** A report with no event containers: one row of its totals, as canonical exports give study-level rows. */
    private void addStudyTotals(DoseReport r) {
        Row row = new Row(r, null);
        if (r.totals().dlp() != null) row.measure(CanonicalColumn.DLP_MGYCM, r.totals().dlp());
        if (r.totals().dapGym2() != null) row.measure(CanonicalColumn.DAP_GYCM2, new Measurement(r.totals().dapGym2(), "Gy.m2", "totals"));
        row.cells.putIfAbsent(CanonicalColumn.PROTOCOL_NAME, r.studyDescription());
        rows.add(row.build());
    }

    private RawRow ct(DoseReport r, CtEvent e) {
        Row row = new Row(r, e.path());
        row.text(CanonicalColumn.PROTOCOL_NAME, e.protocol());
        row.acquisitionType(e.acquisitionType());
        row.region(e.targetRegion(), "dicom_target_region");
        row.text(CanonicalColumn.EVENT_UID, e.eventUid());
        row.text(CanonicalColumn.EVENT_DATETIME, e.eventDateTime());
        row.measure(CanonicalColumn.KVP, e.kvp());
        if (e.mas() != null) row.cells.put(CanonicalColumn.MAS, CellText.plain(e.mas()));
        row.measure(CanonicalColumn.CTDIVOL_MGY, e.ctdivol());
        row.phantom(e.phantom());
        row.measure(CanonicalColumn.DLP_MGYCM, e.dlp());
        row.measure(CanonicalColumn.SCAN_LENGTH_MM, e.scanLength());
        row.measure(CanonicalColumn.SSDE_MGY, e.ssde());
        row.measure(CanonicalColumn.EFFECTIVE_DIAMETER_CM, e.effectiveDiameter());
        row.measure(CanonicalColumn.WATER_EQUIVALENT_DIAMETER_CM, e.waterEquivalentDiameter());
        row.doseCheck(e.doseCheck());
        return row.build();
    }

    private RawRow projection(DoseReport r, ProjectionEvent e) {
        Row row = new Row(r, e.path());
        row.text(CanonicalColumn.PROTOCOL_NAME, e.protocol());
        // A radiograph's anatomy is its body_part; a target region the CT rules know is its target_region as well.
        if (e.targetRegion() != null) row.text(CanonicalColumn.BODY_PART, e.targetRegion().meaning());
        if (e.targetRegion() != null && e.targetRegion().meaning() != null
                && TargetRegion.parse(e.targetRegion().meaning()).isPresent()) {
            row.cells.put(CanonicalColumn.TARGET_REGION, e.targetRegion().meaning());
        }
        row.text(CanonicalColumn.EVENT_UID, e.eventUid());
        row.text(CanonicalColumn.EVENT_DATETIME, e.eventDateTime());
        row.measure(CanonicalColumn.KVP, e.kvp());
        if (e.mas() != null) row.cells.put(CanonicalColumn.MAS, CellText.plain(e.mas()));
        row.measure(CanonicalColumn.DAP_GYCM2, e.dap());
        if (e.isFluoroscopy()) row.measure(CanonicalColumn.FLUORO_TIME_S, e.irradiationDuration());
        if (e.view() != null) row.text(CanonicalColumn.VIEW, e.view().meaning());
        if (e.plane() != null) row.text(CanonicalColumn.PLANE, e.plane().meaning());
        row.number(CanonicalColumn.EXPOSURE_INDEX, e.exposureIndex());
        row.number(CanonicalColumn.TARGET_EXPOSURE_INDEX, e.targetExposureIndex());
        row.number(CanonicalColumn.DEVIATION_INDEX, e.deviationIndex());
        row.measure(CanonicalColumn.KA_R_MGY, e.doseRp());
        return row.build();
    }

    /** One row being built; a unit that does not convert turns it into a rejection naming the item. */
    private final class Row {
        final Map<CanonicalColumn, String> cells = new EnumMap<>(CanonicalColumn.class);
        final Map<String, String> extras = new LinkedHashMap<>();
        final String studyDescription;
        String fault;
        String faultItem;

        Row(DoseReport r, String item) {
            text(CanonicalColumn.PATIENT_ID, r.patientId());
            if (r.patientId() == null || BlankText.isBlank(r.patientId())) {
                String accession = accession(r, accessions);
                cells.put(CanonicalColumn.PATIENT_ID, MappedScanLogReader.studyPatientKey(r.institution(), accession));
                extras.put(RawRow.PATIENT_PER_STUDY, RawRow.PATIENT_CELL_EMPTY);
            }
            // Patient's Age is what the scanner recorded; the birth date only stands in when it is absent.
            if (r.ageYears() != null) text(CanonicalColumn.AGE_YEARS, r.ageYears());
            else text(CanonicalColumn.BIRTH_DATE, r.birthDate());
            text(CanonicalColumn.SEX, r.sex());
            measure(CanonicalColumn.WEIGHT_KG, r.weightKg());
            measure(CanonicalColumn.HEIGHT_CM, r.heightM());
            text(CanonicalColumn.FACILITY, r.institution());
            text(CanonicalColumn.STATION_NAME, r.station());
            text(CanonicalColumn.MANUFACTURER, r.manufacturer());
            text(CanonicalColumn.MODEL, r.model());
            text(CanonicalColumn.ACCESSION_NUMBER, accession(r, accessions));
            text(CanonicalColumn.STUDY_DATETIME, r.studyDateTime());
            text(CanonicalColumn.MODALITY, r.modality());
            text(CanonicalColumn.STUDY_DESCRIPTION, r.studyDescription());
            if (item != null) extras.put(ITEM, item);
            if (r.sopInstanceUid() != null) extras.put(SOP_INSTANCE_UID, r.sopInstanceUid());
            this.studyDescription = r.studyDescription();
        }

        void text(CanonicalColumn c, String v) {
            if (v != null && !v.isBlank()) cells.put(c, v);
        }

        void measure(CanonicalColumn c, Measurement m) {
            String v = converted(ValueKind.of(c), c.header(), m);
            if (v != null) cells.put(c, v);
        }

        void attribute(String name, ValueKind kind, Measurement m) {
            String v = converted(kind, name, m);
            if (v != null) extras.put(name, v);
        }

        /** A dimensionless value (exposure index, deviation index): written as the report gives it. */
        void number(CanonicalColumn c, Measurement m) {
            if (m != null) cells.put(c, CellText.plain(m.value()));
        }

        private String converted(ValueKind kind, String column, Measurement m) {
            if (m == null) return null;
            if (m.unit() == null) return CellText.plain(m.value());
            ValueKind.Unit unit = kind.unit(m.unit().replace("[", "").replace("]", ""));
            if (unit == null) {
                if (fault == null) {
                    fault = column + ": the unit \"" + m.unit() + "\" is not one of " + kind.unitNames();
                    faultItem = "item " + m.path();
                }
                return null;
            }
            return CellText.plain(unit.convert(m.value()));
        }

        void acquisitionType(Code c) {
            if (c == null || c.meaning() == null) return;
            if (AcquisitionType.parse(c.meaning()).isPresent()) cells.put(CanonicalColumn.ACQUISITION_TYPE, c.meaning());
            else extras.put("dicom_acquisition_type", c.meaning());
        }

        /** A region the audit knows; any other (a radiograph's "Hip joint") is kept as an attribute, not rejected. */
        void region(Code c, String attribute) {
            if (c == null || c.meaning() == null || c.meaning().isBlank()) return;
            if (TargetRegion.parse(c.meaning()).isPresent()) cells.put(CanonicalColumn.TARGET_REGION, c.meaning());
            else extras.put(attribute, c.meaning());
        }

        void phantom(Code c) {
            if (c == null) return;
            if (c.is("113690") || c.is("113681")) cells.put(CanonicalColumn.PHANTOM, "16");
            else if (c.is("113691") || c.is("113682")) cells.put(CanonicalColumn.PHANTOM, "32");
            else if (c.meaning() != null) cells.put(CanonicalColumn.PHANTOM, c.meaning());
        }

        void doseCheck(DoseCheckRecord d) {
            if (d == null) return;
            attribute(DoseCheck.DLP_ALERT, ValueKind.MILLIGRAY_CENTIMETRES, d.dlpAlert());
            attribute(DoseCheck.CTDIVOL_ALERT, ValueKind.MILLIGRAY, d.ctdivolAlert());
            attribute(DoseCheck.DLP_FORWARD, ValueKind.MILLIGRAY_CENTIMETRES, d.dlpForward());
            attribute(DoseCheck.CTDIVOL_FORWARD, ValueKind.MILLIGRAY, d.ctdivolForward());
            if (d.alertReason() != null) extras.put(DoseCheck.REASON, d.alertReason());
            // An operator who had to give a reason or authorise the irradiation was facing an alert.
            if (d.alertReason() != null || d.personAuthorised()) extras.put(DoseCheck.ALERT, "yes");
            attribute("dose_check_dlp_notification_mgycm", ValueKind.MILLIGRAY_CENTIMETRES, d.dlpNotification());
            attribute("dose_check_ctdivol_notification_mgy", ValueKind.MILLIGRAY, d.ctdivolNotification());
            attribute("dose_check_dlp_notification_forward_estimate_mgycm", ValueKind.MILLIGRAY_CENTIMETRES, d.dlpNotificationForward());
            attribute("dose_check_ctdivol_notification_forward_estimate_mgy", ValueKind.MILLIGRAY, d.ctdivolNotificationForward());
            if (d.notificationReason() != null) extras.put("dose_check_notification_reason", d.notificationReason());
        }

        RawRow build() {
            SourceLine at = new SourceLine(name, ++line);
            if (fault != null) return RawRow.unreadable(at, faultItem, fault, cells);
            // CT needs a protocol; a report that names none (GE, PixelMed OCR) has the study description instead.
            if ("CT".equals(cells.get(CanonicalColumn.MODALITY)) && !cells.containsKey(CanonicalColumn.PROTOCOL_NAME)
                    && studyDescription != null) {
                cells.put(CanonicalColumn.PROTOCOL_NAME, studyDescription);
                extras.put("protocol_from", "study description");
            }
            return new RawRow(at, cells, extras, false);
        }
    }

    /**
     * The cells a dose report cut short still gives of its study, as an event's row gives them (the accession, else
     * the Study Instance UID): its lost events then flag the study incomplete, and rejected.csv names it.
     */
    private static Map<CanonicalColumn, String> studyCells(DoseReportFile.StudyNames study, ReusedAccessions accessions) {
        if (study == null) return Map.of();
        Map<CanonicalColumn, String> cells = new EnumMap<>(CanonicalColumn.class);
        putText(cells, CanonicalColumn.PATIENT_ID, study.patientId());
        putText(cells, CanonicalColumn.FACILITY, study.institution());
        putText(cells, CanonicalColumn.ACCESSION_NUMBER, study.accessionNumber() != null
                ? accessions.accession(study.institution(), study.accessionNumber(), study.studyInstanceUid()) : study.studyInstanceUid());
        putText(cells, CanonicalColumn.STUDY_DATETIME, study.studyDateTime());
        return cells;
    }

    private static void putText(Map<CanonicalColumn, String> cells, CanonicalColumn c, String v) {
        if (v != null && !v.isBlank()) cells.put(c, v);
    }

    /**
     * The accession number, else the Study Instance UID, which names the study as surely for a reviewer; an accession
     * another study of the run came with first has the UID after it ({@link ReusedAccessions}).
     */
    static String accession(DoseReport r, ReusedAccessions accessions) {
        return r.accessionNumber() != null ? accessions.accession(r.institution(), r.accessionNumber(), r.studyInstanceUid())
                : r.studyInstanceUid();
    }

}
