package org.alaraaudit.dosimetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;

import org.alaraaudit.model.TableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KFactorTableTest {

    private static final String HEADER =
            "dataset,region,coefficient_age,age_min_years,age_max_years,k_msv_per_mgycm,dlp_phantom_cm,source\n";

    private static TableException failure(String body) {
        return assertThrows(TableException.class,
                () -> KFactorTable.read(new StringReader(HEADER + body), "k-factors.csv", "S"));
    }

    @Test
    void shippedDefaultDatasetHasEveryPublishedCoefficientWithItsPhantomAndSource() {
        KFactorTable t = ShippedTables.kFactors();
        assertEquals(21, t.rows().size()); // 4 regions × 5 ages + adult neck
        assertTrue(t.rows().stream().allMatch(r -> r.dlpPhantomCm() != null && !r.source().isBlank()));
        assertEquals(0.011, t.find("head", 0).orElseThrow().k());
        assertEquals(0.044, t.find("trunk", 0).orElseThrow().k());
        assertEquals(16, t.find("chest", 10).orElseThrow().dlpPhantomCm());
        assertEquals(32, t.find("chest", 18).orElseThrow().dlpPhantomCm());
    }

    /** Choosing a set whose DLP normalisation is unstated used to switch effective dose off without a word. */
    @ParameterizedTest
    @ValueSource(strings = {"NCI_ED103_80kVp", "NCI_ED103_100kVp", "NCI_ED103_120kVp"})
    void choosingAShippedNciDatasetIsRefusedUntilItsPhantomIsStated(String dataset) {
        TableException e = assertThrows(TableException.class, () -> ShippedTables.kFactors(dataset));
        assertTrue(e.line() > 1, "names the row: " + e.line());
        assertTrue(e.getMessage().contains("dataset '" + dataset + "'") && e.getMessage().contains("dlp_phantom_cm is blank"),
                e.getMessage());
    }

    @Test
    void aBlankPhantomInTheChosenDatasetIsRefusedWithItsLine() {
        TableException e = failure("S,head,0,0,5,0.011,16,x\nS,head,5,5,,0.004,,x\n");
        assertEquals(3, e.line());
    }

    @Test
    void aBlankPhantomInAnotherDatasetIsFine() {
        KFactorTable t = KFactorTable.read(new StringReader(HEADER + "S,head,5,0,,0.004,16,x\nT,head,5,0,,0.004,,x\n"), "k.csv", "S");
        assertEquals(1, t.rows().size());
    }

    @Test
    void theShippedBandsPutNoEdgeAtThePediatricLimit() {
        KFactorTable t = ShippedTables.kFactors();
        for (String region : new String[]{"head", "chest", "abdomen-pelvis", "trunk"}) {
            assertEquals(t.find(region, 17.999).orElseThrow(), t.find(region, 18).orElseThrow(), region);
            assertEquals("adult", t.find(region, 14).orElseThrow().coefficientAge(), region);
            assertEquals("10", t.find(region, 13.999).orElseThrow().coefficientAge(), region);
        }
    }

    @Test
    void badNumberNamesFileAndLine() {
        TableException e = failure("S,head,0,0,0.5,0.011,16,x\nS,head,1,0.5,3,0.0O67,16,x\n");
        assertEquals("k-factors.csv", e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("k_msv_per_mgycm"), e.getMessage());
    }

    @Test
    void rowsOfOtherDatasetsAreCheckedToo() {
        assertEquals(3, failure("S,head,0,0,,0.011,16,x\nT,head,0,0,,zero,16,x\n").line());
    }

    @Test
    void badRegionsBandsPhantomsFactorsSourcesOrColumnsAreRefusedAtTheirLine() {
        assertEquals(2, failure("S,knee,0,0,,0.011,16,x\n").line());               // unknown region
        assertEquals(3, failure("S,head,0,0,5,0.011,16,x\nS,head,1,4,,0.01,16,x\n").line()); // overlapping bands
        assertEquals(2, failure("S,head,0,0,5,0.011,24,x\n").line());              // phantom not 16/32
        assertEquals(2, failure("S,head,0,5,1,0.011,16,x\n").line());              // band reversed
        assertEquals(2, failure("S,head,0,0,,0,16,x\n").line());                   // k not positive
        assertEquals(2, failure("S,head,0,0,,0.011,16,\n").line());                // no source
        assertEquals(1, assertThrows(TableException.class,
                () -> KFactorTable.read(new StringReader("dataset,region\nS,head\n"), "k.csv")).line());
    }

    @Test
    void sameBandsInDifferentDatasetsOrRegionsAreFine() {
        KFactorTable t = KFactorTable.read(new StringReader(HEADER + "S,head,0,0,,0.011,16,x\nT,head,0,0,,0.02,16,x\n"
                + "S,chest,0,0,,0.03,16,x\n"), "k.csv", "S");
        assertEquals(2, t.rows().size());
    }

    @Test
    void unknownDatasetIsAnError() {
        TableException e = failure("T,head,0,0,,0.011,16,x\n");
        assertTrue(e.getMessage().contains("no rows for dataset 'S'"), e.getMessage());
        assertTrue(e.getMessage().contains("[T]"), e.getMessage());
    }
}
