package org.alaraaudit.dosimetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;

import org.alaraaudit.model.TableException;
import org.junit.jupiter.api.Test;

class MarrowDoseCoefficientsTest {

    private static final String HEADER = "dataset,region,phantom_age,phantom_sex,age_min_years,age_max_years,"
            + "ctdivol_phantom_cm,rbm_dc_mgy_per_mgy,source\n";

    private static TableException failure(String body) {
        return assertThrows(TableException.class,
                () -> MarrowDoseCoefficients.read(new StringReader(HEADER + body), "marrow.csv"));
    }

    @Test
    void shippedTableHasAllThirtyTwoPublishedRows() {
        MarrowDoseCoefficients t = ShippedTables.marrow();
        assertEquals(32, t.rows().size());
        assertTrue(t.rows().stream().allMatch(r -> r.source().contains("NCICT") && r.source().contains("Table 1")));
        assertTrue(t.rows().stream().allMatch(r -> r.ctdivolPhantomCm() == (r.phantomAge().equals("adult") && !r.region().equals("head") ? 32 : 16)));
        assertEquals(0.878, t.find("chest-abdomen-pelvis", 18).stream().filter(r -> r.sex() == Sex.F).findFirst().orElseThrow().value());
    }

    @Test
    void badNumberNamesFileAndLine() {
        TableException e = failure("D,head,0,M,0,1,16,0.305,x\nD,head,1,M,1,5,16,O.357,x\n");
        assertEquals("marrow.csv", e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("rbm_dc_mgy_per_mgy"), e.getMessage());
    }

    @Test
    void badSexesRegionsPhantomsBandsOrColumnsAreRefusedAtTheirLine() {
        assertEquals(2, failure("D,head,0,X,0,1,16,0.305,x\n").line());                            // sex not F/M
        assertEquals(2, failure("D,neck,0,M,0,1,16,0.305,x\n").line());                            // region not covered
        assertEquals(2, failure("D,head,0,M,0,1,,0.305,x\n").line());                              // phantom blank
        assertEquals(3, failure("D,head,0,M,0,2,16,0.3,x\nD,head,1,M,1,5,16,0.3,x\n").line());     // same sex overlaps
        assertEquals(3, failure("D,head,15,F,15,18,16,0.1,x\nD,head,15,M,14,18,16,0.1,x\n").line()); // F/M bands differ
        assertEquals(3, failure("D,chest,a,F,18,,32,0.3,x\nD,chest,a,M,18,,16,0.3,x\n").line());    // F/M phantoms differ
        assertEquals(1, assertThrows(TableException.class,
                () -> MarrowDoseCoefficients.read(new StringReader("region,phantom_sex\nhead,M\n"), "m.csv")).line());
    }

    @Test
    void femaleAndMaleRowsForTheSameAgesAreFine() {
        MarrowDoseCoefficients t = MarrowDoseCoefficients.read(
                new StringReader(HEADER + "D,head,15,F,15,18,16,0.095,x\nD,head,15,M,15,18,16,0.111,x\n"), "m.csv");
        assertEquals(2, t.find("head", 16).size());
    }
}
