package org.alaraaudit.dicom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The dose reports of one file: a DICOM Part 10 file (one document) or a DICOM JSON file (one or more). What
 * cannot be read as a dose report (an image, another kind of SR, a damaged file) is a {@link Problem} naming the
 * document and why, so a folder of mixed DICOM files reads to the end and accounts for each.
 */
public record DoseReportFile(List<DoseReport> reports, List<Problem> problems, String sha256) {
    /** Largest file read: a dose report is kilobytes; a file this size is an image series or no DICOM at all. */
    public static final long MAX_BYTES = 256L << 20;

    /**
     * A document of the file that is not a dose report, or the whole file when {@code document} is -1. {@code study}
     * is what a dose report cut short still says of its study; null when nothing is known of it.
     */
    public record Problem(int document, String reason, StudyNames study) {
        public Problem(int document, String reason) { this(document, reason, null); }
    }

    /**
     * The header elements that name a study and its patient, as a file cut short gives them (each null when absent or
     * cut off): a dose report's events lost to the cut leave that study incomplete, and these find it.
     */
    public record StudyNames(String patientId, String institution, String accessionNumber, String studyInstanceUid,
                             String studyDateTime) {}

    /** The X-Ray Radiation Dose SR classes: a document of one is a dose report, whatever of its content was cut off. */
    private static final java.util.Set<String> DOSE_REPORT_CLASSES =
            java.util.Set.of("1.2.840.10008.5.1.4.1.1.88.67", "1.2.840.10008.5.1.4.1.1.88.76");

    public enum Format { PART10, JSON }

    /** The DICOM form of a file, from its first bytes; null when it is neither. */
    public static Format detect(Path f) {
        byte[] head = new byte[4096];
        int n;
        try (InputStream in = Files.newInputStream(f)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return null;
        }
        if (Part10Reader.isPart10(Arrays.copyOf(head, n))) return Format.PART10;
        if (DicomJsonReader.looksLikeDicomJson(new String(head, 0, n, StandardCharsets.UTF_8))) return Format.JSON;
        return null;
    }

    public static DoseReportFile read(Path f) throws IOException {
        if (Files.size(f) > MAX_BYTES) {
            return new DoseReportFile(List.of(), List.of(new Problem(-1, "is larger than " + (MAX_BYTES >> 20)
                    + " MB, far beyond any dose report")), sha256(Files.readAllBytes(f)));
        }
        byte[] bytes = Files.readAllBytes(f);
        return read(bytes);
    }

    public static DoseReportFile read(byte[] bytes) {
        List<DataSet> documents;
        try {
            boolean json = !Part10Reader.isPart10(bytes)
                    && DicomJsonReader.looksLikeDicomJson(new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8));
            // Neither: Part 10 reading names what is missing (a .dcm file without the "DICM" preamble).
            documents = json ? DicomJsonReader.read(new ByteArrayInputStream(bytes)) : List.of(Part10Reader.read(bytes));
        } catch (DicomException e) {
            return new DoseReportFile(List.of(), List.of(new Problem(-1, e.getMessage(), studyOfCutReport(e.readBeforeTheEnd()))),
                    sha256(bytes));
        }
        return of(documents, sha256(bytes));
    }

    /** The dose reports among data sets already read (DICOM JSON from a DICOMweb server). */
    public static DoseReportFile of(List<DataSet> documents, String sha256) {
        List<DoseReport> reports = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            try {
                reports.add(DoseReport.of(documents.get(i)));
            } catch (DicomException e) {
                problems.add(new Problem(documents.size() == 1 ? -1 : i, e.getMessage()));
            }
        }
        return new DoseReportFile(List.copyOf(reports), List.copyOf(problems), sha256);
    }

    /**
     * The study a file cut short names, when what was read of it shows a dose report: its document's root concept
     * (read before the content tree) is the X-Ray Radiation Dose Report, or, when the cut came before that, its SOP
     * class is a dose SR's. An image or another kind of report cut short loses no dose event of a study, so it names
     * none. Null when it is not known to be a dose report or names nothing.
     */
    static StudyNames studyOfCutReport(DataSet read) {
        if (read == null) return null;
        String sopClass = read.string(Tag.SOP_CLASS_UID);
        if (sopClass == null) sopClass = read.string(0x00020002);
        Code concept = Code.of(read.item(Tag.CONCEPT_NAME_CODE_SEQUENCE));
        boolean doseReport = concept != null ? concept.is(Codes.XRAY_RADIATION_DOSE_REPORT) : DOSE_REPORT_CLASSES.contains(sopClass);
        if (!doseReport) return null;
        String study = DicomDates.dateTime(read.string(Tag.STUDY_DATE), read.string(Tag.STUDY_TIME));
        if (study == null) study = DicomDates.dateTime(read.string(Tag.CONTENT_DATE), read.string(Tag.CONTENT_TIME));
        StudyNames names = new StudyNames(read.string(Tag.PATIENT_ID), read.string(Tag.INSTITUTION_NAME),
                read.string(Tag.ACCESSION_NUMBER), read.string(Tag.STUDY_INSTANCE_UID), study);
        return names.equals(new StudyNames(null, null, null, null, null)) ? null : names;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
