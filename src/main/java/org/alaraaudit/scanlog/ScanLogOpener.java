package org.alaraaudit.scanlog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens an input file with the right reader: the container from the file's first bytes (an XLSX workbook is a
 * ZIP archive whatever its name), the profile from the options or the header. Canonical CSV keeps its own
 * reader, the format's reference implementation. DICOM dose reports (Part 10 or DICOM JSON) are told by their
 * first bytes too and read event by event. A file named .xlsx or .json that is not what its name says is refused
 * as such, not read as CSV.
 */
public final class ScanLogOpener {
    private final ScanLogOptions options;
    private final MappingProfile named;
    /** The dose reports' accessions of this run, shared by their readers (see {@link ReusedAccessions}). */
    private final ReusedAccessions accessions = new ReusedAccessions();

    public ScanLogOpener(ScanLogOptions options) {
        this.options = options == null ? ScanLogOptions.DEFAULTS : options;
        this.named = this.options.profile() == null || this.options.profile().isBlank() ? null : ProfileCatalog.resolve(this.options.profile());
    }

    public ScanLogReader open(Path f) {
        if (!Files.isReadable(f)) throw new ScanLogException(f + ": cannot be read (permission denied)");
        String name = f.getFileName().toString();
        org.alaraaudit.dicom.DoseReportFile.Format dicom = org.alaraaudit.dicom.DoseReportFile.detect(f);
        // A .dcm file that does not start as DICOM is still meant as one: rejected with the reason, not read as CSV.
        if (dicom == null && name.toLowerCase(java.util.Locale.ROOT).endsWith(".dcm")) dicom = org.alaraaudit.dicom.DoseReportFile.Format.PART10;
        if (dicom != null) return new DoseReportScanLogReader(f, dicom, accessions);
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        // A folder contributes only the .json files that start as DICOM JSON, so this one was named on its own: read as
        // CSV, it would be refused for columns no layout has, which says nothing of what the file is.
        if (lower.endsWith(".json")) throw new ScanLogException(name + ": not a DICOM JSON file (" + notDicomJson(f) + ")");
        if (XlsxTable.looksLikeXls(f)) {
            if (isEncrypted(f)) {
                throw new ScanLogException(name + ": the workbook is password-protected; remove the password"
                        + " (File > Info > Protect Workbook) or export CSV");
            }
            throw new ScanLogException(name + ": an old binary Excel (.xls) workbook; save it as .xlsx or export CSV");
        }
        boolean xlsx = XlsxTable.looksLikeXlsx(f);
        // A file named as a workbook is one, or the wrong file: text read as CSV under that name would at best be refused
        // for its columns, and the message would list a text's words as columns.
        if (!xlsx && lower.endsWith(".xlsx")) {
            throw new ScanLogException(name + ": not an XLSX workbook (" + (isEmpty(f) ? "the file is empty" : "it is not a zip file") + ")");
        }
        TabularFile table = xlsx ? new XlsxTable(f, options.sheet(), preferredSheets()) : new CsvTable(f);
        try {
            HeaderMatch match = ProfileDetector.choose(name, table.header(), named, ProfileCatalog.shipped());
            if (!xlsx && match.profile().isCanonical()) {
                table.close();
                return new CsvScanLogReader(f);
            }
            // Unknown columns of one name are only kept as attributes; a column the profile reads, twice, is a guess.
            if (match.repeated() != null) throw new ScanLogException(name + ": the header: " + match.repeated());
            return new MappedScanLogReader(table, match);
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
    }

    /**
     * True when the file's first line, read as a CSV header, names not one column of the named profile or of any
     * shipped one: a note beside the exports, not an export. Only that line is judged, and in whatever encoding:
     * notes are often saved as Latin-1 (a dump's "Müller"), and what follows their first line says nothing of whether
     * they are an export. A first line that cannot be read as a header is not judged here (false); reading the file
     * as a scan log names its problem.
     */
    boolean namesNoScanLogColumn(Path f) {
        // A dose report saved as .txt (DICOM JSON) is told by its content, as open() tells it.
        if (org.alaraaudit.dicom.DoseReportFile.detect(f) != null) return false;
        try (CsvTable table = new CsvTable(f, new java.io.ByteArrayInputStream(firstLineAsUtf8(f)), null, ',', 0, true)) {
            List<String> header = table.header();
            if (named != null && new HeaderMatch(named, header).matched() > 0) return false;
            for (MappingProfile p : ProfileCatalog.shipped()) if (new HeaderMatch(p, header).matched() > 0) return false;
            return true;
        } catch (ScanLogException e) {
            return false;
        }
    }

    /**
     * The bytes of the file's first line that is not empty, each byte that is no UTF-8 replaced by U+FFFD. A replaced
     * letter can only make the line name fewer columns, never one it did not name, and a Latin-1 export whose header
     * still names one is read and stopped with the line to fix.
     */
    private static byte[] firstLineAsUtf8(Path f) {
        byte[] head;
        try (java.io.InputStream in = Files.newInputStream(f)) {
            head = in.readNBytes(1 << 16);
        } catch (java.io.IOException e) {
            throw new ScanLogException(f.getFileName() + ": cannot be read: " + e.getMessage(), e);
        }
        // The header is the first line that is not empty, as the CSV reader takes it (a dcmdump begins with a blank line).
        int start = 0;
        while (start < head.length && (head[start] == '\n' || head[start] == '\r')) start++;
        int end = start;
        while (end < head.length && head[end] != '\n' && head[end] != '\r') end++;
        return new String(head, start, end - start, java.nio.charset.StandardCharsets.UTF_8).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Why a .json file's first bytes are no DICOM JSON, in a reader's words. */
    private static String notDicomJson(Path f) {
        String head;
        try (java.io.InputStream in = Files.newInputStream(f)) {
            head = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        } catch (java.io.IOException e) {
            throw new ScanLogException(f.getFileName() + ": cannot be read: " + e.getMessage(), e);
        }
        if (head.isEmpty()) return "the file is empty";
        if (head.charAt(0) != '{' && head.charAt(0) != '[') return "it is not JSON";
        return "it does not begin with a DICOM data set: a tag such as \"00080060\" holding its \"vr\" and \"Value\"";
    }

    private static boolean isEmpty(Path f) {
        try {
            return Files.size(f) == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** An encrypted OOXML workbook is an OLE2 container holding the encrypted package and its EncryptionInfo. */
    private static boolean isEncrypted(Path f) {
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(f.toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /** The sheet to read when the user named none: the named profile's, else any shipped layout's (OpenREM "All data"). */
    private List<String> preferredSheets() {
        List<String> out = new ArrayList<>();
        if (named != null) {
            if (named.sheet() != null) out.add(named.sheet());
            return out;
        }
        for (MappingProfile p : ProfileCatalog.shipped()) if (p.sheet() != null) out.add(p.sheet());
        return out;
    }
}
