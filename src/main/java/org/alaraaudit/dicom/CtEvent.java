package org.alaraaudit.dicom;

import java.math.BigDecimal;
import java.util.List;

/**
 * One CT irradiation event (TID 10013 "CT Acquisition"). The kVp is the highest of the X-ray sources (a child
 * scanned at 80 and 140 kVp was exposed to 140), the mAs the sum of the sources' tube currents times the
 * exposure time, as the OpenREM profiles do.
 */
public record CtEvent(int number, String path, String protocol, Code targetRegion, Code acquisitionType, String eventUid,
                      String eventDateTime, Measurement kvp, BigDecimal mas, Measurement ctdivol, Code phantom,
                      Measurement dlp, Measurement scanLength, Measurement ssde, Measurement effectiveDiameter,
                      Measurement waterEquivalentDiameter, DoseCheckRecord doseCheck) {

    static CtEvent of(int number, ContentItem acq) {
        ContentItem params = acq.child(Codes.CT_ACQUISITION_PARAMETERS).orElse(null);
        ContentItem dose = acq.child(Codes.CT_DOSE).orElse(null);
        Measurement kvp = null;
        BigDecimal current = null;
        Measurement exposureTime = params == null ? null : num(params, Codes.CT_EXPOSURE_TIME);
        if (params != null) {
            List<ContentItem> sources = params.all(Codes.CT_SOURCE_PARAMETERS);
            for (ContentItem s : sources) {
                Measurement k = num(s, Codes.KVP);
                if (k != null && (kvp == null || k.value().compareTo(kvp.value()) > 0)) kvp = k;
                Measurement ma = num(s, Codes.TUBE_CURRENT);
                if (ma != null) current = current == null ? Units.milliamperes(ma) : current.add(Units.milliamperes(ma));
            }
        }
        BigDecimal mas = null;
        BigDecimal seconds = exposureTime == null ? null : Units.seconds(exposureTime);
        if (current != null && seconds != null) mas = current.multiply(seconds);
        return new CtEvent(number, acq.path(), text(acq, Codes.ACQUISITION_PROTOCOL), code(acq, Codes.TARGET_REGION),
                code(acq, Codes.CT_ACQUISITION_TYPE), text(acq, Codes.IRRADIATION_EVENT_UID), DicomDates.dateTime(text(acq, Codes.DATETIME_STARTED)),
                kvp, mas, num(dose, Codes.MEAN_CTDIVOL), code(dose, Codes.PHANTOM), num(dose, Codes.DLP),
                num(params, Codes.SCANNING_LENGTH), deep(acq, Codes.SSDE), acq.findByMeaning(Codes.EFFECTIVE_DIAMETER).map(Measurement::of).orElse(null),
                acq.findByMeaning(Codes.WATER_EQUIVALENT_DIAMETER).map(Measurement::of).orElse(null), dose == null ? null : DoseCheckRecord.of(dose));
    }

    private static Measurement deep(ContentItem parent, String code) {
        return parent.child(code).or(() -> parent.find(code)).map(Measurement::of).orElse(null);
    }

    static Measurement num(ContentItem parent, String code) {
        return parent == null ? null : parent.child(code).map(Measurement::of).orElse(null);
    }

    static String text(ContentItem parent, String code) {
        return parent == null ? null : parent.child(code).map(ContentItem::text).orElse(null);
    }

    static Code code(ContentItem parent, String code) {
        return parent == null ? null : parent.child(code).map(ContentItem::code).orElse(null);
    }
}
