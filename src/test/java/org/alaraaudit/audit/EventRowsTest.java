package org.alaraaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.aggregate.PeriodEvents;
import org.junit.jupiter.api.Test;

/**
 * A run that writes no workbook keeps no row of every event, yet everything else it finds is the same: the
 * scanners on the PDF's cover, the findings, the figures.
 */
class EventRowsTest {
    private static final Path MONTH = Path.of("sample-data", "scan-log-2026-10.csv");

    @Test
    void aRunWithoutEventRowsCountsTheSameScannersAndFindsTheSame() {
        AuditResult kept = new AuditFixture().auditFiles(List.of(MONTH));
        AuditResult counted = new AuditFixture().eventRows(false).auditFiles(List.of(MONTH));

        assertTrue(kept.events().size() > 1000, kept.events().size() + " event rows kept");
        assertEquals(kept.figures().events(), kept.events().size(), "a row for every audited event of the period");
        assertEquals(0, counted.events().size());
        assertEquals(List.of(), eventsOf(counted));
        assertEquals(kept.events().scanners(), counted.events().scanners());
        assertEquals(kept.findings().stream().toList(), counted.findings().stream().toList());
        assertEquals(kept.figures(), counted.figures());
    }

    private static List<PeriodEvents.Event> eventsOf(AuditResult r) {
        List<PeriodEvents.Event> out = new java.util.ArrayList<>();
        r.events().forEach(out::add);
        return out;
    }
}
