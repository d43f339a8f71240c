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

class DoseCheckOverriddenRuleTest {
    @TempDir
    Path dir;

    private AuditResult audit(String age, String alert, String reason) {
        return new AuditFixture().row("age_years", age, "dose_check_alert", alert, "dose_check_reason", reason,
                "dose_check_ctdivol_alert_mgy", "2.0", "dose_check_ctdivol_forward_estimate_mgy", "2.4").audit(dir);
    }

    @Test
    void childAlertOverriddenWithoutAReasonIsMajor() {
        List<Finding> f = findings(audit("8", "true", ""), "DOSE_CHECK_OVERRIDDEN");
        assertEquals(1, f.size());
        assertEquals(Severity.MAJOR, f.get(0).severity());
        assertEquals(2.4, f.get(0).measuredValue());
        assertEquals(2.0, f.get(0).referenceValue());
        assertEquals("mGy", f.get(0).unit());
    }

    @Test
    void adultAlertOverriddenWithoutAReasonIsMinor() {
        assertEquals(Severity.MINOR, findings(audit("40", "true", ""), "DOSE_CHECK_OVERRIDDEN").get(0).severity());
    }

    @Test
    void aRecordedReasonOrNoAlertIsNoFinding() {
        assertEquals(List.of(), findings(audit("8", "true", "obese patient, image quality"), "DOSE_CHECK_OVERRIDDEN"));
        assertEquals(List.of(), findings(audit("8", "false", ""), "DOSE_CHECK_OVERRIDDEN"));
        assertEquals(List.of(), findings(new AuditFixture().row().audit(dir), "DOSE_CHECK_OVERRIDDEN"));
    }
}
