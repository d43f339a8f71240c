package org.alaraaudit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.history.trend.Grouping;
import org.alaraaudit.history.trend.TypicalDapMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs recorded before the oldest children's band was labelled with the pediatric limit stored it as "15+ y": the
 * trend reads it as the band it was, so a typical value does not split into two lines at the month of the change.
 */
class OldestChildrensBandTrendTest {
    @TempDir
    Path dir;

    @Test
    void anEarlierRunsFifteenPlusBandIsTrendedAsTheBandFromFifteenToItsPediatricLimit() {
        StoreRuns store = new StoreRuns("jdbc:h2:file:" + dir.resolve("store").resolve("history"));
        AuditFixture sixteen = new AuditFixture().defaults("modality", "DX", "station_name", "DX1", "protocol_name", "PED CHEST PA",
                "acquisition_type", "", "target_region", "", "ctdivol_mgy", "", "phantom", "", "dlp_mgycm", "",
                "body_part", "CHEST", "view", "PA", "age_years", "16")
                .row("patient_id", "A", "accession_number", "X1", "event_datetime", "2026-10-10T10:00:00", "dap_gycm2", "0.04");
        store.audit(AuditPeriod.month(YearMonth.of(2026, 10)), sixteen.write(dir, "scan-log.csv"));
        // The run as an earlier version recorded it.
        store.execute("UPDATE run_typical_value SET band = '15+ y'");
        assertEquals(1, store.count("SELECT COUNT(*) FROM run_typical_value WHERE band = '15+ y'"));

        List<String> bands = store.trend(Grouping.FACILITY).xray().typicalValues().stream().map(TypicalDapMonth::band).toList();
        assertEquals(List.of("15-<18 y"), bands);
    }
}
