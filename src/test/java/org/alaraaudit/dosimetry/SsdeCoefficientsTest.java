package org.alaraaudit.dosimetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;

import org.alaraaudit.model.TableException;
import org.junit.jupiter.api.Test;

class SsdeCoefficientsTest {

    private static final String HEADER = "phantom_cm,a,b,d_min_cm,d_max_cm,source\n";

    private static TableException failure(String body) {
        return assertThrows(TableException.class, () -> SsdeCoefficients.read(new StringReader(HEADER + body), "ssde.csv"));
    }

    /** Its numbers are checked against the Report 204 lookup table in SsdeTest. */
    @Test
    void theShippedTableHasOneAapm204FitForEachCtdiPhantom() {
        SsdeCoefficients shipped = ShippedTables.ssde();
        for (int phantom : new int[] {32, 16}) {
            assertTrue(shipped.forPhantom(phantom).orElseThrow().source().contains("AAPM Report 204"), phantom + " cm");
        }
        assertEquals(2, shipped.fits().size());
    }

    @Test
    void readsAValidTable() {
        SsdeCoefficients c = SsdeCoefficients.read(new StringReader(HEADER + "32,3,0.03,10,40,local fit\n"), "ssde.csv");
        assertEquals(3 * Math.exp(-0.03 * 20), new Ssde(c).conversionFactor(32, 20).orElseThrow(), 1e-12);
        assertTrue(new Ssde(c).conversionFactor(16, 20).isEmpty());
    }

    @Test
    void badNumberNamesFileAndLine() {
        TableException e = failure("32,3.7,0.0367,8,45,x\n16,1.87,abc,6,55,x\n");
        assertEquals("ssde.csv", e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("'b'"), e.getMessage());
    }

    @Test
    void aMissingColumnIsRefusedOnTheHeaderLineByName() {
        TableException e = assertThrows(TableException.class,
                () -> SsdeCoefficients.read(new StringReader("phantom_cm,a,b,d_min_cm,source\n32,1,1,1,x\n"), "ssde.csv"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("d_max_cm"), e.getMessage());
    }

    @Test
    void badOrDuplicatePhantomsRangesCoefficientsSourcesAndEmptyTablesAreRefused() {
        assertEquals(2, failure("20,3.7,0.0367,8,45,x\n").line());            // not a CTDI phantom
        assertEquals(3, failure("32,3.7,0.0367,8,45,x\n32,3.7,0.0367,8,45,x\n").line()); // duplicate phantom
        assertEquals(2, failure("32,3.7,0.0367,45,8,x\n").line());            // range reversed
        assertEquals(2, failure("32,-3.7,0.0367,8,45,x\n").line());           // non-positive a
        assertEquals(2, failure("32,3.7,0.0367,8,45,\n").line());             // no source
        assertEquals(0, failure("").line());                                  // no rows
    }
}
