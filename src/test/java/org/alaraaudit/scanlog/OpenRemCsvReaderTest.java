package org.alaraaudit.scanlog;

import static org.alaraaudit.scanlog.CanonicalColumn.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenREM's CT CSV export (layout reference section 3a) read into canonical rows, one per event. */
class OpenRemCsvReaderTest {
    @TempDir
    Path dir;

    private final List<RawRow> rows = OpenRemTestFiles.rows(OpenRemExportWriter.CSV);

    @Test
    void eachEventOfEachStudyBecomesOneRowPointingAtTheStudysLine() {
        assertEquals(2 + 3 + 2 + 2 + 2 + 22, rows.size());
        List<RawRow> head = OpenRemTestFiles.study(rows, "RCH26100702");
        assertEquals(3, head.size());
        for (RawRow r : head) {
            assertEquals(3, r.source().line(), "header is line 1, the second study line 3");
            assertEquals("openrem-ct.csv", r.source().file());
        }
        assertEquals(List.of("1", "2", "3"), head.stream().map(r -> r.extras().get(RawRow.EVENT_NUMBER)).toList());
    }

    @Test
    void studyColumnsFollowOpenRemsNamesAndConventions() {
        RawRow r = OpenRemTestFiles.study(rows, "RCH26100501").get(1);
        assertEquals("RCH0012345", r.get(PATIENT_ID));
        assertEquals("2020-03-14", r.get(BIRTH_DATE));
        assertEquals("6.56", r.get(AGE_YEARS), "decimal years as exported");
        assertEquals("F", r.get(SEX));
        assertEquals("118", r.get(HEIGHT_CM), "Height is metres in OpenREM: 1.18 m");
        assertEquals("21", r.get(WEIGHT_KG));
        assertEquals(OpenRemStudies.HOSPITAL, r.get(FACILITY));
        assertEquals("CTFLASH01", r.get(STATION_NAME));
        assertEquals("SOMATOM Definition Flash", r.get(MODEL), "Model name");
        assertEquals("2026-10-05T09:12:30", r.get(STUDY_DATETIME), "Study date + Study time");
        assertEquals("CT", r.get(MODALITY));
        assertEquals("CT CHEST", r.get(STUDY_DESCRIPTION));
    }

    @Test
    void dualSourceEventTakesTheHigherKvpAndBothTubesMilliampereSeconds() {
        RawRow r = OpenRemTestFiles.study(rows, "RCH26100501").get(1);
        assertEquals("PED CHEST 5-10Y", r.get(PROTOCOL_NAME));
        assertEquals("SPIRAL", r.get(ACQUISITION_TYPE));
        assertEquals("140", r.get(KVP), "tubes at 100 and 140 kVp");
        assertEquals("213.9", r.get(MAS), "(77 + 38) mA x 1.86 s");
        assertEquals("2.94", r.get(CTDIVOL_MGY));
        assertEquals("32", r.get(PHANTOM), "\"32 cm\"");
        assertEquals("70.4", r.get(DLP_MGYCM));
        assertEquals("212", r.get(SCAN_LENGTH_MM));
    }

    @Test
    void singleSourceEventUsesItsOneTube() {
        RawRow r = OpenRemTestFiles.study(rows, "RCH26100702").get(2);
        assertEquals("120", r.get(KVP));
        assertEquals("1440", r.get(MAS), "180 mA x 8 s");
        assertEquals("16", r.get(PHANTOM), "\"16 cm\"");
        assertEquals("SEQUENCED", r.get(ACQUISITION_TYPE));
    }

    @Test
    void localiserWithoutDoseValuesHasThemNotReportedRatherThanZero() {
        RawRow scout = OpenRemTestFiles.study(rows, "RCH26100702").get(0);
        assertEquals("CONSTANT_ANGLE", scout.get(ACQUISITION_TYPE));
        assertNull(scout.get(CTDIVOL_MGY));
        assertNull(scout.get(DLP_MGYCM));
        assertNull(scout.get(PHANTOM));
    }

    @Test
    void aStudyWithMoreThanTwentyEventsGivesAllOfThemAndAlikeEventsStayDistinct() {
        List<RawRow> cta = OpenRemTestFiles.study(rows, "RCH26102006");
        assertEquals(22, cta.size());
        assertEquals("CTA CHEST LATE", cta.get(21).get(PROTOCOL_NAME));
        assertEquals("22", cta.get(21).extras().get(RawRow.EVENT_NUMBER));
        try (DuplicateFilter d = new DuplicateFilter()) {
            cta.forEach(d::add);
            assertEquals(0, d.duplicates().cardinality(), "18 monitoring scans alike in every value are 18 events");
        }
        try (DuplicateFilter again = new DuplicateFilter()) {
            rows.forEach(again::add);
            rows.forEach(again::add);
            java.util.BitSet dups = again.duplicates();
            assertEquals(rows.size(), dups.cardinality(), "the same export read twice is all duplicates");
            assertEquals(rows.size(), dups.nextSetBit(0), "the first reading is audited, the second is the duplicate");
        }
    }

    @Test
    void columnsNoFieldMapsAreKeptAsExtrasButPersonalNamesAreNot() {
        RawRow r = OpenRemTestFiles.study(rows, "RCH26100501").get(1);
        assertEquals("CT Thorax", r.extras().get("requested procedure"));
        assertEquals("B", r.extras().get("s2 name"), "the event's own unmapped columns, without the E2 prefix");
        assertEquals("XYZ_EC", r.extras().get("ma modulation type"));
        assertFalse(r.extras().containsKey("patient name"));
        assertFalse(r.extras().containsKey("operator"));
        assertFalse(r.extras().values().contains("Lind^Aava"));
        assertEquals("CT Thorax", r.byHeader("Requested procedure"), "exclusions can match extras by header name");
    }

    @Test
    void standardNameColumnsChangeNothingButAddExtras() {
        List<RawRow> plain = OpenRemTestFiles.rows(OpenRemExportWriter.CSV_NO_PATIENT_ID);
        List<RawRow> standard = OpenRemTestFiles.rows(OpenRemExportWriter.CSV_STANDARD_NAMES);
        assertEquals(plain.size(), standard.size());
        for (int i = 0; i < plain.size(); i++) assertEquals(plain.get(i).cells(), standard.get(i).cells());
        assertEquals("Chest", standard.get(1).extras().get("standard study name (study)"));
        assertEquals("Chest", standard.get(1).extras().get("standard acquisition name"));
    }

    @Test
    void studyLevelExportWithoutEventColumnsGivesOneRowPerStudyWithoutAcquisitionType() throws Exception {
        Path f = dir.resolve("openrem-studies.csv");
        Files.writeString(f, "Institution,Manufacturer,Model name,Station name,Display name,Accession number,Operator,"
                + "Study date,Study time,Age,Sex,Height,Mass (kg),Test patient?,Study description,Requested procedure,"
                + "Study Comments,No. events,DLP total (mGy.cm)\r\n"
                + "Riverside,GE MEDICAL SYSTEMS,LightSpeed RT16,CTGE02,RCH LightSpeed,A77,,2026-10-07,14:03:11,3.184,M,0.98,14.5,,"
                + "PED HEAD 2-6Y,CT Brain,,3,298.3\r\n", StandardCharsets.UTF_8);
        List<RawRow> r = OpenRemTestFiles.rows(f);
        assertEquals(1, r.size());
        assertNull(r.get(0).get(ACQUISITION_TYPE));
        assertEquals("298.3", r.get(0).get(DLP_MGYCM), "the study total");
        assertEquals("PED HEAD 2-6Y", r.get(0).get(PROTOCOL_NAME), "the study description stands in for the protocol");
        assertNull(r.get(0).extras().get(RawRow.EVENT_NUMBER));
        assertEquals(2, r.get(0).source().line());
    }

    @Test
    void studyWithoutEventsInAnExportWithEventColumnsIsOneStudyRow() throws Exception {
        String csv = Files.readString(OpenRemTestFiles.file(OpenRemExportWriter.CSV_NO_PATIENT_ID));
        String header = csv.substring(0, csv.indexOf("\r\n"));
        int columns = header.split(",", -1).length;
        String row = "Riverside,X,Y,CT9,D9,ACC9,,2026-10-09,08:00:00,9,F,1.3,28,,CT HEAD,CT Brain,,0,412" + ",".repeat(columns - 19);
        Path f = dir.resolve("no-events.csv");
        Files.writeString(f, header + "\r\n" + row + "\r\n");
        List<RawRow> r = OpenRemTestFiles.rows(f);
        assertEquals(1, r.size());
        assertNull(r.get(0).get(ACQUISITION_TYPE));
        assertEquals("412", r.get(0).get(DLP_MGYCM));
    }
}
