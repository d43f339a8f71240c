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
}
