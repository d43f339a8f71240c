package org.alaraaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.model.ReferenceStatus;
import org.alaraaudit.model.TableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every default reference value has a status a reviewer can accept, and a site's confirmation is recorded per row. */
class ReferenceTablesTest {
    /** What a reviewer must never read as a citation: repository names, file names, notes to ourselves. */
    static final Pattern INTERNAL = Pattern.compile("(?i)github|drl_app|verify|tables/|[\\w-]+\\.(csv|md)\\b");

    @TempDir
    Path dir;

    @Test
    void everyShippedReferenceTableGivesEachRowAStatusAndACitationFreeOfInternalNames() {
        ReferenceTables refs = AuditFixture.DEFAULT_RULES.tables().references();
        assertTrue(refs.tables().size() >= 10, "tables: " + refs.tables().size());
        assertTrue(refs.withoutStatus().isEmpty(), "tables without status: " + refs.withoutStatus());
        for (ReferenceTables.Table t : refs.tables()) {
            assertFalse(t.title().startsWith("Table "), t.file() + " has a reviewer title");
            for (ReferenceTables.Value v : t.values()) {
                assertTrue(v.source() != null && !v.source().isBlank(), t.file() + ":" + v.line() + " has a source");
                assertFalse(INTERNAL.matcher(v.source()).find(), t.file() + ":" + v.line() + " cites " + v.source());
                assertFalse(v.confirmed(), "the shipped tables are confirmed by no site");
            }
        }
        assertEquals(refs.size(), refs.counts().values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void theStatusesFollowWhatWasVerifiedOfEachSource() {
        ReferenceTables refs = AuditFixture.DEFAULT_RULES.tables().references();
        assertEquals(ReferenceStatus.PRIMARY, only(refs, "marrow-dose-coefficients.csv"));
        assertEquals(ReferenceStatus.SECONDARY, only(refs, "notification-values.csv"));
        assertEquals(ReferenceStatus.SECONDARY, only(refs, "drl-us-kanal2022.csv"));
        assertEquals(ReferenceStatus.SECONDARY, only(refs, "drl-eu-rp185.csv"));
        ReferenceTables.Table settings = table(refs, "settings.csv");
        assertTrue(settings.counts().get(ReferenceStatus.LOCAL_POLICY) >= 10, "settings are mostly local policy");
    }

    @Test
    void theThresholdsACriticalFindingRestsOnAreAtLeastSecondary() {
        // CT_ALERT_VALUE rests on the alert setting; the CRITICAL level of PEDIATRIC_ADULT_PROTOCOL on the
        // notification values. An unverified or merely local value must never be the sole basis of a CRITICAL.
        ReferenceTables refs = AuditFixture.DEFAULT_RULES.tables().references();
        for (ReferenceTables.Value v : table(refs, "notification-values.csv").values()) {
            assertTrue(v.status().isPublished(), "notification value line " + v.line() + ": " + v.status());
        }
        var settings = TableFile.read(ThresholdWorkbookFile.RULES.resolve("tables").resolve("settings.csv"), "settings.csv");
        TableFile.Row alert = settings.rows().stream().filter(r -> "alert_accumulated_ctdivol_mgy".equals(r.text("key")))
                .findFirst().orElseThrow();
        assertTrue(ReferenceStatus.parse(alert.text("status")).orElseThrow().isPublished(), alert.text("status"));
    }

    private static ReferenceStatus only(ReferenceTables refs, String file) {
        ReferenceTables.Table t = table(refs, file);
        assertEquals(1, t.counts().size(), file + ": " + t.counts());
        return t.counts().keySet().iterator().next();
    }

    private static ReferenceTables.Table table(ReferenceTables refs, String file) {
        return refs.tables().stream().filter(t -> t.file().equals(file)).findFirst().orElseThrow();
    }

    private Path table(String text) throws IOException {
        Path t = dir.resolve("tables");
        Files.createDirectories(t);
        Files.writeString(t.resolve("levels.csv"), text, StandardCharsets.UTF_8);
        return t;
    }

    @Test
    void aStatusOutsideTheFourKindsIsRefusedWithFileLineAndColumn() throws IOException {
        Path t = table("name,value,source,status\na,1,Paper 2020,primary\nb,2,Paper 2020,approved\n");
        TableException e = assertThrows(TableException.class, () -> ReferenceTables.load(t));
        assertEquals("levels.csv:3: column status: \"approved\" is not one of primary, secondary, local-policy, unverified", e.getMessage());
    }

    @Test
    void aBlankStatusIsRefusedWhereTheTableHasTheColumn() throws IOException {
        Path t = table("name,value,source,status\na,1,Paper 2020,\n");
        assertThrows(TableException.class, () -> ReferenceTables.load(t));
    }

    @Test
    void aConfirmationNeedsBothWhoAndWhenAndNoDateInTheFuture() throws IOException {
        assertThrows(TableException.class, () -> ReferenceTables.load(table(
                "name,value,source,status,verified_by,verified_on\na,1,Paper 2020,secondary,Dr X,\n")));
        assertThrows(TableException.class, () -> ReferenceTables.load(table(
                "name,value,source,status,verified_by,verified_on\na,1,Paper 2020,secondary,,2026-01-01\n")));
        assertThrows(TableException.class, () -> ReferenceTables.load(table(
                "name,value,source,status,verified_by,verified_on\na,1,Paper 2020,secondary,Dr X,2026-13-01\n")));
        String tomorrow = LocalDate.now().plusDays(1).toString();
        assertThrows(TableException.class, () -> ReferenceTables.load(table(
                "name,value,source,status,verified_by,verified_on\na,1,Paper 2020,secondary,Dr X," + tomorrow + "\n")));
    }

    @Test
    void aTableWithoutAStatusColumnCountsItsValuesAsUnverified() throws IOException {
        ReferenceTables refs = ReferenceTables.load(table("name,value,source\na,1,Paper 2020\nb,2,Paper 2021\n"));
        assertEquals(1, refs.withoutStatus().size());
        assertEquals(2, refs.counts().get(ReferenceStatus.UNVERIFIED));
    }

    @Test
    void confirmingATableFillsWhoAndWhenOnEveryRowAndKeepsEveryOtherCell() throws IOException {
        Path t = table("name,value,source,status\na,1,\"Paper 2020, table 2\",secondary\n# a comment the site wrote\nb,2,Paper 2021,primary\n");
        int rows = ReferenceConfirmation.confirm(t.resolve("levels.csv"), "Dr X, physicist", LocalDate.of(2026, 11, 30));
        assertEquals(2, rows);
        assertEquals("name,value,source,status,verified_by,verified_on\n"
                + "a,1,\"Paper 2020, table 2\",secondary,\"Dr X, physicist\",2026-11-30\n"
                + "\"# a comment the site wrote\"\n"
                + "b,2,Paper 2021,primary,\"Dr X, physicist\",2026-11-30\n", Files.readString(t.resolve("levels.csv")));
        ReferenceTables.Table table = ReferenceTables.load(t).tables().get(0);
        assertEquals(2, table.confirmedCount());
        assertEquals("[Dr X, physicist on 2026-11-30]", table.confirmations().toString());
    }

    @Test
    void aFindingsCitationTakesTheWeakestStatusOfItsRowsAndTheConfirmationOnlyWhenEveryRowHasOne() throws IOException {
        Path t = table("name,value,source,status,verified_by,verified_on\n"
                + "a,1,Paper 2020,primary,,\n"
                + "b,2,Paper 2020,secondary,,\n"
                + "c,3,Local choice,local-policy,,\n"
                + "d,4,Paper 2021,secondary,\"Dr X, physicist\",2026-11-30\n"
                + "e,5,Paper 2021,secondary,Dr Y,2026-12-01\n"
                + "f,6,Paper 2022,secondary,Dr X,2026-11-30\n"
                + "g,7,Paper 2022,unverified,,\n");
        java.util.Map<String, String> status = ReferenceTables.load(t).statusBySource();
        assertEquals("secondary", status.get("Paper 2020"), "one row read in the paper, one transcribed: never shown as read");
        assertEquals("local-policy", status.get("Local choice"));
        assertEquals("confirmed by Dr X, physicist on 2026-11-30; Dr Y on 2026-12-01", status.get("Paper 2021"));
        assertEquals("unverified", status.get("Paper 2022"), "a confirmation of one row does not cover the other");
        assertEquals(null, status.get("The Joint Commission PC.01.02.15"), "a rule's own requirement cites no row");
    }
}
