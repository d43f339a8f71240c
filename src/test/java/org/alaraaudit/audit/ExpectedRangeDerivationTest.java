package org.alaraaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.aggregate.DoseSample;
import org.alaraaudit.audit.aggregate.LocalProtocolDoses;
import org.alaraaudit.model.CatalogEntry;
import org.alaraaudit.rules.ProtocolCatalog;
import org.alaraaudit.rules.TableFile;
import org.junit.jupiter.api.Test;

/** Expected ranges proposed from a site's own CTDIvol values: P5-P95, at least the minimum of studies, one phantom. */
class ExpectedRangeDerivationTest {
    private static final ProtocolCatalog CATALOG = AuditFixture.DEFAULT_RULES.tables().catalog();

    /** Values 1..n mGy, one acquisition per study. */
    private static LocalProtocolDoses doses(String station, String protocol, int phantom, int n) {
        DoseSample s = new DoseSample();
        for (int i = 1; i <= n; i++) s.add(i);
        return new LocalProtocolDoses(station, protocol, phantom, n, LocalDate.of(2026, 8, 3), LocalDate.of(2026, 10, 30), s);
    }

    @Test
    void onlyAProtocolWhoseExamsWithContrastNowHaveARowOfTheirOwnLeavesThemOut() {
        ExpectedRangeDerivation d = new ExpectedRangeDerivation(CATALOG, 20);
        assertTrue(d.withContrastApart("CT1", "PED CHEST 5-10Y"), "PED CHEST 5-10Y C+ takes its exams with contrast");
        assertTrue(d.withContrastApart("CT1", "PED ABDOMEN 10-15Y"));
        assertFalse(d.withContrastApart("CT1", "PED CHEST 5-10Y C+"), "the with-contrast row's own values are all its own");
        assertFalse(d.withContrastApart("CT1", "PED HEAD 5-10Y"), "no head row of one contrast");
        assertFalse(d.withContrastApart("CT1", "SOMETHING NO ROW NAMES"));
    }

    @Test
    void aWithContrastRowBelowTheProtocolsOwnRowTakesNoneOfItsExamsSoNothingIsLeftOut() {
        String header = String.join(",", ProtocolCatalog.columns());
        String own = "PED CHEST 5-10Y*,,PED CHEST 5-10Y,PEDIATRIC,CHEST,,5,10,,,1,4,10,100,local policy,,local-policy,,,";
        String with = "PED CHEST 5-10Y*,,PED CHEST 5-10Y C+,PEDIATRIC,CHEST,with,5,10,,,1,8,10,200,local policy,,local-policy,,,";
        ProtocolCatalog below = ProtocolCatalog.from(TableFile.read(new StringReader(header + "\n" + own + "\n" + with + "\n"), "c.csv",
                ProtocolCatalog.columns()));
        ProtocolCatalog above = ProtocolCatalog.from(TableFile.read(new StringReader(header + "\n" + with + "\n" + own + "\n"), "c.csv",
                ProtocolCatalog.columns()));
        assertFalse(new ExpectedRangeDerivation(below, 1).withContrastApart("CT1", "PED CHEST 5-10Y"), "first match wins: the own row takes all");
        assertTrue(new ExpectedRangeDerivation(above, 1).withContrastApart("CT1", "PED CHEST 5-10Y"));
    }

    @Test
    void anUpperEndAboveTheCatalogsIsNamedSoASiteThatOverDosesDoesNotAdoptItUnawares() {
        CatalogEntry shipped = CATALOG.entries().stream().filter(e -> "PED CHEST 5-10Y".equals(e.standardName())).findFirst().orElseThrow();
        // values 1..21 mGy: P95 = 20 mGy, far above the shipped 2.5 mGy (the DRL of the band)
        ExpectedRangeDerivation.Result r = new ExpectedRangeDerivation(CATALOG, 20).derive(List.of(doses("CT1", "PED CHEST 5-10Y", 32, 21)));
        assertEquals(List.of("PED CHEST 5-10Y on CT1: proposed upper end 20 mGy is above the catalog's " + ExpectedRangeDerivation.number(
                shipped.expectedCtdivolMaxMgy()) + " mGy (line " + shipped.line() + "): adopting it would stop flagging doses the audit"
                + " flags today; review against the DRL before adopting"), r.notes());
        assertTrue(r.proposals().get(0).row().get("source").contains("upper end above the catalog's"), r.proposals().get(0).row().get("source"));
        // at the catalog's upper end: nothing to say
        DoseSample low = new DoseSample();
        for (int i = 0; i < 21; i++) low.add(shipped.expectedCtdivolMaxMgy());
        ExpectedRangeDerivation.Result at = new ExpectedRangeDerivation(CATALOG, 20).derive(List.of(new LocalProtocolDoses("CT1",
                "PED CHEST 5-10Y", 32, 21, LocalDate.of(2026, 8, 3), LocalDate.of(2026, 10, 30), low)));
        assertEquals(List.of(), at.notes());
    }

    @Test
    void theStudiesLeftOutForTheirContrastAreCountedInANoteAndInTheRowsSource() {
        DoseSample s = new DoseSample();
        for (int i = 1; i <= 21; i++) s.add(i);
        LocalProtocolDoses g = new LocalProtocolDoses("CT1", "PED CHEST 5-10Y", 32, 21, LocalDate.of(2026, 8, 3),
                LocalDate.of(2026, 10, 30), s, 4, 1);
        ExpectedRangeDerivation.Result r = new ExpectedRangeDerivation(CATALOG, 20).derive(List.of(g));
        assertEquals("PED CHEST 5-10Y on CT1, 32 cm phantom: 4 studies with contrast and 1 study stored before the history"
                + " store kept each exam's contrast (either contrast) left out; the catalog holds its exams with contrast to PED CHEST 5-10Y C+",
                r.notes().get(0));
        assertTrue(r.proposals().get(0).row().get("source").contains("5 studies with contrast or of contrast not kept left out"),
                r.proposals().get(0).row().get("source"));
    }

    @Test
    void theRangeIsTheFifthToNinetyFifthPercentileWithTheCatalogRowsPopulationAndDlp() {
        ExpectedRangeDerivation.Result r = new ExpectedRangeDerivation(CATALOG, 20).derive(List.of(doses("CT1", "PED CHEST 5-10Y", 32, 21)));
        assertEquals(1, r.proposals().size());
        var row = r.proposals().get(0).row();
        // type 7: h = 20 x 0.05 = 1 -> 2; h = 20 x 0.95 = 19 -> 20
        assertEquals("2", row.get("expected_ctdivol_min_mgy"));
        assertEquals("20", row.get("expected_ctdivol_max_mgy"));
        CatalogEntry shipped = CATALOG.entries().stream().filter(e -> "PED CHEST 5-10Y".equals(e.standardName())).findFirst().orElseThrow();
        assertEquals(shipped.pattern().toString(), row.get("pattern"));
        assertEquals("CT1", row.get("station_name"));
        assertEquals("PEDIATRIC", row.get("population"));
        assertEquals("CHEST", row.get("target_region"));
        assertEquals("5", row.get("min_age_years"));
        assertEquals("10", row.get("max_age_years"));
        assertEquals(ExpectedRangeDerivation.number(shipped.expectedDlpMaxMgycm()), row.get("expected_dlp_max_mgycm"));
        assertTrue(row.get("source").startsWith("local policy: derived from local history 21 studies 2026-08-03–2026-10-30, P5–P95"),
                row.get("source"));
    }

    @Test
    void valuesLoggedOnTheOtherPhantomThanTheRangesAreProposedOnTheRangesPhantom() {
        // A child's chest range refers to the 32 cm phantom: 2-20 mGy on 16 cm are 1-10 mGy on 32 cm.
        ExpectedRangeDerivation.Result r = new ExpectedRangeDerivation(CATALOG, 20).derive(List.of(doses("CT1", "PED CHEST 5-10Y", 16, 21)));
        var row = r.proposals().get(0).row();
        assertEquals("1", row.get("expected_ctdivol_min_mgy"));
        assertEquals("10", row.get("expected_ctdivol_max_mgy"));
        assertTrue(row.get("source").contains("(21 acquisitions, 16 cm phantom, converted to the range's 32 cm phantom with the ratio 2)"),
                row.get("source"));
    }

    @Test
    void fewerStudiesThanTheMinimumGiveANoteAndNoRow() {
        ExpectedRangeDerivation.Result r = new ExpectedRangeDerivation(CATALOG, 20).derive(List.of(doses("CT1", "PED CHEST 5-10Y", 32, 19)));
        assertEquals(List.of(), r.proposals());
        assertEquals(List.of("PED CHEST 5-10Y on CT1, 32 cm phantom: 19 studies, fewer than 20; no range proposed"), r.notes());
    }

    @Test
    void valuesOnTwoPhantomsAreNeverMixedAndTheLargerGroupWins() {
        ExpectedRangeDerivation.Result r = new ExpectedRangeDerivation(CATALOG, 20).derive(List.of(
                doses("CT1", "PED CHEST 5-10Y", 16, 25), doses("CT1", "PED CHEST 5-10Y", 32, 40)));
        assertEquals(1, r.proposals().size());
        assertEquals(32, r.proposals().get(0).phantomCm());
        assertEquals(2, r.notes().size(), "the other phantom, and the upper end above the catalog's: " + r.notes());
        assertTrue(r.notes().get(0).contains("25 studies on the 16 cm phantom left out"), r.notes().get(0));
    }

    @Test
    void aProtocolKeptUnderItsDeviceNameTakesTheMatchingRowAndNamesItselfAndAnUnknownOneIsANote() {
        ExpectedRangeDerivation.Result r = new ExpectedRangeDerivation(CATALOG, 20).derive(List.of(
                doses("CT1", "KIDS THORAX LOCAL", 32, 30), doses("CT1", "SINUS LOW", 16, 30)));
        assertEquals(1, r.proposals().size());
        var row = r.proposals().get(0).row();
        assertEquals("KIDS THORAX LOCAL", row.get("pattern"));
        assertEquals("KIDS THORAX LOCAL", row.get("standard_name"));
        assertEquals("PEDIATRIC", row.get("population"));
        assertTrue(r.notes().get(0).startsWith("SINUS LOW on CT1: no catalog row matches it"), r.notes().toString());
    }

    @Test
    void theRowsReadBackAsAProtocolCatalog() throws Exception {
        ExpectedRangeDerivation.Result r = new ExpectedRangeDerivation(CATALOG, 20).derive(List.of(
                doses("CT1", "PED CHEST 5-10Y", 32, 30), doses("CT2", "PED HEAD 6-18Y", 16, 50)));
        StringWriter w = new StringWriter();
        ExpectedRangeDerivation.write(r.proposals(), w);
        ProtocolCatalog back = ProtocolCatalog.from(TableFile.read(new StringReader(w.toString()), "derived.csv", ProtocolCatalog.columns()));
        assertEquals(2, back.entries().size());
        assertEquals("CT2", back.match("PED HEAD 6-18Y", "CT2", null).orElseThrow().stationName());
        assertTrue(back.match("PED HEAD 6-18Y", "CT1", null).isEmpty(), "a derived row is for its own station only");
        assertEquals(28.55, back.entries().get(0).expectedCtdivolMaxMgy(), 1e-9, "1..30 mGy: h = 29 x 0.95 = 27.55");
    }

    /**
     * A station with enough studies of a protocol with and without contrast gets a row for each, the row for contrast
     * first: pasted above the shipped rows in this order, each exam still reaches the row of its contrast.
     */
    @Test
    void theRowForExamsWithContrastComesBeforeTheRowThatTakesAnyExam() {
        ExpectedRangeDerivation.Result r = new ExpectedRangeDerivation(CATALOG, 20).derive(List.of(
                doses("CT1", "PED CHEST 10-15Y", 32, 30), doses("CT1", "PED CHEST 10-15Y C+", 32, 30)));
        assertEquals(List.of("with", ""), r.proposals().stream().map(p -> p.row().get("contrast")).toList());
        StringWriter w = new StringWriter();
        try {
            ExpectedRangeDerivation.write(r.proposals(), w);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ProtocolCatalog back = ProtocolCatalog.from(TableFile.read(new StringReader(w.toString()), "derived.csv", ProtocolCatalog.columns()));
        assertEquals("PED CHEST 10-15Y C+", back.match("PED CHEST 10-15Y V2", "CT1", org.alaraaudit.model.Contrast.WITH).orElseThrow().standardName());
        assertEquals("PED CHEST 10-15Y", back.match("PED CHEST 10-15Y V2", "CT1", null).orElseThrow().standardName());
    }
}
