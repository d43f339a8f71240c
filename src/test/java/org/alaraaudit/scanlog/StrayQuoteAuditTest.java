package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A month's export with one stray quote is audited, not refused: the line the quote is on is rejected with the
 * cells that name its study, so the study it leaves incomplete is flagged, and every other line is a row. Studies of
 * two events each (lines 2-3, 4-5, ...), study n on lines 2n and 2n+1; real exports quote free text that holds a
 * comma.
 */
class StrayQuoteAuditTest {
    @TempDir
    Path dir;

    private static final String HEADER = "patient_id,age_years,sex,weight_kg,facility,station_name,accession_number,study_datetime,"
            + "modality,indication,protocol_name,acquisition_type,target_region,kvp,ctdivol_mgy,phantom,dlp_mgycm";

    /** The data lines: line {@code n} of the file is element {@code n - 2}. */
    private static List<String> month(int lines) {
        List<String> out = new ArrayList<>();
        for (int line = 2; line < lines + 2; line++) {
            int study = line / 2;
            String indication = line % 9 == 0 ? "\"cough, fever\"" : "follow-up";
            out.add("MRN" + study + ",8,F,25,General,CT1,ACC" + study + ",2026-10-" + (10 + study % 15) + "T10:00:00,CT," + indication
                    + ",PED CHEST 5-10Y,SPIRAL,CHEST,100,2.0,32," + (40 + line % 2 * 10));
        }
        return out;
    }

    private Path write(List<String> lines) throws IOException {
        return Files.writeString(dir.resolve("stray_quote.csv"), HEADER + "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /** Line {@code n} of the file with its free text changed. */
    private static void edit(List<String> lines, int line, String from, String to) {
        String l = lines.get(line - 2);
        assertTrue(l.contains(from), l);
        lines.set(line - 2, l.replace(from, to));
    }

    private static List<Finding> incomplete(AuditResult r) { return AuditFixture.findings(r, "STUDY_INCOMPLETE"); }

    @Test
    void aQuoteOpeningAFieldOnLine21ThatTheQuotedFieldOnLine80WouldCloseRejectsLine21Only() throws IOException {
        List<String> lines = month(120);
        edit(lines, 21, ",follow-up,", ",\"follow-up,");
        edit(lines, 80, ",follow-up,", ",\"fever, cough\",");
        AuditResult r = new AuditFixture().auditFiles(List.of(write(lines)));
        assertEquals(120, r.rows().read());
        assertEquals(119, r.rows().audited());
        assertTrue(r.rows().reconciles());
        Rejection x = r.rejected().get(0);
        assertEquals(21, x.line());
        assertEquals("indication", x.column());
        assertTrue(x.reason().startsWith("opens a quote on line 21 that runs over line 22, which reads as a whole row (a stray \"?)"),
                x.reason());
        assertEquals(Arrays.asList("General", "ACC10", "2026-10-20T10:00:00"), Arrays.asList(x.facility(), x.accessionNumber(), x.studyDatetime()));
        List<Finding> f = incomplete(r);
        assertEquals(1, f.size(), f.toString());
        assertEquals("ACC10", f.get(0).accessionNumber(), "line 21 is study 10's second event");
    }

    @Test
    void aQuoteThatClosesAgainFiveLinesOnRejectsTheLineItOpenedOnAndItsStudyIsIncomplete() throws IOException {
        // The trial's file: a quote at the start of the free text on line 5, another after a cell's text on line 10.
        List<String> lines = month(20);
        edit(lines, 5, ",follow-up,", ",\"follow-up,");
        edit(lines, 10, ",follow-up,", ",follow-up\",");
        AuditResult r = new AuditFixture().auditFiles(List.of(write(lines)));
        assertEquals(List.of(5L), r.rejected().stream().map(Rejection::line).toList());
        assertEquals("ACC2", r.rejected().get(0).accessionNumber());
        assertEquals(19, r.rows().audited(), "lines 6 to 10 are rows, line 10 with the quote in its text");
        assertEquals(List.of("ACC2"), incomplete(r).stream().map(Finding::accessionNumber).toList());
    }

    @Test
    void aStrayQuoteOnTheFirstLineOfAStudyRejectsItAndFlagsTheStudyByItsOtherEvent() throws IOException {
        List<String> lines = month(20);
        edit(lines, 6, ",follow-up,", ",\"follow-up,");
        AuditResult r = new AuditFixture().auditFiles(List.of(write(lines)));
        assertEquals(List.of(6L), r.rejected().stream().map(Rejection::line).toList());
        assertEquals(List.of("ACC3"), incomplete(r).stream().map(Finding::accessionNumber).toList());
    }

    @Test
    void aStrayQuoteInTheAccessionStillFindsItsStudyByPatientAndStart() throws IOException {
        // The quote's own cell is the accession, whose end is not known: the row's facility, patient and study start,
        // read before the quote, name the study.
        List<String> lines = month(20);
        edit(lines, 5, ",ACC2,", ",\"ACC2,");
        AuditResult r = new AuditFixture().auditFiles(List.of(write(lines)));
        assertEquals(1, r.rows().rejected());
        assertEquals(null, r.rejected().get(0).accessionNumber());
        assertEquals(List.of("ACC2"), incomplete(r).stream().map(Finding::accessionNumber).toList());
    }

    @Test
    void aStrayLineNeverShowsItsPatientsIdentifier() throws IOException {
        // The accession was typed as the patient's identifier: it still finds the study, and is never shown.
        List<String> lines = month(20);
        edit(lines, 5, ",ACC2,", ",MRN2,");
        edit(lines, 4, ",ACC2,", ",MRN2,");
        edit(lines, 5, ",follow-up,", ",\"follow-up,");
        AuditResult r = new AuditFixture().auditFiles(List.of(write(lines)));
        Rejection x = r.rejected().get(0);
        assertEquals(Rejection.VALUE_WITHHELD, x.accessionNumber());
        assertFalse(x.toString().contains("MRN2"), x.toString());
        assertEquals(1, incomplete(r).size(), "matched by the cells as read, before any is withheld");
    }

    @Test
    void anOpenRemExportWithAStrayQuoteRejectsThatStudysRowNamingTheStudy() throws IOException {
        // OpenREM writes one row per study: the next study's row has as many cells as the header.
        List<String> lines = new ArrayList<>(Files.readAllLines(OpenRemTestFiles.file("openrem-ct.csv")));
        assertTrue(lines.get(2).contains(",CT HEAD,CT Brain,"));
        lines.set(2, lines.get(2).replace(",CT HEAD,CT Brain,", ",CT HEAD,\"CT Brain,"));
        Path f = Files.writeString(dir.resolve("openrem-ct.csv"), String.join("\n", lines) + "\n");
        List<RawRow> rows = OpenRemTestFiles.rows(f);
        List<RawRow> rejected = rows.stream().filter(x -> x.extras().containsKey(RawRow.UNREADABLE)).toList();
        assertEquals(1, rejected.size());
        RawRow x = rejected.get(0);
        assertEquals(3, x.source().line());
        assertEquals("requested procedure", x.extras().get(RawRow.UNREADABLE_COLUMN));
        assertTrue(x.extras().get(RawRow.UNREADABLE).startsWith("opens a quote on line 3 that runs over line 4"), x.extras().toString());
        assertEquals("RCH26100702", x.get(CanonicalColumn.ACCESSION_NUMBER));
        assertEquals("2026-10-07T14:03:11", x.get(CanonicalColumn.STUDY_DATETIME));
        List<RawRow> whole = OpenRemTestFiles.rows("openrem-ct.csv");
        assertEquals(whole.size() - 3 + 1, rows.size(), "the study's three events are one rejected row; every other study is read");
    }
}
