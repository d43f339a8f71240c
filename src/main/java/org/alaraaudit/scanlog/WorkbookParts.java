package org.alaraaudit.scanlog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * What an XLSX workbook's parts say before a row is read, found by inflating every part once through Apache POI's
 * {@link ZipSecureFile}: that guard refuses a zip bomb (a part that inflates far past its size), which neither
 * FastExcel nor excel-streaming-reader checks on its own. Inflating costs a small part of reading the sheet; the
 * sheets and the shared-text table are scanned as they inflate ({@link SharedTextScan}).
 *
 * @param date1904    the workbook counts its dates from 1904: {@code date1904="1"} as Excel writes it, or
 *                    {@code "true"} as POI does (FastExcel reads only the latter)
 * @param fastExcel   FastExcel can open it: the workbook is not Strict OOXML (which FastExcel does not read), and
 *                    FastExcel's own opening succeeded on a copy in memory of the parts it reads when it opens a
 *                    workbook. FastExcel does not close its file when its opening fails (a missing styles part, an
 *                    {@code activeTab} that is not a number, any part it cannot parse), and gives nothing to close it
 *                    by: the file would stay open until the garbage collector finalizes FastExcel's zip file, or the
 *                    run ends. A copy in memory leaves nothing open.
 * @param pastTheEnd  by sheet name, the first cell of a sheet whose shared-text index is past the end of the table:
 *                    FastExcel would read it as an empty text, or run out of memory reading the table up to it
 */
record WorkbookParts(boolean date1904, boolean fastExcel, Map<String, SharedTextScan.PastTheEnd> pastTheEnd) {
    private static final Pattern DATE_1904 = Pattern.compile("<(\\w+:)?workbookPr\\b[^>]*\\bdate1904\\s*=\\s*[\"'](1|true)[\"']");
    private static final String STRICT = "http://purl.oclc.org/ooxml/";

    /** @throws IOException or a runtime exception of POI's, "Zip bomb detected" among them, when a part will not inflate */
    static WorkbookParts inspect(Path path) throws IOException {
        boolean date1904 = false;
        boolean strict = false;
        try (ZipSecureFile zip = new ZipSecureFile(path.toFile())) {
            PartNames names = PartNames.read(zip);
            Map<String, SharedTextScan> scans = new HashMap<>();
            if (names.sharedTexts() != null) scans.put(names.sharedTexts(), new SharedTextScan());
            for (String sheet : names.sheets().values()) scans.put(sheet, new SharedTextScan());
            Set<String> seen = new HashSet<>();
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                String part = entry.getName().toLowerCase(Locale.ROOT);
                SharedTextScan scan = scans.get(entry.getName());
                try (InputStream in = zip.getInputStream(entry)) {
                    // The workbook part says how to read the rest; the sheets and the shared texts are scanned as they
                    // inflate, every other part only inflated.
                    if (part.endsWith("workbook.xml")) {
                        String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        date1904 |= DATE_1904.matcher(xml).find();
                        strict |= xml.contains(STRICT);
                    } else if (scan != null) {
                        // A second entry of the name: the readers take the first, which the parser reads again.
                        if (!seen.add(entry.getName())) scan.unsureOfAll();
                        scan.read(in);
                    } else {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                }
            }
            return new WorkbookParts(date1904, !strict && fastExcelOpens(zip, names), pastTheEnd(zip, names, scans));
        }
    }

    /** FastExcel reads no more of the shared-text table when it opens a workbook than its start. */
    private static final int SHARED_TEXTS_START = 1 << 16;

    /**
     * FastExcel opens the workbook: its own opening, on a zip in memory of the parts it reads then (content types,
     * workbook, the workbook's relationships, styles, and the start of the shared-text table). It reads them with
     * the same code from the file, so it opens the file too, unless the file changes or fails to read in between.
     */
    private static boolean fastExcelOpens(ZipSecureFile zip, PartNames names) {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(copy)) {
            out.setLevel(Deflater.BEST_SPEED);
            Set<String> copied = new HashSet<>();
            for (String part : names.openedByFastExcel()) {
                if (part == null || !copied.add(part)) continue;
                out.putNextEntry(new ZipEntry(part));
                try (InputStream in = zip.getInputStream(zip.getEntry(part))) {
                    if (part.equals(names.sharedTexts())) out.write(in.readNBytes(SHARED_TEXTS_START));
                    else in.transferTo(out);
                }
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        try (ReadableWorkbook opened = new ReadableWorkbook(new ByteArrayInputStream(copy.toByteArray()), FastExcelSheet.OPTIONS)) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The sheets with a cell whose shared-text index is past the end of the table, FastExcel's table: the one
     * {@code [Content_Types].xml} names, without which FastExcel reads every such cell empty. Only a sheet the scan
     * cannot vouch for is parsed again, to find its first such cell.
     */
    private static Map<String, SharedTextScan.PastTheEnd> pastTheEnd(ZipSecureFile zip, PartNames names,
                                                                      Map<String, SharedTextScan> scans) throws IOException {
        long texts = 0;
        SharedTextScan table = names.sharedTexts() == null ? null : scans.get(names.sharedTexts());
        if (table != null && !table.unsure()) {
            texts = table.texts();
        } else if (table != null) {
            try (InputStream in = zip.getInputStream(zip.getEntry(names.sharedTexts()))) {
                texts = SharedTextScan.texts(in);
            }
        }
        Map<String, SharedTextScan.PastTheEnd> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> sheet : names.sheets().entrySet()) {
            if (scans.get(sheet.getValue()).noIndexPast(texts)) continue;
            try (InputStream in = zip.getInputStream(zip.getEntry(sheet.getValue()))) {
                SharedTextScan.PastTheEnd first = SharedTextScan.firstPastTheEnd(in, texts);
                if (first != null) out.put(sheet.getKey(), first);
            }
        }
        return out;
    }
}
