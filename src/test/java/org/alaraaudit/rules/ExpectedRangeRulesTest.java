package org.alaraaudit.rules;

import static org.alaraaudit.AuditFixture.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PED CHEST 5-10Y: expected CTDIvol 0.625-2.5 mGy, study DLP 17.5-70 mGy.cm (catalog defaults). */
class ExpectedRangeRulesTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "CTDIvol {0} -> {1}")
    @CsvSource({"2.5,", "2.51,MINOR", "5.0,MINOR", "5.01,MAJOR"})
    void ctdivolAboveTheExpectedUpperValue(String ctdivol, String severity) {
        AuditResult r = new AuditFixture().row("ctdivol_mgy", ctdivol).audit(dir);
        List<Finding> f = findings(r, "DOSE_ABOVE_EXPECTED_RANGE").stream().filter(x -> x.quantity().equals("CTDIvol")).toList();
        if (severity == null) {
            assertEquals(List.of(), f);
        } else {
            assertEquals(1, f.size());
            assertEquals(Severity.valueOf(severity), f.get(0).severity());
            assertEquals(2.5, f.get(0).referenceValue());
        }
    }

    @ParameterizedTest(name = "study DLP {0}+{1} -> {2}")
    @CsvSource({"40,30,", "40,30.1,MINOR", "100,40,MINOR", "100,40.1,MAJOR"})
    void studyDlpSumsTheProtocolsEvents(String dlp1, String dlp2, String severity) {
        AuditResult r = new AuditFixture().defaults("ctdivol_mgy", "1.0")
                .row("event_uid", "a", "dlp_mgycm", dlp1, "acquisition_type", "CONSTANT_ANGLE", "study_datetime", "2026-10-10T10:00")
                .row("event_uid", "b", "dlp_mgycm", dlp2)
                .audit(dir);
        List<Finding> f = findings(r, "DOSE_ABOVE_EXPECTED_RANGE").stream().filter(x -> x.quantity().equals("DLP")).toList();
        if (severity == null) {
            assertEquals(List.of(), f);
        } else {
            assertEquals(1, f.size());
            assertEquals(Severity.valueOf(severity), f.get(0).severity());
            assertEquals(Double.parseDouble(dlp1) + Double.parseDouble(dlp2), f.get(0).measuredValue(), 1e-9);
        }
    }

    @Test
    void ctdivolBelowTheExpectedLowerValueOnlyForDiagnosticAcquisitions() {
        AuditResult r = new AuditFixture()
                .row("accession_number", "A1", "ctdivol_mgy", "0.624", "dlp_mgycm", "20")
                .row("accession_number", "A2", "ctdivol_mgy", "0.625", "dlp_mgycm", "20", "patient_id", "M2")
                .row("accession_number", "A3", "ctdivol_mgy", "0.1", "dlp_mgycm", "20", "patient_id", "M3",
                        "acquisition_type", "CONSTANT_ANGLE")
                .audit(dir);
        List<Finding> f = findings(r, "DOSE_BELOW_EXPECTED_RANGE");
        assertEquals(List.of("A1"), f.stream().map(Finding::accessionNumber).toList());
        assertEquals(Severity.MINOR, f.get(0).severity());
    }

    @Test
    void studyDlpBelowTheExpectedLowerValue() {
        AuditResult r = new AuditFixture()
                .row("accession_number", "A1", "dlp_mgycm", "17.4")
                .row("accession_number", "A2", "dlp_mgycm", "17.5", "patient_id", "M2")
                .audit(dir);
        List<Finding> f = findings(r, "DOSE_BELOW_EXPECTED_RANGE");
        assertEquals(List.of("A1"), f.stream().map(Finding::accessionNumber).toList());
        assertEquals("DLP", f.get(0).quantity());
    }

    @Test
    void protocolWithoutAnExpectedRangeIsNotJudged() {
        AuditResult r = new AuditFixture().row("protocol_name", "Kids Thorax", "ctdivol_mgy", "40").audit(dir);
        assertEquals(List.of(), findings(r, "DOSE_ABOVE_EXPECTED_RANGE"));
    }
}
