package org.alaraaudit.dicom;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An X-Ray Radiation Dose Report (TID 10001 projection X-ray, TID 10011 CT) read from one SR document, whatever
 * its SOP class (X-Ray Radiation Dose SR, Enhanced or Comprehensive SR): the study and patient from the header,
 * its irradiation events, the events that could not be read (with item path and reason), and its totals.
 * The SOP class alone never makes a dose report: the document's root concept does.
 */
public record DoseReport(String sopInstanceUid, String studyInstanceUid, String patientId, String birthDate, String ageYears,
                         String sex, Measurement heightM, Measurement weightKg, String institution, String station,
                         String manufacturer, String model, String accessionNumber, String studyDateTime,
                         String studyDescription, Code procedure, List<CtEvent> ctEvents,
                         List<ProjectionEvent> projectionEvents, List<EventFault> faults, Totals totals) {

    /** An event that cannot be mapped, with the content item at fault and why. */
    public record EventFault(int number, String path, String reason) {}

    /**
     * The totals as the report states them (TID 10012 for CT, TID 10002 per plane, summed, for projection X-ray),
     * projection totals in Gy·m², Gy and s whatever unit they were written in.
     */
    public record Totals(BigDecimal events, Measurement dlp, BigDecimal dapGym2, BigDecimal doseRpGy, BigDecimal fluoroTimeS) {}

    private static final Map<String, String> SOP_CLASSES = Map.ofEntries(
            Map.entry("1.2.840.10008.5.1.4.1.1.88.67", "X-Ray Radiation Dose SR"),
            Map.entry("1.2.840.10008.5.1.4.1.1.88.22", "Enhanced SR"),
            Map.entry("1.2.840.10008.5.1.4.1.1.88.33", "Comprehensive SR"),
            Map.entry("1.2.840.10008.5.1.4.1.1.88.34", "Comprehensive 3D SR"),
            Map.entry("1.2.840.10008.5.1.4.1.1.88.76", "Enhanced X-Ray Radiation Dose SR"),
            Map.entry("1.2.840.10008.5.1.4.1.1.88.11", "Basic Text SR"),
            Map.entry("1.2.840.10008.5.1.4.1.1.7", "Secondary Capture Image"),
            Map.entry("1.2.840.10008.5.1.4.1.1.2", "CT Image"),
            Map.entry("1.2.840.10008.5.1.4.1.1.1.1", "Digital X-Ray Image"));

    /** Modality of the events: CT, or for projection X-ray MG, RF (any fluoroscopy) or DX. */
    public String modality() {
        if (!ctEvents.isEmpty() || totals.dlp() != null || totals.events() != null
                || (procedure != null && (procedure.is("P5-08000") || procedure.is("77477000")))) {
            return "CT";
        }
        if (procedure != null && Codes.MAMMOGRAPHY.contains(procedure.value())) return "MG";
        boolean fluoro = projectionEvents.stream().anyMatch(ProjectionEvent::isFluoroscopy)
                || (totals.fluoroTimeS() != null && totals.fluoroTimeS().signum() > 0);
        return fluoro ? "RF" : "DX";
    }

    public int eventCount() { return ctEvents.size() + projectionEvents.size() + faults.size(); }

    /**
     * The dose report of a data set.
     *
     * @throws DicomException naming why the data set is not a dose report (not an SR, or an SR of another kind)
     */
    public static DoseReport of(DataSet ds) {
        String sopClass = ds.string(Tag.SOP_CLASS_UID);
        if (sopClass == null) sopClass = ds.string(0x00020002);
        if (!ds.contains(Tag.VALUE_TYPE) || !ds.contains(Tag.CONCEPT_NAME_CODE_SEQUENCE)) {
            throw new DicomException("not a structured report, so no dose report (SOP class " + sopClassName(sopClass) + ")");
        }
        ContentItem root = ContentItem.tree(ds);
        if (!root.isConcept(Codes.XRAY_RADIATION_DOSE_REPORT)) {
            throw new DicomException("not a dose report: its document is " + root.concept() + ", not (113701, DCM, \"X-Ray Radiation Dose Report\")"
                    + " (SOP class " + sopClassName(sopClass) + ")");
        }
        List<CtEvent> ct = new ArrayList<>();
        List<ProjectionEvent> projection = new ArrayList<>();
        List<EventFault> faults = new ArrayList<>();
        int n = 0;
        for (ContentItem c : root.children()) {
            boolean isCt = c.isConcept(Codes.CT_ACQUISITION);
            if (!isCt && !c.isConcept(Codes.IRRADIATION_EVENT)) continue;
            n++;
            try {
                if (isCt) ct.add(CtEvent.of(n, c));
                else projection.add(ProjectionEvent.of(n, c));
            } catch (DicomException e) {
                faults.add(new EventFault(n, c.path(), e.getMessage()));
            }
        }
        String study = DicomDates.dateTime(ds.string(Tag.STUDY_DATE), ds.string(Tag.STUDY_TIME));
        if (study == null) study = DicomDates.dateTime(ds.string(Tag.CONTENT_DATE), ds.string(Tag.CONTENT_TIME));
        if (study == null) study = root.child(Codes.START_OF_IRRADIATION).map(i -> DicomDates.dateTime(i.text())).orElse(null);
        String institution = ds.string(Tag.INSTITUTION_NAME);
        if (institution == null) institution = root.child(Codes.DEVICE_OBSERVER_LOCATION).map(ContentItem::text).orElse(null);
        String station = ds.string(Tag.STATION_NAME);
        if (station == null) station = root.child(Codes.DEVICE_OBSERVER_NAME).map(ContentItem::text).orElse(null);
        // The device's own UID names it uniquely where no name is given; a model name could merge two rooms.
        if (station == null) station = root.child(Codes.DEVICE_OBSERVER_UID).map(ContentItem::text).orElse(null);
        String age = ds.string(Tag.PATIENT_AGE);
        return new DoseReport(ds.string(Tag.SOP_INSTANCE_UID), ds.string(Tag.STUDY_INSTANCE_UID), ds.string(Tag.PATIENT_ID),
                DicomDates.date(ds.string(Tag.PATIENT_BIRTH_DATE)), DicomDates.ageYears(age), ds.string(Tag.PATIENT_SEX),
                header(ds, Tag.PATIENT_SIZE, "m"), header(ds, Tag.PATIENT_WEIGHT, "kg"), institution, station,
                ds.string(Tag.MANUFACTURER), ds.string(Tag.MANUFACTURER_MODEL_NAME), ds.string(Tag.ACCESSION_NUMBER), study,
                ds.string(Tag.STUDY_DESCRIPTION), root.child(Codes.PROCEDURE_REPORTED).map(ContentItem::code).orElse(null),
                List.copyOf(ct), List.copyOf(projection), List.copyOf(faults), totalsOrNone(root));
    }

    private static Measurement header(DataSet ds, int tag, String unit) {
        String v = ds.string(tag);
        if (v == null) return null;
        try {
            BigDecimal d = new BigDecimal(v.split("\\\\")[0].trim());
            // Anonymisers write 0 for "removed"; no patient has no size.
            return d.signum() == 0 ? null : new Measurement(d, unit, "(" + Tag.hex(tag).substring(0, 4) + "," + Tag.hex(tag).substring(4) + ")");
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Totals are what the report says, not what is audited: a total that does not read leaves them unknown. */
    private static Totals totalsOrNone(ContentItem root) {
        try {
            return totals(root);
        } catch (DicomException e) {
            return new Totals(null, null, null, null, null);
        }
    }

    private static Totals totals(ContentItem root) {
        ContentItem ct = root.child(Codes.CT_ACCUMULATED).orElse(null);
        if (ct != null) {
            Measurement events = CtEvent.num(ct, Codes.TOTAL_EVENTS);
            return new Totals(events == null ? null : events.value(), CtEvent.num(ct, Codes.CT_DLP_TOTAL), null, null, null);
        }
        BigDecimal dap = null;
        BigDecimal rp = null;
        BigDecimal fluoro = null;
        for (ContentItem plane : root.all(Codes.ACCUMULATED_XRAY)) {
            dap = add(dap, plane.find(Codes.DAP_TOTAL).map(Measurement::of).map(Units::grayMetre2).orElse(null));
            rp = add(rp, plane.find(Codes.DOSE_RP_TOTAL).map(Measurement::of).map(Units::gray).orElse(null));
            fluoro = add(fluoro, plane.find(Codes.TOTAL_FLUORO_TIME).map(Measurement::of).map(Units::seconds).orElse(null));
        }
        return new Totals(null, null, dap, rp, fluoro);
    }

    private static BigDecimal add(BigDecimal sum, BigDecimal v) {
        if (v == null) return sum;
        return sum == null ? v : sum.add(v);
    }

    static String sopClassName(String uid) {
        if (uid == null) return "not given";
        String name = SOP_CLASSES.get(uid);
        return name == null ? uid : name + " " + uid;
    }
}
