package org.alaraaudit.dicom;

import static org.alaraaudit.dicom.SyntheticDicom.el;
import static org.alaraaudit.dicom.SyntheticDicom.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Part10ReaderTest {

    private static DoseReport report(byte[] file) {
        return DoseReport.of(Part10Reader.read(file));
    }

    private static void assertTheSyntheticCtEvent(DoseReport r) {
        assertEquals(1, r.ctEvents().size());
        CtEvent e = r.ctEvents().get(0);
        assertEquals("Head Ped", e.protocol());
        assertEquals(0, new BigDecimal("3.2").compareTo(e.ctdivol().value()));
        assertEquals("mGy", e.ctdivol().unit());
        assertEquals(0, new BigDecimal("120.5").compareTo(e.dlp().value()));
        assertEquals(0, new BigDecimal("100").compareTo(e.kvp().value()));
        assertEquals(0, new BigDecimal("200").compareTo(e.mas()));
        assertEquals("Spiral Acquisition", e.acquisitionType().meaning());
        assertEquals("1.2.3.4.5", e.eventUid());
        assertEquals("CT", r.modality());
        assertEquals("North Clinic", r.institution());
        assertEquals("2026-01-05T09:30:00", r.studyDateTime());
        assertEquals("6", r.ageYears());
        assertEquals(0, new BigDecimal("120.5").compareTo(r.totals().dlp().value()));
    }

    @ParameterizedTest(name = "{0}, undefined lengths {1}")
    @CsvSource({"1.2.840.10008.1.2, false", "1.2.840.10008.1.2, true", "1.2.840.10008.1.2.1, false", "1.2.840.10008.1.2.1, true",
            "1.2.840.10008.1.2.2, false", "1.2.840.10008.1.2.2, true", "1.2.840.10008.1.2.1.99, false", "1.2.840.10008.1.2.1.99, true"})
    void eachTransferSyntaxReadsTheSameReportWithDefinedOrUndefinedLengths(String syntax, boolean undefined) {
        byte[] file = SyntheticDicom.part10(SyntheticDicom.ctReport(null, "Head Ped"), syntax, undefined, StandardCharsets.ISO_8859_1);
        DataSet ds = Part10Reader.read(file);
        assertEquals(syntax, ds.string(Tag.TRANSFER_SYNTAX_UID));
        assertTheSyntheticCtEvent(DoseReport.of(ds));
    }

    @Test
    void aDeflatedFileIsSmallerThanItsDataSetSoItReallyWasDeflated() {
        List<SyntheticDicom.El> elements = SyntheticDicom.ctReport(null, "Head Ped");
        int plain = SyntheticDicom.part10(elements, Part10Reader.EXPLICIT_LITTLE, false, StandardCharsets.ISO_8859_1).length;
        int deflated = SyntheticDicom.part10(elements, Part10Reader.DEFLATED, false, StandardCharsets.ISO_8859_1).length;
        assertTrue(deflated < plain, deflated + " < " + plain);
    }

    @Test
    void theSameReportAsDicomJsonReadsTheSame() {
        String json = "[" + SyntheticDicom.json(SyntheticDicom.ctReport(null, "Head Ped")) + "]";
        List<DataSet> docs = DicomJsonReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, docs.size());
        assertTheSyntheticCtEvent(DoseReport.of(docs.get(0)));
        assertTrue(DicomJsonReader.looksLikeDicomJson(json));
        assertTrue(!DicomJsonReader.looksLikeDicomJson("{\"findings\": []}"));
    }

    @Test
    void brokenDicomJsonNamesWhereItBroke() {
        DicomException e = assertThrows(DicomException.class,
                () -> DicomJsonReader.read(new ByteArrayInputStream("[{\"0040A730\": {\"vr\": \"SQ\",".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("not valid JSON"), e.getMessage());
        DicomException tag = assertThrows(DicomException.class,
                () -> DicomJsonReader.read(new ByteArrayInputStream("{\"PatientName\": {\"vr\": \"PN\"}}".getBytes(StandardCharsets.UTF_8))));
        assertEquals("\"PatientName\" is not a tag", tag.getMessage());
    }

    private static String protocolAs(String declared, byte[] protocolBytes) {
        List<SyntheticDicom.El> elements = new ArrayList<>(SyntheticDicom.ctReport(declared, "PLACEHOLDER"));
        byte[] file = SyntheticDicom.part10(elements, Part10Reader.EXPLICIT_LITTLE, false, StandardCharsets.ISO_8859_1);
        // Swap the placeholder's bytes for the test's (same even length keeps every length field right).
        byte[] placeholder = "PLACEHOLDER ".getBytes(StandardCharsets.US_ASCII);
        byte[] value = Arrays.copyOf(protocolBytes, placeholder.length);
        Arrays.fill(value, protocolBytes.length, value.length, (byte) ' ');
        int at = indexOf(file, placeholder);
        System.arraycopy(value, 0, file, at, value.length);
        return report(file).ctEvents().get(0).protocol();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void textIsDecodedAsDeclared() {
        assertEquals("Tête", protocolAs("ISO_IR 100", "Tête".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("Голова", protocolAs("ISO_IR 144", "Голова".getBytes(Charset.forName("ISO-8859-5"))));
        assertEquals("Kopf ä", protocolAs("ISO_IR 192", "Kopf ä".getBytes(StandardCharsets.UTF_8)));
        assertEquals("頭部", protocolAs("\\ISO 2022 IR 87", "頭部".getBytes(Charset.forName("ISO-2022-JP"))));
    }

    @Test
    void theKnownWrongDeclarationsAreRepaired() {
        // Siemens: UTF-8 bytes under ISO_IR 100.
        assertEquals("testæøå", protocolAs("ISO_IR 100", "testæøå".getBytes(StandardCharsets.UTF_8)));
        // Siemens: Latin-1 bytes with no Specific Character Set.
        assertEquals("Schädel", protocolAs(null, "Schädel".getBytes(StandardCharsets.ISO_8859_1)));
        // Bytes that are not UTF-8 under ISO_IR 192.
        assertEquals("Schädel", protocolAs("ISO_IR 192", "Schädel".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void aFileWithoutThePreambleIsNoPart10File() {
        DicomException e = assertThrows(DicomException.class, () -> Part10Reader.read("Patient,Age\n".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().contains("no \"DICM\""), e.getMessage());
    }

    @Test
    void aTruncatedFileSaysSoAndWhere() {
        byte[] file = SyntheticDicom.part10(SyntheticDicom.ctReport(null, "Head Ped"), Part10Reader.EXPLICIT_LITTLE, false, StandardCharsets.ISO_8859_1);
        byte[] cut = Arrays.copyOf(file, file.length - 40);
        DicomException e = assertThrows(DicomException.class, () -> Part10Reader.read(cut));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aFileCutInsideItsContentTreeHandsOnTheHeaderReadWholeBeforeTheCut() {
        byte[] file = SyntheticDicom.part10(SyntheticDicom.ctReport(null, "Head Ped"), Part10Reader.EXPLICIT_LITTLE, false, StandardCharsets.ISO_8859_1);
        DicomException e = assertThrows(DicomException.class, () -> Part10Reader.read(Arrays.copyOf(file, file.length - 40)));
        DataSet read = e.readBeforeTheEnd();
        assertEquals("ACC1", read.string(Tag.ACCESSION_NUMBER));
        assertEquals("North Clinic", read.string(Tag.INSTITUTION_NAME));
        assertEquals("20260105", read.string(Tag.STUDY_DATE));
        assertEquals(null, read.string(Tag.CONTENT_SEQUENCE), "the element the cut fell in is not kept");
        DoseReportFile.StudyNames study = DoseReportFile.read(Arrays.copyOf(file, file.length - 40)).problems().get(0).study();
        assertEquals(new DoseReportFile.StudyNames("P1", "North Clinic", "ACC1", "1.2.3.7", "2026-01-05T09:30:00"), study);
    }

    @Test
    void aFileCutInsideItsAccessionKeepsNoPartOfIt() {
        byte[] file = SyntheticDicom.part10(SyntheticDicom.ctReport(null, "Head Ped"), Part10Reader.EXPLICIT_LITTLE, false, StandardCharsets.ISO_8859_1);
        int accession = indexOf(file, "ACC1".getBytes(StandardCharsets.US_ASCII));
        DicomException e = assertThrows(DicomException.class, () -> Part10Reader.read(Arrays.copyOf(file, accession + 2)));
        assertEquals("20260105", e.readBeforeTheEnd().string(Tag.STUDY_DATE));
        assertNull(e.readBeforeTheEnd().string(Tag.ACCESSION_NUMBER));
    }

    @Test
    void aFileCutInItsMetaGroupOrDamagedOtherwiseHandsOnNothing() {
        byte[] file = SyntheticDicom.part10(SyntheticDicom.ctReport(null, "Head Ped"), Part10Reader.EXPLICIT_LITTLE, false, StandardCharsets.ISO_8859_1);
        assertNull(assertThrows(DicomException.class, () -> Part10Reader.read(Arrays.copyOf(file, 150))).readBeforeTheEnd());
        byte[] unknown = SyntheticDicom.part10(SyntheticDicom.ctReport(null, "Head Ped"), "1.2.3.4.5.6", false, StandardCharsets.ISO_8859_1);
        assertNull(assertThrows(DicomException.class, () -> Part10Reader.read(unknown)).readBeforeTheEnd());
    }

    @Test
    void aCutFileThatIsNoDoseReportNamesNoStudy() {
        // An SR of another kind, cut short: its lost content held no dose event of the study.
        List<SyntheticDicom.El> other = new ArrayList<>(SyntheticDicom.ctReport(null, "Head Ped"));
        other.replaceAll(x -> x.tag() == Tag.CONCEPT_NAME_CODE_SEQUENCE
                ? SyntheticDicom.sq(Tag.CONCEPT_NAME_CODE_SEQUENCE, SyntheticDicom.code("18748-4", "LN", "Diagnostic Imaging Report")) : x);
        byte[] file = SyntheticDicom.part10(other, Part10Reader.EXPLICIT_LITTLE, false, StandardCharsets.ISO_8859_1);
        DoseReportFile.Problem p = DoseReportFile.read(Arrays.copyOf(file, file.length - 40)).problems().get(0);
        assertTrue(p.reason().contains("truncated"), p.reason());
        assertNull(p.study());
    }

    @Test
    void anUnknownTransferSyntaxIsNamed() {
        byte[] file = SyntheticDicom.part10(SyntheticDicom.ctReport(null, "Head Ped"), "1.2.3.4.5.6", false, StandardCharsets.ISO_8859_1);
        DicomException e = assertThrows(DicomException.class, () -> Part10Reader.read(file));
        assertEquals("transfer syntax 1.2.3.4.5.6 is not one this reader knows", e.getMessage());
    }

    @Test
    void anImageIsReadUpToItsPixelDataAndIsNoDoseReport() {
        List<SyntheticDicom.El> image = List.of(el(Tag.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.7"),
                el(Tag.MODALITY, "CS", "OT"), raw(Tag.PIXEL_DATA, "OW", new byte[64]));
        DataSet ds = Part10Reader.read(SyntheticDicom.part10(image, Part10Reader.EXPLICIT_LITTLE, false, StandardCharsets.ISO_8859_1));
        assertEquals("OT", ds.string(Tag.MODALITY));
        DicomException e = assertThrows(DicomException.class, () -> DoseReport.of(ds));
        assertEquals("not a structured report, so no dose report (SOP class Secondary Capture Image 1.2.840.10008.5.1.4.1.1.7)", e.getMessage());
    }

    @Test
    void binaryValuesReadInTheFileByteOrder() {
        for (String syntax : List.of(Part10Reader.EXPLICIT_LITTLE, Part10Reader.EXPLICIT_BIG)) {
            List<SyntheticDicom.El> els = List.of(el(Tag.MODALITY, "CS", "CT"),
                    raw(0x00280010, "US", syntax.equals(Part10Reader.EXPLICIT_BIG) ? new byte[] {0x02, 0x00} : new byte[] {0x00, 0x02}));
            DataSet ds = Part10Reader.read(SyntheticDicom.part10(els, syntax, false, StandardCharsets.ISO_8859_1));
            assertEquals("512", ds.string(0x00280010), syntax);
        }
        assertNull(DicomDates.dateTime((String) null));
    }

    @Test
    void agesAndDatesTakeTheCanonicalForms() {
        assertEquals("0.0246412", DicomDates.ageYears("009D"));
        assertEquals("0.5", DicomDates.ageYears("006M"));
        assertEquals("58", DicomDates.ageYears("058Y"));
        assertEquals("2018-01-05T17:21:03", DicomDates.dateTime("20180105172103.083003+0000"));
        assertEquals("2018-01-05T17:00:00", DicomDates.dateTime("2018010517"));
        assertEquals("0", DicomDates.date("0"));
    }
}
