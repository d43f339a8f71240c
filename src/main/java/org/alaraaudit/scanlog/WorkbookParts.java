package org.alaraaudit.scanlog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * What an XLSX workbook's parts say before a row is read, found by inflating every part once through Apache POI's
 * {@link ZipSecureFile}: that guard refuses a zip bomb (a part that inflates far past its size), which neither
 * FastExcel nor excel-streaming-reader checks on its own. Inflating costs a small part of reading the sheet.
 *
 * @param date1904    the workbook counts its dates from 1904: {@code date1904="1"} as Excel writes it, or
 *                    {@code "true"} as POI does (FastExcel reads only the latter)
 * @param fastExcel   FastExcel can open it: a styles part is there and the workbook is not Strict OOXML; FastExcel
 *                    fails on either and leaves its file open when it does
 */
record WorkbookParts(boolean date1904, boolean fastExcel) {
    private static final Pattern DATE_1904 = Pattern.compile("<(\\w+:)?workbookPr\\b[^>]*\\bdate1904\\s*=\\s*[\"'](1|true)[\"']");
    private static final String STRICT = "http://purl.oclc.org/ooxml/";

    /** @throws IOException or a runtime exception of POI's, "Zip bomb detected" among them, when a part will not inflate */
    static WorkbookParts inspect(Path path) throws IOException {
        boolean date1904 = false;
        boolean styles = false;
        boolean strict = false;
        try (ZipSecureFile zip = new ZipSecureFile(path.toFile())) {
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                String part = entry.getName().toLowerCase(Locale.ROOT);
                styles |= part.endsWith("styles.xml");
                try (InputStream in = zip.getInputStream(entry)) {
                    // The two small parts that say how to read the rest; a sheet's rows are only inflated.
                    if (part.endsWith("workbook.xml")) {
                        String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        date1904 |= DATE_1904.matcher(xml).find();
                        strict |= xml.contains(STRICT);
                    } else {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                }
            }
        }
        return new WorkbookParts(date1904, styles && !strict);
    }
}
