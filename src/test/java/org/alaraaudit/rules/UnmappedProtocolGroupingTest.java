package org.alaraaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UNMAPPED_PROTOCOL groups by the catalog's standard name: for an unmapped name, the name itself. */
class UnmappedProtocolGroupingTest {
    @TempDir
    Path dir;

    @Test
    void namesDifferingOnlyInCaseOrSpacingAreOneCatalogGap() {
        List<Finding> f = AuditFixture.findings(new AuditFixture()
                .row("patient_id", "P1", "accession_number", "A1", "protocol_name", "SINUS LOW")
                .row("patient_id", "P2", "accession_number", "A2", "protocol_name", " sinus  low ")
                .row("patient_id", "P3", "accession_number", "A3", "protocol_name", "SINUS LOW", "station_name", "CT2")
                .audit(dir), "UNMAPPED_PROTOCOL");
        assertEquals(2, f.size());
        Finding ct1 = f.stream().filter(x -> x.stationName().equals("CT1")).findFirst().orElseThrow();
        assertEquals(2.0, ct1.measuredValue());
        assertEquals("SINUS LOW", ct1.standardProtocol());
    }
}
