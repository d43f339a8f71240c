package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenREM exports without Patient ID: each study is its own patient, nothing is rejected, and the run says so. */
class NoPatientIdentifierTest {
    @TempDir
    Path dir;

    private ScanLogInput input(List<Path> files, List<DataWarning> warnings) {
        RowValidator v = new RowValidator(new Pseudonymiser(AuditFixture.SECRET), LocalDateTime.of(2026, 11, 2, 7, 0), 1000, warnings::add);
        return new ScanLogInput(files, v, new Exclusions(List.of()), warnings);
    }

    @Test
    void theInputReportsWhichFilesHaveNoPatientIdentifier() {
        ScanLogInput without = input(List.of(OpenRemTestFiles.file(OpenRemExportWriter.CSV_NO_PATIENT_ID),
                OpenRemTestFiles.file(OpenRemExportWriter.XLSX)), new ArrayList<>());
        assertTrue(without.patientIdentifiersMissing());
        assertEquals(List.of(OpenRemExportWriter.CSV_NO_PATIENT_ID), without.filesWithoutPatientIdentifiers());
        assertEquals("not assessable: the export has no patient identifier", ScanLogInput.NO_PATIENT_ID);

        ScanLogInput with = input(List.of(OpenRemTestFiles.file(OpenRemExportWriter.CSV),
                OpenRemTestFiles.file(OpenRemExportWriter.CANONICAL)), new ArrayList<>());
        assertFalse(with.patientIdentifiersMissing());
        assertTrue(with.filesWithoutPatientIdentifiers().isEmpty());
    }

    @Test
    void eachStudyIsItsOwnPatientAndNothingIsRejected() {
        for (String name : List.of(OpenRemExportWriter.CSV_NO_PATIENT_ID, OpenRemExportWriter.XLSX_NO_PATIENT_ID)) {
            List<DataWarning> warnings = new ArrayList<>();
            ScanLogInput in = input(List.of(OpenRemTestFiles.file(name)), warnings);
            List<ScanRow> rows = AuditedRows.read(in);
            assertEquals(33, rows.size(), name);
            assertEquals(0, in.accounting().rejected(), name);
            assertTrue(rows.stream().allMatch(ScanRow::patientPerStudy), name);
            Set<String> studies = rows.stream().map(ScanRow::studyKey).collect(Collectors.toSet());
            Set<String> patients = rows.stream().map(ScanRow::patientRef).collect(Collectors.toSet());
            assertEquals(studies.size(), patients.size(), name + ": one patient per study");
            assertTrue(patients.stream().allMatch(p -> p.matches("[0-9a-f]{12}")), name + ": pseudonymised as usual");
            assertTrue(warnings.stream().noneMatch(w -> "patient_id".equals(w.column())), "a missing column is said once, not per row");
        }
    }

    @Test
    void theRepeatOfTheSameChildCannotBeSeenWithoutIdentifiers() {
        AuditResult with = new AuditFixture().auditFiles(List.of(OpenRemTestFiles.file(OpenRemExportWriter.CSV)));
        AuditResult without = new AuditFixture().auditFiles(List.of(OpenRemTestFiles.file(OpenRemExportWriter.CSV_NO_PATIENT_ID)));
        assertEquals(1, AuditFixture.findings(with, "REPEAT_STUDY").size());
        assertTrue(AuditFixture.findings(without, "REPEAT_STUDY").isEmpty());
        assertTrue(AuditFixture.findings(without, "CUMULATIVE_DOSE").isEmpty());
        assertEquals(0, without.rows().rejected());
        assertEquals(with.rows().audited(), without.rows().audited());
        assertEquals(AuditFixture.findings(with, "PEDIATRIC_HIGH_KVP").size(), AuditFixture.findings(without, "PEDIATRIC_HIGH_KVP").size(),
                "rules about a single study are unaffected");
    }

    @Test
    void aSingleEmptyPatientIdInAFileWithTheColumnIsAWarningNotARejection() throws Exception {
        String csv = Files.readString(OpenRemTestFiles.file(OpenRemExportWriter.CSV), StandardCharsets.UTF_8)
                .replace(",RCH0012345,", ",,");
        Path f = dir.resolve("openrem-gap.csv");
        Files.writeString(f, csv, StandardCharsets.UTF_8);
        List<DataWarning> warnings = new ArrayList<>();
        ScanLogInput in = input(List.of(f), warnings);
        List<ScanRow> rows = AuditedRows.read(in);
        assertFalse(in.patientIdentifiersMissing(), "the file has the column");
        assertEquals(0, in.accounting().rejected());
        List<DataWarning> gaps = warnings.stream().filter(w -> "patient_id".equals(w.column())).toList();
        assertEquals(2, gaps.size(), "one per event row of the study");
        assertEquals(2, gaps.get(0).line());
        ScanRow stand = rows.stream().filter(r -> r.study().accessionNumber().equals("RCH26100501")).findFirst().orElseThrow();
        ScanRow other = rows.stream().filter(r -> r.study().accessionNumber().equals("RCH26100702")).findFirst().orElseThrow();
        assertTrue(stand.patientPerStudy());
        assertFalse(other.patientPerStudy());
        assertNotEquals(stand.patientRef(), other.patientRef());
    }

    @Test
    void theCanonicalFormatStillRequiresThePatientId() {
        ScanLogException e = org.junit.jupiter.api.Assertions.assertThrows(ScanLogException.class, () -> {
            Path f = dir.resolve("log.csv");
            String csv = new AuditFixture().row().csv().replace("patient_id,", "").replace("MRN1,", "");
            Files.writeString(f, csv);
            input(List.of(f), new ArrayList<>());
        });
        assertTrue(e.getMessage().contains("patient_id"), e.getMessage());
    }
}
