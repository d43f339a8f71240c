package org.alaraaudit.report.excel;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * SXSSF over the workbook's XSSF sheets, its rows going to compressed temporary files as the lists grow, as SXSSF
 * does, but compressed at deflate's fastest level rather than its default. Those files are read once, when the
 * workbook is written, and deleted: their size matters only as disk used meanwhile, while compressing them was
 * half of writing a large workbook (a million events: about 12 of the 40 s, the other half being the xlsx's own
 * compression, which keeps the default level so the file a site keeps is as small as before).
 */
final class StreamedWorkbook extends SXSSFWorkbook {
    StreamedWorkbook(XSSFWorkbook workbook, int rowsInMemory) {
        // Compressing from the start: the XSSF sheets already in the workbook get their writers in this constructor.
        super(workbook, rowsInMemory, true);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        if (!isCompressTempFiles()) return super.createSheetDataWriter();
        return new GZIPSheetDataWriter(getSharedStringSource()) {
            @Override
            protected OutputStream decorateOutputStream(FileOutputStream file) throws IOException {
                return new FastestGzip(file);
            }
        };
    }

    /** GZIP at {@link Deflater#BEST_SPEED}; the JDK's stream takes no level, but its deflater is there to set. */
    static final class FastestGzip extends GZIPOutputStream {
        FastestGzip(OutputStream out) throws IOException {
            super(out);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
