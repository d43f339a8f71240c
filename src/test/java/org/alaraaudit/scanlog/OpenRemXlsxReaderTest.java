package org.alaraaudit.scanlog;

import static org.alaraaudit.scanlog.CanonicalColumn.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.alaraaudit.scanlog.OpenRemExportWriter.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenREM's CT XLSX export, sheet "All data" (layout reference section 3b), read into canonical rows. */
class OpenRemXlsxReaderTest {
    @TempDir
    Path dir;

    private final List<RawRow> rows = OpenRemTestFiles.rows(OpenRemExportWriter.XLSX);

    /** Rows keyed by study and event number, so exports in different row orders can be compared. */
    private static Map<String, RawRow> byEvent(List<RawRow> rows) {
        return rows.stream().collect(Collectors.toMap(
                r -> r.get(ACCESSION_NUMBER) + "#" + r.extras().get(RawRow.EVENT_NUMBER), r -> r, (a, b) -> a, TreeMap::new));
    }

    @Test
    void theAllDataSheetIsFoundAlthoughTheSummarySheetComesFirst() {
        try (ScanLogReader r = new ScanLogOpener(ScanLogOptions.DEFAULTS).open(OpenRemTestFiles.file(OpenRemExportWriter.XLSX))) {
            assertEquals("openrem-ct-xlsx", r.profileName());
        }
        assertEquals(33, rows.size());
    }

    @Test
    void everyEventReadsAsTheCsvExportsSameEvent() {
        Map<String, RawRow> csv = byEvent(OpenRemTestFiles.rows(OpenRemExportWriter.CSV));
        Map<String, RawRow> xlsx = byEvent(rows);
        assertEquals(csv.keySet(), xlsx.keySet());
        for (String k : csv.keySet()) {
            assertEquals(csv.get(k).cells(), xlsx.get(k).cells(), k);
            for (String attribute : DoseCheck.ATTRIBUTES) {
                assertEquals(csv.get(k).extras().get(attribute), xlsx.get(k).extras().get(attribute), k + " " + attribute);
            }
        }
    }

    @Test
    void rowNumbersAreTheSpreadsheetsAndStudiesComeNewestFirst() {
        RawRow newest = rows.get(0);
        assertEquals("RCH26102006", newest.get(ACCESSION_NUMBER));
        assertEquals(2, newest.source().line());
        assertTrue(OpenRemTestFiles.study(rows, "RCH26100501").stream().allMatch(r -> r.source().line() == 7));
        assertEquals("openrem-ct.xlsx", newest.source().file());
    }

    @Test
    void excelDateAndTimeCellsMakeTheStudyDateTime() {
        RawRow r = OpenRemTestFiles.study(rows, "RCH26101204").get(0);
        assertEquals("2026-10-12T07:53:19", r.get(STUDY_DATETIME));
        assertEquals("2014-05-29", r.get(BIRTH_DATE));
    }

    @Test
    void fullPhantomCodeMeaningsAreTranslated() {
        assertEquals("32", OpenRemTestFiles.study(rows, "RCH26101204").get(0).get(PHANTOM), "IEC Body Dosimetry Phantom");
        assertEquals("16", OpenRemTestFiles.study(rows, "RCH26100702").get(2).get(PHANTOM), "IEC Head Dosimetry Phantom");
    }

    @Test
    void numberCellsAreExactInCanonicalUnits() {
        RawRow r = OpenRemTestFiles.study(rows, "RCH26100501").get(1);
        assertEquals("118", r.get(HEIGHT_CM), "1.18 m");
        assertEquals("140", r.get(KVP));
        assertEquals("213.9", r.get(MAS));
        assertEquals("6.56", r.get(AGE_YEARS));
    }

    @Test
    void withoutPatientDataAndWithStandardNamesTheEventsAreTheSame() {
        Path f = dir.resolve("standard.xlsx");
        OpenRemExportWriter.xlsx(OpenRemStudies.all(), new Options(false, true), f);
        Map<String, RawRow> standard = byEvent(OpenRemTestFiles.rows(f));
        Map<String, RawRow> plain = byEvent(OpenRemTestFiles.rows(OpenRemExportWriter.XLSX_NO_PATIENT_ID));
        assertEquals(plain.keySet(), standard.keySet());
        for (String k : plain.keySet()) {
            assertEquals(plain.get(k).cells(), standard.get(k).cells(), k);
            assertTrue(standard.get(k).extras().containsKey("standard acquisition name"), k);
        }
        RawRow any = plain.values().iterator().next();
        assertTrue(any.get(PATIENT_ID).startsWith("study:"), "no Patient ID column: the study stands for the patient");
        assertNull(any.get(BIRTH_DATE));
    }

    @Test
    void eventsInAnXlsxStudyComeInEventOrder() {
        List<RawRow> cta = OpenRemTestFiles.study(rows, "RCH26102006");
        assertEquals(22, cta.size());
        List<Integer> order = cta.stream().map(r -> Integer.parseInt(r.extras().get(RawRow.EVENT_NUMBER))).toList();
        assertEquals(order.stream().sorted(Comparator.naturalOrder()).toList(), order);
        assertFalse(cta.get(0).cells().containsKey(CTDIVOL_MGY), "the topogram has no dose values");
    }
}
