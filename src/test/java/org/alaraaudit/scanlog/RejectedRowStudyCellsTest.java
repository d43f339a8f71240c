package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facility, accession and study date a rejected row keeps, to find its study, are shown only as far as its faulty
 * value would be: an identifier in one of them is withheld, and an over-long cell (a quoted cell that runs over other
 * lines' text) is left out.
 */
class RejectedRowStudyCellsTest {
    @TempDir
    Path dir;

    private Rejection rejected(AuditFixture f) {
        AuditResult r = f.audit(dir);
        List<Rejection> x = r.rejected();
        assertEquals(1, x.size(), x.toString());
        return x.get(0);
    }

    @Test
    void theStudysCellsAreKeptAsWritten() {
        Rejection x = rejected(new AuditFixture().row("facility", "General", "accession_number", "A77", "study_datetime",
                "2026-10-05T10:00:00", "kvp", "300"));
        assertEquals("General", x.facility());
        assertEquals("A77", x.accessionNumber());
        assertEquals("2026-10-05T10:00:00", x.studyDatetime());
        assertEquals(java.time.LocalDate.of(2026, 10, 5), x.studyDay());
    }

    @Test
    void thePatientsIdentifierInTheAccessionIsWithheld() {
        Rejection x = rejected(new AuditFixture().row("patient_id", "MRN-5566778", "accession_number", "MRN-5566778", "kvp", "300"));
        assertEquals(Rejection.VALUE_WITHHELD, x.accessionNumber());
    }

    @Test
    void anotherPatientsIdentifierShiftedIntoTheAccessionIsWithheld() {
        Rejection x = rejected(new AuditFixture()
                .row("patient_id", "MRN-1112223", "accession_number", "B1")
                .row("patient_id", "MRN-9998887", "accession_number", "MRN-1112223", "kvp", "300"));
        assertEquals(Rejection.VALUE_WITHHELD, x.accessionNumber());
    }

    @Test
    void anAccessionLongerThanTheStoreTakesIsLeftOut() {
        Rejection x = rejected(new AuditFixture().row("accession_number", "A".repeat(101), "kvp", "300"));
        assertNull(x.accessionNumber());
    }
}
