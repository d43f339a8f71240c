package org.alaraaudit.rules;

import static org.alaraaudit.AuditFixture.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoseDataMissingRuleTest {
    @TempDir
    Path dir;

    @Test
    void ctDiagnosticAcquisitionWithNeitherCtdivolNorDlp() {
        AuditResult r = new AuditFixture()
                .row("accession_number", "A1", "ctdivol_mgy", "", "dlp_mgycm", "")
                .row("accession_number", "A2", "ctdivol_mgy", "", "dlp_mgycm", "50", "patient_id", "M2")
                .row("accession_number", "A3", "ctdivol_mgy", "", "dlp_mgycm", "", "patient_id", "M3",
                        "acquisition_type", "CONSTANT_ANGLE")
                .audit(dir);
        assertEquals(List.of("A1"), findings(r, "DOSE_DATA_MISSING").stream().map(Finding::accessionNumber).toList());
    }

    @Test
    void aStationarySeriesWithoutAnyDoseIsMissingItsDoseAndOneWithADoseIsNot() {
        // Without a CTDIvol the dose level cannot tell bolus tracking from perfusion: the series is not passed over.
        AuditResult r = new AuditFixture().defaults("age_years", "40", "protocol_name", "ABDOMEN ROUTINE", "target_region", "ABDOMEN_PELVIS")
                .row("accession_number", "S1", "event_uid", "s1", "acquisition_type", "STATIONARY", "ctdivol_mgy", "", "dlp_mgycm", "")
                .row("accession_number", "S1", "event_uid", "s2", "acquisition_type", "SPIRAL", "ctdivol_mgy", "10", "dlp_mgycm", "400")
                .row("accession_number", "S2", "patient_id", "M2", "event_uid", "t1", "acquisition_type", "STATIONARY",
                        "ctdivol_mgy", "3", "dlp_mgycm", "")
                .audit(dir);
        assertEquals(List.of("S1"), findings(r, "DOSE_DATA_MISSING").stream().map(Finding::accessionNumber).toList());
    }

    @Test
    void aRadiographWithoutDapIsMissingItsDapAndOneWithDapIsNot() {
        AuditResult r = new AuditFixture().defaults("modality", "DX", "protocol_name", "", "ctdivol_mgy", "", "dlp_mgycm", "",
                        "acquisition_type", "", "phantom", "")
                .row("accession_number", "X1", "dap_gycm2", "")
                .row("accession_number", "X2", "dap_gycm2", "0.05", "patient_id", "M2")
                .audit(dir);
        assertEquals(List.of("X1"), findings(r, "DOSE_DATA_MISSING").stream().map(Finding::accessionNumber).toList());
        assertEquals("DAP", findings(r, "DOSE_DATA_MISSING").get(0).quantity());
    }
}
