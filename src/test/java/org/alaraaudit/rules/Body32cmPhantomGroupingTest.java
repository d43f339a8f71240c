package org.alaraaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PEDIATRIC_BODY_32CM_PHANTOM is a convention of a station's protocol, so it is told once per station and protocol
 * per period, the way UNMAPPED_PROTOCOL is, with the number of studies and the median SSDE.
 */
class Body32cmPhantomGroupingTest {
    @TempDir
    Path dir;

    @Test
    void threeChildrenOnOneStationsProtocolAreOneFindingWithTheirMedianSsde() {
        List<Finding> f = AuditFixture.findings(new AuditFixture()
                .row("patient_id", "P1", "accession_number", "A1", "ssde_mgy", "3.0")
                .row("patient_id", "P2", "accession_number", "A2", "ssde_mgy", "5.0")
                .row("patient_id", "P2", "accession_number", "A2", "ssde_mgy", "9.0", "event_uid", "second",
                        "study_datetime", "2026-10-10T10:05:00")
                .row("patient_id", "P3", "accession_number", "A3", "ssde_mgy", "", "effective_diameter_cm", "")
                .row("patient_id", "P4", "accession_number", "A4", "station_name", "CT2")
                .audit(dir), "PEDIATRIC_BODY_32CM_PHANTOM");
        assertEquals(2, f.size(), "CT1 and CT2");
        Finding ct1 = f.stream().filter(x -> x.stationName().equals("CT1")).findFirst().orElseThrow();
        assertEquals(3.0, ct1.measuredValue(), "three studies");
        assertEquals("studies", ct1.unit());
        assertEquals("station_protocol", ct1.scope());
        assertEquals("PED CHEST 5-10Y", ct1.standardProtocol());
        assertEquals(4, ct1.inputLines().size(), "every 32 cm acquisition");
        assertTrue(ct1.message().contains("3 pediatric studies") && ct1.message().contains("median SSDE 5.0 mGy over the 3 acquisitions"),
                ct1.message());
        // the period is part of the id: next month's finding on the same station and protocol is a new one
        assertEquals(FindingCollector.id("PEDIATRIC_BODY_32CM_PHANTOM", "General", "CT1", "PED CHEST 5-10Y", "2026-10-01..2026-10-31"), ct1.findingId());
    }

    @Test
    void sixteenCmAcquisitionsOfTheSameProtocolAreNotCounted() {
        List<Finding> f = AuditFixture.findings(new AuditFixture()
                .row("patient_id", "P1", "accession_number", "A1")
                .row("patient_id", "P2", "accession_number", "A2", "phantom", "16")
                .audit(dir), "PEDIATRIC_BODY_32CM_PHANTOM");
        assertEquals(1, f.size());
        assertEquals(1.0, f.get(0).measuredValue());
        assertEquals(1, f.get(0).inputLines().size());
    }

    @Test
    void anUnmappedProtocolKeepsItsOwnCatalogGapFindingBesideThePhantomNote() {
        AuditFixture fixture = new AuditFixture().row("protocol_name", "SINUS LOW", "target_region", "CHEST");
        var r = fixture.audit(dir);
        assertEquals(1, AuditFixture.findings(r, "UNMAPPED_PROTOCOL").size());
        assertEquals(1, AuditFixture.findings(r, "PEDIATRIC_BODY_32CM_PHANTOM").size());
    }
}
