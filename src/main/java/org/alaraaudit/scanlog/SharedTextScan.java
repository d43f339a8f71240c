package org.alaraaudit.scanlog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.util.CellReference;

/**
 * The shared-text indices of a sheet's cells ({@code t="s"}) and the number of texts in the shared-text table, read
 * before FastExcel reads a row. FastExcel resolves a cell's index while it parses the cell's row, reading the table up
 * to that index: past the table's end it pads the table with empty texts, so the cell reads empty, and an index of
 * two billion fills the heap. It gives no way to see the index before it resolves it, so {@link WorkbookParts} runs
 * this scan over the bytes it inflates anyway.
 *
 * <p>The scan is a byte-level pass, tag by tag: it keeps the largest index of the cells of type {@code s} and counts
 * the table's {@code si} elements. On a 500,000-row sheet of shared texts (170 MB of XML) it took about 0.2 s, against
 * 2.3 s for FastExcel's reading of the same sheet. What it cannot vouch for (a comment or CDATA section, an entity, an
 * index other than plain digits, a tag longer than its buffer, a text encoding that is not ASCII-compatible) makes it
 * {@linkplain #unsure() unsure}; the part is then read again with the XML parser FastExcel uses ({@link #texts},
 * {@link #firstPastTheEnd}), which only a damaged or unusual part needs.
 */
final class SharedTextScan {
    /** A cell whose shared-text index is past the end of the table; row and column as a spreadsheet shows them. */
    record PastTheEnd(long row, int column, long index, long texts) {
        String columnName() { return CellReference.convertNumToColString(column); }
    }

    /** Where a part is read into; a tag or value longer than this is left to the parser. */
    private static final int BUFFER = 1 << 16;
    /** Above any index FastExcel can parse (an int): a longer run of digits counts as this. */
    private static final long TOO_LARGE = Integer.MAX_VALUE + 1L;

    /** A cell of type {@code s} has begun: its first {@code v} element, if one comes before the cell's end, is its index. */
    private boolean expectValue;
    private long largestIndex = -1;
    private long texts;
    private boolean unsure;

    /** The largest shared-text index of the part's cells, -1 for none. */
    long largestIndex() { return largestIndex; }

    /** The part's {@code si} elements: the texts of a shared-text table. */
    long texts() { return texts; }

    /** The part holds something this scan does not read; only the XML parser can say what its cells hold. */
    boolean unsure() { return unsure; }

    /** The scan vouches that no cell of the part has a shared-text index of {@code texts} or more. */
    boolean noIndexPast(long texts) { return !unsure && largestIndex < texts; }

    void unsureOfAll() { unsure = true; }

    /** Scans the part, and reads it to its end whatever the scan finds (every byte goes through the zip-bomb guard). */
    void read(InputStream in) throws IOException {
        byte[] b = new byte[BUFFER];
        int kept = 0;
        long read = 0;
        for (int n; !unsure && (n = in.read(b, kept, b.length - kept)) >= 0; ) {
            for (int i = kept; i < kept + n && read + i - kept < 2; i++) {
                // UTF-16 or UTF-32, with or without a byte-order mark: not a byte scan's to read
                if (b[i] == 0 || b[i] == (byte) 0xFE || b[i] == (byte) 0xFF) unsure = true;
            }
            read += n;
            int end = kept + n;
            int done = unsure ? end : scan(b, end);
            kept = end - done;
            if (kept == b.length) unsure = true; // one tag or value fills the buffer
            System.arraycopy(b, done, b, 0, kept);
        }
        in.transferTo(OutputStream.nullOutputStream());
    }

    /**
     * Scans {@code b[0, end)} tag by tag, and returns where the first tag, or {@code v} element's text, that does not
     * end before {@code end} begins: it is scanned again, whole, with the bytes that follow. Nothing is counted of a
     * tag until it has ended.
     */
    private int scan(byte[] b, int end) {
        int i = 0;
        while (!unsure) {
            while (i < end && b[i] != '<') i++;
            int lt = i;
            if (lt + 1 >= end) return lt;
            byte first = b[lt + 1];
            if (first == '!') {
                unsure = true; // a comment, CDATA section or document type: the parser's to read
                return end;
            }
            if (first == '?') {
                int q = lt + 2;
                while (q + 1 < end && !(b[q] == '?' && b[q + 1] == '>')) q++;
                if (q + 1 >= end) return lt;
                i = q + 2;
                continue;
            }
            if (first == '/') {
                int gt = lt + 2;
                while (gt < end && b[gt] != '>') gt++;
                if (gt >= end) return lt;
                if (expectValue && localName(b, lt + 2, gt) == 'c') expectValue = false;
                i = gt + 1;
                continue;
            }
            // A start tag: its name, then its attributes, of which only a cell's type is read.
            int n = lt + 1;
            int local = n;
            while (n < end && !space(b[n]) && b[n] != '>' && b[n] != '/') {
                if (b[n] == ':') local = n + 1;
                n++;
            }
            if (n >= end) return lt;
            int name = n - local == 1 ? b[local] : n - local == 2 && b[local] == 's' && b[local + 1] == 'i' ? SI : 0;
            boolean shared = false;
            int k = n;
            while (true) {
                while (k < end && space(b[k])) k++;
                if (k >= end) return lt;
                if (b[k] == '>' || b[k] == '/') break;
                int attributeLocal = k;
                while (k < end && b[k] != '=' && !space(b[k])) {
                    if (b[k] == ':') attributeLocal = k + 1;
                    k++;
                }
                // t, or p:t: FastExcel asks for the type without a namespace, which a parser may match either way
                boolean type = name == 'c' && k - attributeLocal == 1 && b[attributeLocal] == 't';
                while (k < end && b[k] != '"' && b[k] != '\'') k++;
                if (k >= end) return lt;
                byte quote = b[k];
                int value = ++k;
                while (k < end && b[k] != quote) k++;
                if (k >= end) return lt;
                for (int e = value; type && e < k; e++) {
                    if (b[e] == '&') {
                        unsure = true; // an entity could spell "s"
                        return end;
                    }
                }
                if (type && k - value == 1 && b[value] == 's') shared = true;
                k++;
            }
            boolean empty = b[k] == '/';
            if (empty) {
                if (k + 1 >= end) return lt;
                if (b[k + 1] != '>') {
                    unsure = true;
                    return end;
                }
                k++;
            }
            i = k + 1;
            if (name == SI) {
                texts++;
            } else if (name == 'c') {
                if (expectValue) {
                    unsure = true; // a cell inside a cell
                    return end;
                }
                expectValue = shared && !empty;
            } else if (name == 'v' && expectValue && empty) {
                expectValue = false;
            } else if (name == 'v' && expectValue) {
                // The index: digits up to the end tag, the whole of them in this buffer.
                long index = 0;
                int d = i;
                while (d < end && b[d] >= '0' && b[d] <= '9') {
                    index = Math.min(TOO_LARGE, index * 10 + (b[d] - '0'));
                    d++;
                }
                if (d + 1 >= end) return lt;
                if (b[d] != '<' || b[d + 1] != '/') {
                    // A space, sign or entity (FastExcel may or may not parse it), or an element or section whose
                    // text FastExcel would add to the value.
                    unsure = true;
                    return end;
                }
                if (d > i) largestIndex = Math.max(largestIndex, index);
                expectValue = false;
                i = d;
            }
        }
        return end;
    }

    private static final int SI = -1;

    /** The first byte of the local name in {@code b[from, to)} if it is one byte long, else 0. */
    private static int localName(byte[] b, int from, int to) {
        int local = from;
        int n = from;
        while (n < to && !space(b[n])) {
            if (b[n] == ':') local = n + 1;
            n++;
        }
        return n - local == 1 ? b[local] : 0;
    }

    private static boolean space(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    /** The parser FastExcel reads a workbook with, set as FastExcel sets it (no DTDs, no external entities). */
    static XMLInputFactory parserAsFastExcel() {
        XMLInputFactory f = new com.fasterxml.aalto.stax.InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        return f;
    }

    private static final XMLInputFactory XML = parserAsFastExcel();

    /**
     * The texts of a shared-text table as FastExcel finds them ({@code si} elements at any depth), up to where the
     * part stops parsing: an index past that point reads empty, or fails there, never reads a text.
     */
    static long texts(InputStream in) {
        long n = 0;
        try {
            XMLStreamReader r = XML.createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && "si".equals(r.getLocalName())) n++;
            }
        } catch (XMLStreamException | RuntimeException e) {
            // the texts before the fault are those FastExcel can read
        }
        return n;
    }

    /**
     * The first cell of a sheet whose shared-text index FastExcel would look up at {@code texts} or more, reading the
     * cell as FastExcel reads it (its {@code t} attribute, the text of its first {@code v} element, an int); null
     * for none before the end of the part or the point where it stops parsing, where FastExcel stops too.
     */
    static PastTheEnd firstPastTheEnd(InputStream in, long texts) {
        long row = 0;
        int column = -1;
        try {
            XMLStreamReader r = XML.createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) continue;
                String name = r.getLocalName();
                if ("row".equals(name)) {
                    // Numbered as POI numbers rows and cells: by their address, or following the previous one.
                    row = number(r.getAttributeValue(null, "r"), row + 1);
                    column = -1;
                } else if ("c".equals(name)) {
                    long cellRow = row;
                    column++;
                    String ref = r.getAttributeValue(null, "r");
                    if (ref != null) {
                        try {
                            CellReference at = new CellReference(ref);
                            if (at.getCol() >= 0) column = at.getCol();
                            if (at.getRow() >= 0) cellRow = at.getRow() + 1L;
                        } catch (RuntimeException notAnAddress) {
                            // as if it had none
                        }
                    }
                    if (!"s".equals(r.getAttributeValue(null, "t"))) continue;
                    String v = firstValue(r);
                    if (v == null || v.isEmpty()) continue;
                    long index;
                    try {
                        index = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        continue; // FastExcel fails on it, and the other reader takes the row: not read empty
                    }
                    if (index >= texts) return new PastTheEnd(cellRow, column, index, texts);
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            // FastExcel stops at the same place
        }
        return null;
    }

    private static long number(String s, long otherwise) {
        try {
            return s == null ? otherwise : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** The text of the cell's first {@code v} element, its child elements' text included; null when the cell ends first. */
    private static String firstValue(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT && "c".equals(r.getLocalName())) return null;
            if (event != XMLStreamConstants.START_ELEMENT || !"v".equals(r.getLocalName())) continue;
            StringBuilder text = new StringBuilder();
            for (int depth = 1; depth > 0 && r.hasNext(); ) {
                event = r.next();
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE) {
                    text.append(r.getText());
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            return text.toString();
        }
        return null;
    }
}
