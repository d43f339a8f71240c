package org.alaraaudit.rules;

import static org.alaraaudit.AuditFixture.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.model.Contrast;
import org.alaraaudit.scanlog.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A facility's pediatric groups are compared with the DRL of their own contrast (Kanal 2022: chest 15-<18 y,
 * 7.4 mGy without and 14 mGy with contrast); exams of unknown contrast with the DRL without contrast, labelled so.
 */
class ContrastDrlTest {
    @TempDir
    Path dir;

    /** Ten teenagers' chest CTs, each one acquisition, with these description, contrast cell and CTDIvol. */
    private AuditResult chestGroup(String description, String contrast, String ctdivol) {
        AuditFixture fx = new AuditFixture().defaults("age_years", "16", "weight_kg", "60", "protocol_name", "PED CHEST 15-18Y",
                "study_description", description, "contrast", contrast, "ctdivol_mgy", ctdivol, "dlp_mgycm", "200");
        for (int i = 0; i < 10; i++) fx.row("patient_id", "T" + i, "accession_number", "C" + i, "study_datetime", "2026-10-1" + i + "T10:00:00");
        return fx.audit(dir);
    }

    private static DrlGroup ctdivolGroup(AuditResult r) {
        List<DrlGroup> g = r.drlGroups().stream().filter(x -> x.quantity().equals("CTDIvol")).toList();
        assertEquals(1, g.size(), g.toString());
        return g.get(0);
    }

    @Test
    void aContrastChestOfTeenagersIsJudgedAgainstTheWithContrastDrl() {
        AuditResult r = chestGroup("CT CHEST W CONTRAST", "", "14");
        DrlGroup g = ctdivolGroup(r);
        assertEquals(14.0, g.drl());
        assertEquals("CT CHEST with contrast", g.examType());
        assertEquals("CT CHEST with contrast", g.examName());
        assertEquals("BELOW", g.status(), "a median at the DRL has not exceeded it");
        assertEquals(List.of(), findings(r, "DRL_MEDIAN_EXCEEDED"));
    }

    @Test
    void justAboveTheWithContrastDrlExceedsIt() {
        AuditResult r = chestGroup("CT CHEST W CONTRAST", "", "14.01");
        assertEquals("ABOVE", ctdivolGroup(r).status());
        assertEquals(1, findings(r, "DRL_MEDIAN_EXCEEDED").stream().filter(f -> f.quantity().contains("CTDIvol")).count());
    }

    @Test
    void theContrastColumnWinsOverTheDescription() {
        DrlGroup g = ctdivolGroup(chestGroup("CT CHEST W/O CONTRAST", "yes", "10"));
        assertEquals(14.0, g.drl());
        DrlGroup without = ctdivolGroup(chestGroup("CT CHEST W CONTRAST", "no", "10"));
        assertEquals(7.4, without.drl());
        assertEquals("ABOVE", without.status());
    }

    @Test
    void theWithoutWordingIsReadBeforeTheWordContrast() {
        DrlGroup g = ctdivolGroup(chestGroup("CT CHEST W/O CONTRAST", "", "7.4"));
        assertEquals(7.4, g.drl());
        assertEquals("CT CHEST", g.examType(), "the group's key in finding ids and the history, as before");
        assertEquals("CT CHEST without contrast", g.examName(), "what the reports show: the DRL is for exams without contrast");
        assertEquals("BELOW", g.status());
    }

    @Test
    void aGroupOfUnknownContrastIsComparedWithTheDrlWithoutContrastAndSaysSo() {
        AuditResult r = chestGroup("CT CHEST", "", "7.41");
        DrlGroup g = ctdivolGroup(r);
        assertEquals(7.4, g.drl());
        assertEquals("ABOVE", g.status());
        assertEquals("CT CHEST (contrast not known)", g.examType());
        assertEquals("CT CHEST (contrast not known)", g.examName(), "its note says which DRL it was compared with");
        assertTrue(g.note().contains("compared with the DRL without contrast"), g.note());
        assertTrue(findings(r, "DRL_MEDIAN_EXCEEDED").get(0).message().contains("contrast not known"));
    }

    @Test
    void theGroupsOfOneExamTypeAndContrastStandTogetherInBandOrderWhereverTheTableListsThem() {
        // The US set lists abdomen-pelvis 0-<1 y (with contrast) among the rows without, the other bands with contrast
        // at the end of its file: the groups still read by exam type, without contrast first, then by band.
        AuditFixture fx = new AuditFixture().defaults("weight_kg", "", "protocol_name", "LOCAL SCAN", "phantom", "32");
        fx.row("patient_id", "A", "accession_number", "A", "age_years", "0.5", "target_region", "ABDOMEN_PELVIS", "contrast", "yes");
        fx.row("patient_id", "B", "accession_number", "B", "age_years", "3", "target_region", "ABDOMEN_PELVIS", "contrast", "yes");
        fx.row("patient_id", "C", "accession_number", "C", "age_years", "3", "target_region", "CHEST_ABDOMEN_PELVIS", "contrast", "yes");
        fx.row("patient_id", "D", "accession_number", "D", "age_years", "3", "target_region", "CHEST", "contrast", "no");
        fx.row("patient_id", "E", "accession_number", "E", "age_years", "3", "target_region", "CHEST", "contrast", "yes");
        List<String> order = fx.audit(dir).drlGroups().stream().filter(x -> x.quantity().equals("CTDIvol"))
                .map(x -> x.examName() + ", " + x.band()).toList();
        assertEquals(List.of("CT CHEST without contrast, 1-<5 y", "CT CHEST with contrast, 1-<5 y",
                "CT ABDOMEN PELVIS with contrast, 0-<1 y", "CT ABDOMEN PELVIS with contrast, 1-<5 y",
                "CT CHEST ABDOMEN PELVIS with contrast, 1-<5 y"), order);
    }

    @Test
    void aGroupOfUnknownContrastJudgedByTheSetsOnlyDrlWithContrastSaysWhichDrlItWas() {
        // Kanal 2022 gives chest-abdomen-pelvis 5-<10 y only with contrast (4.3 mGy); ten exams of unknown contrast at 4.4.
        AuditFixture fx = new AuditFixture().defaults("age_years", "7", "weight_kg", "", "protocol_name", "PED CAP 5-10Y",
                "target_region", "CHEST_ABDOMEN_PELVIS", "contrast", "", "phantom", "32", "ctdivol_mgy", "4.4", "dlp_mgycm", "150");
        for (int i = 0; i < 10; i++) {
            fx.row("patient_id", "C" + i, "accession_number", "C" + i, "study_datetime", String.format("2026-10-%02dT10:00:00", i + 1));
        }
        AuditResult r = fx.audit(dir);
        DrlGroup g = ctdivolGroup(r);
        assertEquals(4.3, g.drl());
        assertEquals("ABOVE", g.status());
        String m = findings(r, "DRL_MEDIAN_EXCEEDED").stream().filter(f -> f.quantity().equals("median CTDIvol")).findFirst()
                .orElseThrow().message();
        assertTrue(m.contains("exceeds the US DRL of 4.3 mGy, a DRL for exams with contrast, the set's only one for this exam type and band"), m);
        // A group of known contrast is judged by its own DRL and says nothing more.
        AuditResult known = chestGroup("CT CHEST W/O CONTRAST", "", "7.41");
        assertTrue(findings(known, "DRL_MEDIAN_EXCEEDED").stream().noneMatch(f -> f.message().contains("the set's only one")));
    }

    @Test
    void unknownAndKnownContrastExamsFormSeparateGroups() {
        AuditFixture fx = new AuditFixture().defaults("age_years", "16", "weight_kg", "60", "protocol_name", "PED CHEST 15-18Y");
        fx.row("patient_id", "K1", "accession_number", "K1", "study_description", "CT CHEST W/O CONTRAST");
        fx.row("patient_id", "U1", "accession_number", "U1", "study_description", "CT CHEST");
        List<String> types = fx.audit(dir).drlGroups().stream().filter(x -> x.quantity().equals("CTDIvol")).map(DrlGroup::examType).toList();
        assertEquals(List.of("CT CHEST", "CT CHEST (contrast not known)"), types);
    }

    @Test
    void anExamWithoutContrastHasNoDrlWhereTheSetGivesOnlyOneWithContrast() {
        AuditFixture fx = new AuditFixture().defaults("age_years", "8", "protocol_name", "PED CAP 5-10Y",
                "target_region", "CHEST_ABDOMEN_PELVIS", "contrast", "no");
        fx.row("accession_number", "N1");
        assertEquals(List.of(), fx.audit(dir).drlGroups());
    }

    @Test
    void aContrastCellThatSaysNeitherRejectsTheRowNamingTheColumn() {
        AuditResult r = new AuditFixture().row("contrast", "maybe").audit(dir);
        assertEquals(1, r.rejected().size());
        Rejection x = r.rejected().get(0);
        assertEquals("contrast", x.column());
        assertEquals("maybe", x.value());
        assertTrue(x.reason().contains("is not with or without contrast"), x.reason());
    }

    @Test
    void theShippedPatternsReadTheUsualWordings() {
        ContrastPatterns p = ContrastPatterns.from(TableFile.read(Path.of("rules", "tables", ContrastPatterns.FILE), ContrastPatterns.FILE));
        assertEquals(Contrast.WITHOUT, p.of("CT HEAD W/O CONTRAST"));
        assertEquals(Contrast.WITHOUT, p.of("CT ABDOMEN NON-CON"));
        assertEquals(Contrast.WITHOUT, p.of("CT Schaedel nativ"));
        assertEquals(Contrast.WITH, p.of("CT CHEST W/ CONTRAST"));
        assertEquals(Contrast.WITH, p.of("PED ABD 10-15Y C+"));
        assertEquals(Contrast.WITH, p.of("CT THORAX KM"));
        assertEquals(Contrast.WITH, p.of("CT ABDOMEN WITH IV"));
        assertEquals(Contrast.BOTH, p.of("CT ABDOMEN W/WO CONTRAST"));
        assertNull(p.of("CT CHEST"));
        assertNull(p.of("CT WORKUP"), "WO only as a word of its own");
    }
}
