package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.alaraaudit.model.Glob;
import org.alaraaudit.model.SourceLine;
import org.junit.jupiter.api.Test;

class ExclusionsTest {
    private static RawRow row(String protocol, String extraName, String extraValue) {
        Map<CanonicalColumn, String> cells = new EnumMap<>(CanonicalColumn.class);
        if (protocol != null) cells.put(CanonicalColumn.PROTOCOL_NAME, protocol);
        return new RawRow(new SourceLine("log.csv", 2), cells, extraValue == null ? Map.of() : Map.of(extraName, extraValue), false);
    }

    @Test
    void anExclusionNamesItsColumnInAnyCaseAndMatchesCanonicalCellsAndColumnsOutsideTheFormatAlike() {
        Exclusions qc = new Exclusions(List.of(
                new Exclusions.Exclusion(" Protocol_Name ", new Glob("QA*"), "quality control"),
                new Exclusions.Exclusion("Operator", new Glob("phantom*"), "phantom scan")));
        assertEquals("quality control", qc.match(row("QA WATER", null, null)).orElseThrow().reason());
        assertEquals("phantom scan", qc.match(row("PED HEAD", "operator", "phantom test")).orElseThrow().reason());
        assertTrue(qc.match(row("PED HEAD", "operator", "Dr X")).isEmpty());
        assertTrue(qc.match(row(null, null, null)).isEmpty(), "an empty cell matches no pattern");
    }

    private static RawRow study(String protocol, String description) {
        Map<CanonicalColumn, String> cells = new EnumMap<>(CanonicalColumn.class);
        if (protocol != null) cells.put(CanonicalColumn.PROTOCOL_NAME, protocol);
        if (description != null) cells.put(CanonicalColumn.STUDY_DESCRIPTION, description);
        return new RawRow(new SourceLine("log.csv", 2), cells, Map.of(), false);
    }

    /**
     * The shipped defaults leave out the QA and physics scans of real dose reports (OpenREM's test files: a SPECT/CT's
     * "Daily QA" series, a study "Specials^PhysicsTesting (Adult)", a radiotherapy "10.13 RADIOTHERAPY QA") and keep
     * patients' studies whose words only resemble them.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "protocol \"{0}\", study \"{1}\": excluded {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', nullValues = "-", value = {
            "Daily QA          | -                               | true",
            "QA WATER 20CM     | -                               | true",
            "QC CTDI 32CM      | -                               | true",
            "ACR PHANTOM       | -                               | true",
            "DE_laser align    | Specials^PhysicsTesting (Adult) | true",
            "-                 | 10.13 RADIOTHERAPY QA           | true",
            "-                 | QA DAILY WATER PHANTOM          | true",
            "PED HEAD 1-2Y     | HEAD W/O                        | false",
            "AQUA SPINE        | SPINE                           | false",
            "CHEST QAL         | QUALITY CHEST                   | false",
            "PHYSICAL THERAPY  | PHYSICS OF SWALLOWING           | false",
    })
    void theDefaultExclusionsLeaveOutQaAndPhysicsScansOnly(String protocol, String description, boolean excluded) {
        Exclusions defaults = org.alaraaudit.AuditFixture.DEFAULT_RULES.tables().exclusions();
        assertEquals(excluded, defaults.match(study(protocol, description)).isPresent(), protocol + " / " + description);
    }
}
