package org.alaraaudit.dicom;

import static org.alaraaudit.dicom.SyntheticDicom.coded;
import static org.alaraaudit.dicom.SyntheticDicom.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Template items the real files do not have: size-specific dose, mammography, exposure in µAs, a bad number. */
class DoseTemplateTest {
    private static DoseReport read(List<SyntheticDicom.El> elements) {
        return DoseReport.of(Part10Reader.read(SyntheticDicom.part10(elements, Part10Reader.EXPLICIT_LITTLE, true, StandardCharsets.ISO_8859_1)));
    }

    @Test
    void sizeSpecificDoseAndWaterEquivalentDiameterAreReadWhereTheScannerWritesThem() {
        CtEvent e = read(SyntheticDicom.ctReport(null, "Abd Ped", List.of(num("113930", "Size Specific Dose Estimation", "5.1", "mGy"),
                num("113987", "Water Equivalent Diameter", "215", "mm")))).ctEvents().get(0);
        assertEquals(0, new BigDecimal("5.1").compareTo(e.ssde().value()));
        assertEquals(0, new BigDecimal("215").compareTo(e.waterEquivalentDiameter().value()));
        assertEquals("mm", e.waterEquivalentDiameter().unit());
        assertNull(e.effectiveDiameter());
    }

    @Test
    void aDoseThatIsNoNumberMakesTheEventAFaultNamingTheItem() {
        DoseReport r = read(SyntheticDicom.ctReport(null, "Abd Ped", List.of(num("113930", "Size Specific Dose Estimation", "5,1", "mGy"))));
        assertEquals(List.of(), r.ctEvents());
        assertEquals(1, r.faults().size());
        assertEquals("1.2", r.faults().get(0).path());
        assertEquals("1.2.6.4 (Size Specific Dose Estimation): \"5,1\" is not a number", r.faults().get(0).reason());
    }

    @Test
    void projectionEventsTellMammographyFluoroscopyAndRadiographyApart() {
        List<List<SyntheticDicom.El>> radiograph = List.of(
                coded("113721", "Irradiation Event Type", "113611", "DCM", "Stationary Acquisition"),
                num("122130", "Dose Area Product", "0.0000123", "Gy.m2"), num("113736", "Exposure", "2500", "uA.s"),
                num("113733", "KVP", "65", "kV"), num("113845", "Exposure Index", "310", "1"));
        DoseReport dx = read(SyntheticDicom.projectionReport("113704", "Projection X-Ray", radiograph));
        assertEquals("DX", dx.modality());
        ProjectionEvent e = dx.projectionEvents().get(0);
        assertEquals(0, new BigDecimal("2.5").compareTo(e.mas()));
        assertEquals(0, new BigDecimal("310").compareTo(e.exposureIndex().value()));
        assertEquals("0.833333", dx.ageYears());
        assertEquals("MG", read(SyntheticDicom.projectionReport("71651007", "Mammography", radiograph)).modality());
        List<List<SyntheticDicom.El>> fluoro = List.of(coded("113721", "Irradiation Event Type", "44491008", "SCT", "Fluoroscopy"),
                num("113742", "Irradiation Duration", "12.5", "s"));
        DoseReport rf = read(SyntheticDicom.projectionReport("113704", "Projection X-Ray", fluoro));
        assertEquals("RF", rf.modality());
        assertTrue(rf.projectionEvents().get(0).isFluoroscopy());
    }
}
