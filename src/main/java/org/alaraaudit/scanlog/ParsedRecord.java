package org.alaraaudit.scanlog;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import java.util.Arrays;

/**
 * The record FastCSV parsed last, filled in place as the parser hands on its fields: one object for the whole
 * table, read before the next record is parsed. Only a quoted field can hold a line break, so only quoted fields are
 * searched for them, as they arrive; an empty field is the one empty string, not a new one each time (a scan log
 * row has a dozen).
 */
final class ParsedRecord extends CsvCallbackHandler<ParsedRecord> {
    private String[] fields = new String[64];
    private int count;
    private long firstLine;
    private long lineBreaks;
    private int lineFeeds;
    private boolean empty;

    /** The line the record starts on, counted from the first line of the text parsed. */
    long firstLine() { return firstLine; }

    /** Line breaks inside the record's quoted fields, counted as the parser counts them: CR, LF and CR LF one each. */
    long lineBreaks() { return lineBreaks; }

    /** The LF characters inside the record's quoted fields (a CR LF is one; a lone CR none). */
    int lineFeeds() { return lineFeeds; }

    int size() { return count; }

    String get(int i) { return fields[i]; }

    @Override
    protected RecordType getRecordType() { return empty ? RecordType.EMPTY : RecordType.DATA; }

    @Override
    protected int getFieldCount() { return count; }

    @Override
    protected void beginRecord(long startingLineNumber) {
        firstLine = startingLineNumber;
        count = 0;
        lineBreaks = 0;
        lineFeeds = 0;
        empty = false;
    }

    @Override
    protected void addField(char[] buf, int offset, int len, boolean quoted) {
        if (count == fields.length) fields = Arrays.copyOf(fields, count * 2);
        fields[count++] = len == 0 ? "" : new String(buf, offset, len);
        if (!quoted) return;
        for (int i = offset, end = offset + len; i < end; i++) {
            char c = buf[i];
            if (c == '\n') {
                lineFeeds++;
                if (i == offset || buf[i - 1] != '\r') lineBreaks++;
            } else if (c == '\r') {
                lineBreaks++;
            }
        }
    }

    @Override
    protected void setComment(char[] buf, int offset, int len) {
        throw new IllegalStateException("comments are not read");
    }

    @Override
    protected void setEmpty() { empty = true; }

    @Override
    protected ParsedRecord buildRecord() { return this; }
}
