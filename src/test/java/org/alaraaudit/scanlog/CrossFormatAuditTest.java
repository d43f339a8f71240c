package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.junit.jupiter.api.Test;

/**
 * The same studies audited as a canonical CSV, as OpenREM's CSV export and as OpenREM's XLSX export give the same
 * findings: an OpenREM export audits with no preparation and the result of its canonical equivalent.
 */
class CrossFormatAuditTest {
    private static AuditResult audit(String file) {
        return new AuditFixture().auditFiles(List.of(OpenRemTestFiles.file(file)));
    }

    /** What identifies a finding across formats: rule, study, measured and reference value, severity, patient. */
    private static List<String> keys(AuditResult r) {
        return r.findings().stream()
                .map(f -> String.join(" | ", f.ruleId(), f.severity().name(), String.valueOf(f.accessionNumber()),
                        String.valueOf(f.measuredValue()), String.valueOf(f.referenceValue()), String.valueOf(f.patientRef()),
                        String.valueOf(f.protocolName())))
                .sorted().toList();
    }

    @Test
    void canonicalCsvOpenRemCsvAndOpenRemXlsxGiveTheSameFindings() {
        AuditResult canonical = audit(OpenRemExportWriter.CANONICAL);
        AuditResult csv = audit(OpenRemExportWriter.CSV);
        AuditResult xlsx = audit(OpenRemExportWriter.XLSX);

        assertEquals(33, canonical.rows().read());
        for (AuditResult r : List.of(canonical, csv, xlsx)) {
            assertEquals(33, r.rows().audited(), r.rejected().toString());
            assertTrue(r.rows().reconciles());
        }
        List<String> expected = keys(canonical);
        assertFalse(expected.isEmpty());
        assertEquals(expected, keys(csv), "OpenREM CSV");
        assertEquals(expected, keys(xlsx), "OpenREM XLSX");
        assertEquals(canonical.figures(), csv.figures());
        assertEquals(canonical.figures(), xlsx.figures());
    }

    @Test
    void theFindingsAreTheOnesTheseStudiesCallFor() {
        AuditResult r = audit(OpenRemExportWriter.XLSX);
        List<Finding> kvp = AuditFixture.findings(r, "PEDIATRIC_HIGH_KVP").stream()
                .filter(f -> f.accessionNumber().equals("RCH26100501")).toList();
        assertEquals(1, kvp.size());
        assertEquals(140.0, kvp.get(0).measuredValue(), "the dual-source event's higher tube");
        assertEquals(1, AuditFixture.findings(r, "REPEAT_STUDY").size(), "the 3-year-old's head, repeated next morning");
        assertTrue(AuditFixture.findings(r, "PEDIATRIC_BODY_32CM_PHANTOM").stream()
                .anyMatch(f -> f.inputLines().containsAll(kvp.get(0).inputLines())), "the station's protocol note rests on that study's row");
    }

    @Test
    void findingsPointAtTheStudysRowInTheExport() {
        AuditResult r = audit(OpenRemExportWriter.CSV);
        Finding repeat = AuditFixture.findings(r, "REPEAT_STUDY").get(0);
        assertTrue(repeat.inputLines().stream().allMatch(l -> l.file().equals("openrem-ct.csv")));
        assertTrue(repeat.inputLines().stream().anyMatch(l -> l.line() == 4), repeat.inputLinesText());
        Path xlsx = OpenRemTestFiles.file(OpenRemExportWriter.XLSX);
        Finding kvp = AuditFixture.findings(new AuditFixture().auditFiles(List.of(xlsx)), "PEDIATRIC_HIGH_KVP").stream()
                .filter(f -> f.accessionNumber().equals("RCH26100501")).findFirst().orElseThrow();
        assertEquals(List.of(7L), kvp.inputLines().stream().map(l -> l.line()).distinct().toList(), "spreadsheet row 7");
    }
}
