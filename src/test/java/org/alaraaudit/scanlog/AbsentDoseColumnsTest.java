package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file whose header lacks a dose column its CT rows need is said once, at its header, with the checks it loses. */
class AbsentDoseColumnsTest {
    @TempDir
    Path dir;

    private static List<DataWarning> absentColumns(List<DataWarning> warnings) {
        return warnings.stream().filter(DataWarning::ofAbsentColumn).toList();
    }

    /** Three CT studies, the second above the child's notification value, its CTDIvol column named as another system names it. */
    private Path ctLogWithCtdivolNamed(String name) throws Exception {
        String csv = new AuditFixture()
                .row("accession_number", "A1")
                .row("accession_number", "A2", "ctdivol_mgy", "60")
                .row("accession_number", "A3")
                .csv().replaceFirst("ctdivol_mgy", name);
        return Files.writeString(dir.resolve("scan-log.csv"), csv);
    }

    @Test
    void aCtLogWhoseCtdivolColumnIsMisnamedGetsOneWarningNamingTheFileTheColumnAndTheChecksLost() throws Exception {
        AuditResult r = new AuditFixture().auditFiles(List.of(ctLogWithCtdivolNamed("ctdi_vol")));
        List<DataWarning> absent = absentColumns(r.warnings());
        assertEquals(1, absent.size(), r.warnings().toString());
        DataWarning w = absent.get(0);
        assertEquals("scan-log.csv", w.file());
        assertEquals(1, w.line(), "the header's line");
        assertEquals("ctdivol_mgy", w.column());
        assertTrue(w.reason().contains("no CT row can be checked against notification values, alert values or DRLs for CTDIvol"), w.reason());
        assertTrue(AuditFixture.findings(r, "CT_NOTIFICATION_VALUE").isEmpty(), "the warning stands for the findings that cannot be made");
    }

    @Test
    void theSameLogWithItsCtdivolColumnNamedRightGetsNoSuchWarningAndItsNotification() throws Exception {
        AuditResult r = new AuditFixture().auditFiles(List.of(ctLogWithCtdivolNamed("ctdivol_mgy")));
        assertEquals(List.of(), absentColumns(r.warnings()));
        assertEquals(1, AuditFixture.findings(r, "CT_NOTIFICATION_VALUE").size());
    }

    @Test
    void aCtLogWithoutADlpColumnIsWarnedOfTheDlpChecksItLoses() throws Exception {
        String csv = new AuditFixture().row("accession_number", "A1").row("accession_number", "A2").csv().replace(",dlp_mgycm", "")
                .replace(",50\n", "\n");
        AuditResult r = new AuditFixture().auditFiles(List.of(Files.writeString(dir.resolve("no-dlp.csv"), csv)));
        assertEquals(2, r.rows().audited(), csv);
        List<DataWarning> absent = absentColumns(r.warnings());
        assertEquals(List.of("dlp_mgycm"), absent.stream().map(DataWarning::column).toList());
        assertTrue(absent.get(0).reason().contains("no CT study can be checked against DRLs or expected ranges for DLP"), absent.get(0).reason());
    }

    @Test
    void aRadiographyLogNeedsNoCtDoseColumns() throws Exception {
        String csv = "patient_id,age_years,facility,station_name,accession_number,study_datetime,modality,body_part,view,dap_gycm2\n"
                + "M1,8,General,DR1,X1,2026-10-10T10:00:00,DX,CHEST,PA,0.05\n"
                + "M2,9,General,DR1,X2,2026-10-10T11:00:00,DX,CHEST,PA,0.06\n";
        AuditResult r = new AuditFixture().auditFiles(List.of(Files.writeString(dir.resolve("dx.csv"), csv)));
        assertEquals(2, r.rows().audited());
        assertEquals(List.of(), absentColumns(r.warnings()));
    }

    @Test
    void aCtRowAfterRadiographsInTheSameFileStillBringsTheWarning() throws Exception {
        String csv = "patient_id,age_years,facility,station_name,accession_number,study_datetime,modality,protocol_name,dlp_mgycm,dap_gycm2\n"
                + "M1,8,General,DR1,X1,2026-10-10T10:00:00,DX,,,0.05\n"
                + "M2,9,General,DR1,X2,2026-10-10T11:00:00,DX,,,0.06\n"
                + "M3,9,General,CT1,C1,2026-10-10T12:00:00,CT,PED CHEST 5-10Y,50,\n";
        AuditResult r = new AuditFixture().auditFiles(List.of(Files.writeString(dir.resolve("mixed.csv"), csv)));
        assertEquals(3, r.rows().audited());
        assertEquals(List.of("ctdivol_mgy"), absentColumns(r.warnings()).stream().map(DataWarning::column).toList());
    }

    @Test
    void aLargeLogReadOnTwoThreadsIsWarnedOnceNotPerRowOrChunk() throws Exception {
        AuditFixture rows = new AuditFixture();
        for (int i = 0; i < 2000; i++) rows.row("accession_number", "A" + i);
        Path f = Files.writeString(dir.resolve("large.csv"), rows.csv().replaceFirst("ctdivol_mgy", "ctdi_vol"));
        List<DataWarning> warnings = new ArrayList<>();
        RowValidator v = new RowValidator(new Pseudonymiser(AuditFixture.SECRET), LocalDateTime.of(2026, 11, 2, 7, 0), 1000, warnings::add);
        ScanLogInput in = new ScanLogInput(List.of(f), v, new Exclusions(List.of()), warnings);
        in.splitCsv(1, 4096);
        assertEquals(2000, AuditedRows.read(in).size());
        assertEquals(1, absentColumns(warnings).size(), warnings.toString());
    }

    @Test
    void aSiteProfileWhoseCtdivolColumnTheExportLacksIsWarnedAsACanonicalLogIs() throws Exception {
        Path profile = Files.writeString(dir.resolve("vendor.profile"), String.join("\n", "name = vendor", "patient_id = MRN",
                "age_years = Age", "facility = Site", "station_name = Scanner", "accession_number = Acc", "study_datetime = When",
                "modality = Mod", "protocol_name = Protocol", "ctdivol_mgy = CTDIvol (mGy)", "dlp_mgycm = DLP", ""));
        Path f = Files.writeString(dir.resolve("export.csv"), "MRN,Age,Site,Scanner,Acc,When,Mod,Protocol,CTDI,DLP\n"
                + "M1,8,Gen,CT1,A1,2026-10-01T10:00,CT,PED CHEST 5-10Y,2.5,50\n");
        List<DataWarning> warnings = new ArrayList<>();
        RowValidator v = new RowValidator(new Pseudonymiser(AuditFixture.SECRET), LocalDateTime.of(2026, 11, 2, 7, 0), 1000, warnings::add);
        ScanLogInput in = new ScanLogInput(List.of(f), v, new Exclusions(List.of()), warnings, new ScanLogOptions(profile.toString(), null));
        assertEquals(1, AuditedRows.read(in).size());
        List<DataWarning> absent = absentColumns(warnings);
        assertEquals(List.of("export.csv ctdivol_mgy"), absent.stream().map(w -> w.file() + " " + w.column()).toList());
    }
}
