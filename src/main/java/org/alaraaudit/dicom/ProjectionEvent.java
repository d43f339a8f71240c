package org.alaraaudit.dicom;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One projection X-ray irradiation event (TID 10003 "Irradiation Event X-Ray Data"): a radiograph, a
 * fluoroscopy run or an acquisition. Values nested in the event's source and detector containers
 * (TID 10003A/B/C) are found wherever the vendor put them inside the event.
 */
public record ProjectionEvent(int number, String path, String protocol, Code targetRegion, Code view, Code plane,
                              Code eventType, String eventUid, String eventDateTime, Measurement kvp, BigDecimal mas,
                              Measurement dap, Measurement doseRp, Measurement exposureIndex,
                              Measurement targetExposureIndex, Measurement deviationIndex,
                              Measurement irradiationDuration) {

    static ProjectionEvent of(int number, ContentItem ev) {
        Code region = CtEvent.code(ev, Codes.TARGET_REGION);
        if (region == null) {
            for (ContentItem c : ev.children()) {
                if (c.concept() != null && Codes.ANATOMICAL_STRUCTURE.contains(c.concept().value())) region = c.code();
            }
        }
        BigDecimal mas = null;
        Measurement exposure = deep(ev, Codes.EXPOSURE);
        if (exposure != null) {
            mas = Units.milliampereSeconds(exposure);
        } else {
            Measurement current = deepPerPulse(ev, Codes.TUBE_CURRENT);
            Measurement time = deep(ev, Codes.PROJECTION_EXPOSURE_TIME);
            if (current != null && time != null) mas = Units.milliamperes(current).multiply(Units.seconds(time));
        }
        return new ProjectionEvent(number, ev.path(), CtEvent.text(ev, Codes.ACQUISITION_PROTOCOL), region,
                deepCode(ev, Codes.IMAGE_VIEW), CtEvent.code(ev, Codes.ACQUISITION_PLANE),
                CtEvent.code(ev, Codes.IRRADIATION_EVENT_TYPE), CtEvent.text(ev, Codes.IRRADIATION_EVENT_UID),
                DicomDates.dateTime(CtEvent.text(ev, Codes.DATETIME_STARTED)), deepPerPulse(ev, Codes.KVP), mas,
                deep(ev, Codes.DAP), deep(ev, Codes.DOSE_RP), deep(ev, Codes.EXPOSURE_INDEX),
                deep(ev, Codes.TARGET_EXPOSURE_INDEX), deep(ev, Codes.DEVIATION_INDEX), deep(ev, Codes.IRRADIATION_DURATION));
    }

    /** A fluoroscopy run, by its Irradiation Event Type. */
    public boolean isFluoroscopy() { return eventType != null && Codes.FLUOROSCOPY.contains(eventType.value()); }

    private static Measurement deep(ContentItem ev, String code) {
        Optional<ContentItem> direct = ev.child(code);
        return direct.or(() -> ev.find(code)).map(Measurement::of).orElse(null);
    }

    private static Measurement deepPerPulse(ContentItem ev, String code) {
        return ev.child(code).or(() -> ev.find(code)).map(Measurement::perPulse).orElse(null);
    }

    private static Code deepCode(ContentItem ev, String code) {
        return ev.child(code).or(() -> ev.find(code)).map(ContentItem::code).orElse(null);
    }
}
