package org.alaraaudit.model;

/**
 * The values of a radiograph or a fluoroscopy event that CT has no use for: what was imaged (body part and
 * view), the detector's exposure index (IEC 62494-1) with the target the device compared it with, and for
 * fluoroscopy the reference point air kerma, the peak skin dose and the plane of a biplane system. Each value is
 * null when the export does not give it; CT rows carry {@link #NONE}.
 *
 * <p>Kept as one part of a row so that the CT columns, which most rows fill, do not grow by eight empty fields,
 * and so that a rule reads the deviation index from one place whether the export gave it or not.
 *
 * @param bodyPart the body part as exported, upper case (CHEST, ABDOMEN, HAND …)
 * @param view the projection as exported, upper case (AP, PA, LAT …)
 * @param exposureIndex EI, dimensionless
 * @param targetExposureIndex EI_T, dimensionless
 * @param exportedDeviationIndex the DI the device exported, or null
 * @param kaRMgy reference point air kerma (IEC 60601-2-43), mGy; for fluoroscopy the procedure's accumulated value
 *        where the export gives only totals
 * @param peakSkinDoseMgy the peak skin dose, mGy
 * @param plane A or B (biplane systems; a single-plane system is A)
 */
public record ProjectionDose(String bodyPart, String view, Double exposureIndex, Double targetExposureIndex,
                             Double exportedDeviationIndex, Double kaRMgy, Double peakSkinDoseMgy, String plane) {

    public static final ProjectionDose NONE = new ProjectionDose(null, null, null, null, null, null, null, null);

    /** The deviation index rounds to one decimal in IEC 62494-1; a larger gap means EI or EI_T is not the device's. */
    public static final double DEVIATION_INDEX_TOLERANCE = 0.5;

    /** The part to keep for a row: {@link #NONE} when the export gave none of the values, so rows can share it. */
    public static ProjectionDose of(String bodyPart, String view, Double exposureIndex, Double targetExposureIndex,
                                    Double exportedDeviationIndex, Double kaRMgy, Double peakSkinDoseMgy, String plane) {
        if (bodyPart == null && view == null && exposureIndex == null && targetExposureIndex == null
                && exportedDeviationIndex == null && kaRMgy == null && peakSkinDoseMgy == null && plane == null) return NONE;
        return new ProjectionDose(bodyPart, view, exposureIndex, targetExposureIndex, exportedDeviationIndex, kaRMgy,
                peakSkinDoseMgy, plane);
    }

    public boolean isEmpty() { return this.equals(NONE); }

    /**
     * DI = 10·log10(EI / EI_T) (IEC 62494-1), from the exposure index and its target; null when either is
     * missing or not above 0 (a logarithm of 0 is no index).
     */
    public Double computedDeviationIndex() {
        if (exposureIndex == null || targetExposureIndex == null || exposureIndex <= 0 || targetExposureIndex <= 0) return null;
        return 10 * Math.log10(exposureIndex / targetExposureIndex);
    }

    /** The exported deviation index, else the one computed from EI and EI_T; null when neither is possible. */
    public Double deviationIndex() {
        return exportedDeviationIndex != null ? exportedDeviationIndex : computedDeviationIndex();
    }

    /** True when {@link #deviationIndex()} was computed here rather than exported, so a report can say so. */
    public boolean deviationIndexComputed() {
        return exportedDeviationIndex == null && computedDeviationIndex() != null;
    }
}
