package org.alaraaudit.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the data-element stream of a DICOM Part 10 file (PS3.10): the 128-byte preamble and "DICM", the file
 * meta group in explicit VR little endian, then the data set in its transfer syntax: implicit or explicit VR
 * little endian, explicit VR big endian, or deflated explicit VR little endian. Sequences and items of defined
 * or undefined length nest; pixel data and other binary values are skipped, since a dose report needs none.
 * Compressed image syntaxes still have an explicit little-endian data set, so an image is read far enough to
 * tell that it is no dose report.
 */
public final class Part10Reader {
    public static final String IMPLICIT_LITTLE = "1.2.840.10008.1.2";
    public static final String EXPLICIT_LITTLE = "1.2.840.10008.1.2.1";
    public static final String DEFLATED = "1.2.840.10008.1.2.1.99";
    public static final String EXPLICIT_BIG = "1.2.840.10008.1.2.2";

    private static final long UNDEFINED = 0xFFFFFFFFL;
    /** Explicit VRs whose length is a 4-byte field after two reserved bytes. */
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");
    private static final Set<String> ALL_VRS = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD", "IS", "LO", "LT",
            "OB", "OD", "OF", "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR",
            "US", "UT", "UV");
    /** Implicit VR: the sequences a dose report uses, so a defined-length one is never taken for a value. */
    private static final Set<Integer> SEQUENCES = Set.of(Tag.CONTENT_SEQUENCE, Tag.CONCEPT_NAME_CODE_SEQUENCE,
            Tag.CONCEPT_CODE_SEQUENCE, Tag.MEASURED_VALUE_SEQUENCE, Tag.MEASUREMENT_UNITS_CODE_SEQUENCE);

    private ByteBuffer buf;
    private boolean explicit;
    /** The data set being read, past the file meta group: what a file cut short still says is in it. */
    private DataSet data;

    private Part10Reader() {}

    /** True when the bytes begin as a Part 10 file: 128 bytes of preamble, then "DICM". */
    public static boolean isPart10(byte[] head) {
        return head.length >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
    }

    /** The file's data set, with its file meta elements (group 0002) in it. */
    public static DataSet read(byte[] bytes) {
        Part10Reader r = new Part10Reader();
        try {
            return r.readFile(bytes);
        } catch (java.nio.BufferUnderflowException e) {
            throw r.cut("the file ends inside a data element (truncated)");
        }
    }

    private DataSet readFile(byte[] bytes) {
        if (!isPart10(bytes)) {
            throw new DicomException("not a DICOM Part 10 file (no \"DICM\" after the 128-byte preamble)");
        }
        buf = ByteBuffer.wrap(bytes, 132, bytes.length - 132).order(ByteOrder.LITTLE_ENDIAN);
        explicit = true;
        DataSet meta = new DataSet(null, false);
        while (buf.remaining() >= 4 && (buf.getShort(buf.position()) & 0xFFFF) == 0x0002) readElement(meta);
        String syntax = meta.string(Tag.TRANSFER_SYNTAX_UID);
        if (syntax == null) throw new DicomException("the file meta information names no transfer syntax (0002,0010)");
        boolean big = false;
        switch (syntax) {
            case IMPLICIT_LITTLE: explicit = false; break;
            case EXPLICIT_LITTLE: break;
            case EXPLICIT_BIG: big = true; break;
            case DEFLATED:
                buf = ByteBuffer.wrap(inflate(bytes, buf.position())).order(ByteOrder.LITTLE_ENDIAN);
                break;
            default:
                // Encapsulated (compressed) pixel data: the data set itself is explicit VR little endian.
                if (!syntax.startsWith("1.2.840.10008.1.2.4.") && !syntax.startsWith("1.2.840.10008.1.2.5")
                        && !syntax.startsWith("1.2.840.10008.1.2.8")) {
                    throw new DicomException("transfer syntax " + syntax + " is not one this reader knows");
                }
        }
        if (big) buf.order(ByteOrder.BIG_ENDIAN);
        data = new DataSet(null, big);
        for (int tag : new int[] {Tag.TRANSFER_SYNTAX_UID, Tag.SOP_CLASS_UID}) {
            String v = meta.string(tag);
            if (v != null) data.putText(tag == Tag.SOP_CLASS_UID ? 0x00020002 : tag, "UI", v);
        }
        while (buf.hasRemaining()) {
            if (buf.remaining() < 8 && allZero()) break;
            if (readElement(data) == Tag.PIXEL_DATA) break;
        }
        return data;
    }

    private boolean allZero() {
        for (int i = buf.position(); i < buf.limit(); i++) if (buf.get(i) != 0) return false;
        return true;
    }

    private static byte[] inflate(byte[] bytes, int from) {
        Inflater inflater = new Inflater(true);
        inflater.setInput(bytes, from, bytes.length - from);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, (bytes.length - from) * 4));
        byte[] chunk = new byte[65536];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
                out.write(chunk, 0, n);
            }
        } catch (DataFormatException e) {
            throw new DicomException("the deflated data set cannot be inflated: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    private int readTag() {
        int group = buf.getShort() & 0xFFFF;
        int element = buf.getShort() & 0xFFFF;
        return (group << 16) | element;
    }

    /** Reads one element into {@code into}; returns its tag. Delimiters are returned, never stored. */
    private int readElement(DataSet into) {
        int at = buf.position();
        int tag = readTag();
        if (tag == Tag.ITEM_DELIMITATION || tag == Tag.SEQUENCE_DELIMITATION || tag == Tag.ITEM) {
            buf.getInt();
            return tag;
        }
        String vr;
        long length;
        if (explicit) {
            vr = new String(new byte[] {buf.get(), buf.get()}, StandardCharsets.US_ASCII);
            if (!ALL_VRS.contains(vr)) {
                throw new DicomException("element (" + group(tag) + ") at byte " + at + " has no valid VR (\"" + printable(vr) + "\")");
            }
            if (LONG_VRS.contains(vr)) {
                buf.getShort();
                length = buf.getInt() & 0xFFFFFFFFL;
            } else {
                length = buf.getShort() & 0xFFFF;
            }
        } else {
            vr = SEQUENCES.contains(tag) ? "SQ" : "UN";
            length = buf.getInt() & 0xFFFFFFFFL;
        }
        if (length != UNDEFINED && length > buf.remaining()) {
            throw cut("element (" + group(tag) + ") at byte " + at + " is " + length + " bytes long, but only "
                    + buf.remaining() + " are left (truncated file)");
        }
        if (tag == Tag.PIXEL_DATA) {
            if (length != UNDEFINED) buf.position(buf.position() + (int) length);
            return tag;
        }
        if ("SQ".equals(vr) || (length == UNDEFINED && "UN".equals(vr))) {
            into.putItems(tag, readItems(into, length, "UN".equals(vr) && explicit));
        } else if (length == UNDEFINED) {
            skipEncapsulated();
        } else if (!explicit && length >= 8 && (tag & 0xFFFF0000) != 0x00020000 && startsWithItem()) {
            // Implicit VR names no sequence: a value that opens with an item tag is one.
            into.putItems(tag, readItems(into, length, false));
        } else {
            byte[] value = new byte[(int) length];
            buf.get(value);
            into.putBytes(tag, vr, value);
        }
        return tag;
    }

    private boolean startsWithItem() {
        int p = buf.position();
        return (buf.getShort(p) & 0xFFFF) == 0xFFFE && (buf.getShort(p + 2) & 0xFFFF) == 0xE000;
    }

    /** Items up to the sequence's length or its delimiter. An undefined-length UN is implicit VR inside (PS3.5 6.2.2). */
    private List<DataSet> readItems(DataSet parent, long length, boolean implicitInside) {
        boolean wasExplicit = explicit;
        if (implicitInside) explicit = false;
        List<DataSet> items = new ArrayList<>();
        long end = length == UNDEFINED ? Long.MAX_VALUE : buf.position() + length;
        try {
            while (buf.position() < end && buf.hasRemaining()) {
                int at = buf.position();
                int tag = readTag();
                long itemLength = buf.getInt() & 0xFFFFFFFFL;
                if (tag == Tag.SEQUENCE_DELIMITATION) break;
                if (tag != Tag.ITEM) {
                    throw new DicomException("a sequence holds (" + group(tag) + ") at byte " + at + " where an item should begin");
                }
                DataSet item = new DataSet(parent, buf.order() == ByteOrder.BIG_ENDIAN);
                long itemEnd = itemLength == UNDEFINED ? Long.MAX_VALUE : buf.position() + itemLength;
                if (itemLength != UNDEFINED && itemEnd > buf.limit()) {
                    throw cut("an item at byte " + at + " is " + itemLength + " bytes long, past the end of the file");
                }
                while (buf.position() < itemEnd && buf.hasRemaining()) {
                    if (readElement(item) == Tag.ITEM_DELIMITATION) break;
                }
                items.add(item);
            }
        } finally {
            explicit = wasExplicit;
        }
        return items;
    }

    /** Encapsulated pixel data or another undefined-length binary value: items up to the sequence delimiter. */
    private void skipEncapsulated() {
        while (buf.hasRemaining()) {
            int tag = readTag();
            long len = buf.getInt() & 0xFFFFFFFFL;
            if (tag == Tag.SEQUENCE_DELIMITATION) return;
            if (len > buf.remaining()) throw cut("encapsulated data runs past the end of the file");
            buf.position(buf.position() + (int) len);
        }
    }

    /**
     * The file ends before the element being read does. Every element stored so far was read whole (an element is
     * stored only once its value is), so what was read of the data set is handed on with the reason.
     */
    private DicomException cut(String reason) { return new DicomException(reason, data); }

    private static String group(int tag) {
        String h = Tag.hex(tag);
        return h.substring(0, 4) + "," + h.substring(4);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        return b.toString();
    }
}
