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

    /** A document of the file that is not a dose report, or the whole file when {@code document} is -1. */
    public record Problem(int document, String reason) {}

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
            return new DoseReportFile(List.of(), List.of(new Problem(-1, e.getMessage())), sha256(bytes));
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

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
