package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Contrast;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The protocol table of the sample month: each protocol's ratio is to the DRL of its own contrast, and the studies
 * above its dose are studies, never more than the protocol's studies.
 */
class PediatricProtocolsTest {
    static AuditResult october;

    @BeforeAll
    static void audit() {
        october = AuditFixture.sampleMonth(YearMonth.of(2026, 10));
    }

    @Test
    void aProtocolForExamsWithContrastIsComparedWithTheDrlWithContrastAndTheOthersWithTheOneWithout() {
        List<PediatricProtocols.Row> rows = PediatricProtocols.of(october);
        PediatricProtocols.Row withContrast = rows.stream().filter(r -> r.protocol().equals("PED ABDOMEN 5-10Y C+")).findFirst().orElseThrow();
        assertEquals(Contrast.WITH, withContrast.entry().contrast());
        assertEquals("with", withContrast.drl().contrast());
        assertEquals(4.6, withContrast.ctdivolDrl(), "Kanal 2022, abdomen-pelvis with contrast, 5-<10 y");
        PediatricProtocols.Row chest = rows.stream().filter(r -> r.protocol().equals("PED CHEST 5-10Y")).findFirst().orElseThrow();
        assertEquals("without", chest.drl().contrast());
        assertEquals(2.5, chest.ctdivolDrl());
    }

    @Test
    void studiesAboveCountStudiesAndNeverExceedTheProtocolsStudies() {
        List<PediatricProtocols.Row> rows = PediatricProtocols.of(october);
        assertTrue(rows.stream().anyMatch(r -> r.exceedances() > 0));
        for (PediatricProtocols.Row r : rows) {
            assertTrue(r.exceedances() <= r.stats().studies(), r.protocol() + " " + r.place() + ": " + r.exceedances()
                    + " studies above of " + r.stats().studies());
        }
    }
}
