package org.alaraaudit.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data elements of one DICOM data set (a file's, or one item of a sequence), read from Part 10 bytes or
 * from DICOM JSON. Text is decoded when asked for, with the character set this data set or its parent declares,
 * so one model serves both sources.
 */
public final class DataSet {
    /** One element: its value representation, and either its bytes, its text (from JSON), or its items. */
    private record Element(String vr, byte[] bytes, String text, List<DataSet> items) {}

    private final DataSet parent;
    private final boolean bigEndian;
    private final Map<Integer, Element> elements = new TreeMap<>(Integer::compareUnsigned);
    private TextDecoder decoder;

    DataSet(DataSet parent, boolean bigEndian) {
        this.parent = parent;
        this.bigEndian = bigEndian;
    }

    void putBytes(int tag, String vr, byte[] value) {
        elements.put(tag, new Element(vr, value, null, null));
        if (tag == Tag.SPECIFIC_CHARACTER_SET) decoder = null;
    }

    void putText(int tag, String vr, String value) {
        elements.put(tag, new Element(vr, null, value, null));
        if (tag == Tag.SPECIFIC_CHARACTER_SET) decoder = null;
    }

    void putItems(int tag, List<DataSet> items) { elements.put(tag, new Element("SQ", null, null, items)); }

    public boolean contains(int tag) { return elements.containsKey(tag); }

    /** The value representation the element was written with ({@code UN} when implicit and not in the dictionary). */
    public String vr(int tag) {
        Element e = elements.get(tag);
        return e == null ? null : e.vr();
    }

    /**
     * The whole value as text, trimmed of the padding DICOM allows (spaces, and NUL after UIDs); null when the
     * element is absent or empty. Several values stay joined by a backslash, as DICOM writes them.
     */
    public String string(int tag) {
        Element e = elements.get(tag);
        if (e == null || e.items() != null) return null;
        String s = e.text() != null ? e.text() : decode(e);
        if (s == null) return null;
        s = trim(s, e.vr());
        return s.isEmpty() ? null : s;
    }

    /** The first of the items of a sequence, or null. */
    public DataSet item(int tag) {
        List<DataSet> items = items(tag);
        return items.isEmpty() ? null : items.get(0);
    }

    /** The items of a sequence; empty when the element is absent, empty, or not a sequence. */
    public List<DataSet> items(int tag) {
        Element e = elements.get(tag);
        return e == null || e.items() == null ? List.of() : Collections.unmodifiableList(e.items());
    }

    /** The character set text of this data set is decoded with: its own declaration, else its parent's. */
    TextDecoder decoder() {
        if (decoder == null) {
            Element e = elements.get(Tag.SPECIFIC_CHARACTER_SET);
            if (e != null) {
                String declared = e.text() != null ? e.text() : new String(e.bytes(), java.nio.charset.StandardCharsets.US_ASCII);
                decoder = TextDecoder.forDeclaration(declared);
            } else {
                decoder = parent != null ? parent.decoder() : TextDecoder.forDeclaration(null);
            }
        }
        return decoder;
    }

    private String decode(Element e) {
        byte[] b = e.bytes();
        if (b == null) return null;
        ByteBuffer buf = ByteBuffer.wrap(b).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        List<String> values = new ArrayList<>();
        switch (e.vr()) {
            case "US": while (buf.remaining() >= 2) values.add(Integer.toString(buf.getShort() & 0xFFFF)); break;
            case "SS": while (buf.remaining() >= 2) values.add(Short.toString(buf.getShort())); break;
            case "UL": while (buf.remaining() >= 4) values.add(Long.toString(buf.getInt() & 0xFFFFFFFFL)); break;
            case "SL": while (buf.remaining() >= 4) values.add(Integer.toString(buf.getInt())); break;
            case "FL": while (buf.remaining() >= 4) values.add(Float.toString(buf.getFloat())); break;
            case "FD": while (buf.remaining() >= 8) values.add(Double.toString(buf.getDouble())); break;
            case "OB": case "OW": case "OF": case "OD": case "OL": case "OV": case "AT": case "SV": case "UV": return null;
            default: return decoder().decode(b, e.vr());
        }
        return String.join("\\", values);
    }

    private static String trim(String s, String vr) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) end--;
        int start = 0;
        // Free text keeps its leading spaces (they may indent); codes, names and numbers do not.
        if (!"ST".equals(vr) && !"LT".equals(vr) && !"UT".equals(vr)) {
            while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\0')) start++;
        }
        return s.substring(start, end);
    }

    @Override
    public String toString() { return "DataSet" + elements.keySet().stream().map(Tag::hex).toList(); }
}
