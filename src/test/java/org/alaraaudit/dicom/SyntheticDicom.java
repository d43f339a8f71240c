package org.alaraaudit.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;

/**
 * Writes small DICOM files for tests, in any of the four transfer syntaxes, with defined or undefined lengths of
 * sequences and items, and the same content as DICOM JSON. Elements are given in tag order.
 */
public final class SyntheticDicom {
    public record El(int tag, String vr, Object value) {}

    public static El el(int tag, String vr, String value) { return new El(tag, vr, value); }

    public static El raw(int tag, String vr, byte[] value) { return new El(tag, vr, value); }

    @SafeVarargs
    public static El sq(int tag, List<El>... items) { return new El(tag, "SQ", List.of(items)); }

    public static El sqOf(int tag, List<List<El>> items) { return new El(tag, "SQ", items); }

    private static final Set<String> LONG = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");

    public static List<El> code(String value, String scheme, String meaning) {
        return List.of(el(Tag.CODE_VALUE, "SH", value), el(Tag.CODING_SCHEME_DESIGNATOR, "SH", scheme), el(Tag.CODE_MEANING, "LO", meaning));
    }

    public static List<El> container(String rel, String code, String meaning, List<List<El>> children) {
        List<El> out = new ArrayList<>();
        if (rel != null) out.add(el(Tag.RELATIONSHIP_TYPE, "CS", rel));
        out.add(el(Tag.VALUE_TYPE, "CS", "CONTAINER"));
        out.add(sq(Tag.CONCEPT_NAME_CODE_SEQUENCE, code(code, "DCM", meaning)));
        out.add(el(0x0040A050, "CS", "SEPARATE"));
        out.add(sqOf(Tag.CONTENT_SEQUENCE, children));
        return out;
    }

    public static List<El> num(String code, String meaning, String value, String unit) {
        return List.of(el(Tag.RELATIONSHIP_TYPE, "CS", "CONTAINS"), el(Tag.VALUE_TYPE, "CS", "NUM"),
                sq(Tag.CONCEPT_NAME_CODE_SEQUENCE, code(code, "DCM", meaning)),
                sq(Tag.MEASURED_VALUE_SEQUENCE, List.of(sq(Tag.MEASUREMENT_UNITS_CODE_SEQUENCE, code(unit, "UCUM", unit)),
                        el(Tag.NUMERIC_VALUE, "DS", value))));
    }

    public static List<El> text(String code, String meaning, String value) {
        return List.of(el(Tag.RELATIONSHIP_TYPE, "CS", "CONTAINS"), el(Tag.VALUE_TYPE, "CS", "TEXT"),
                sq(Tag.CONCEPT_NAME_CODE_SEQUENCE, code(code, "DCM", meaning)), el(Tag.TEXT_VALUE, "UT", value));
    }

    public static List<El> coded(String code, String meaning, String value, String scheme, String valueMeaning) {
        return List.of(el(Tag.RELATIONSHIP_TYPE, "CS", "CONTAINS"), el(Tag.VALUE_TYPE, "CS", "CODE"),
                sq(Tag.CONCEPT_NAME_CODE_SEQUENCE, code(code, "DCM", meaning)),
                sq(Tag.CONCEPT_CODE_SEQUENCE, code(value, scheme, valueMeaning)));
    }

    /** A CT dose report of one spiral event: CTDIvol 3.2 mGy, DLP 120.5 mGy.cm, 100 kV, 50 mA for 4 s. */
    public static List<El> ctReport(String charset, String protocol) { return ctReport(charset, protocol, List.of()); }

    /** As {@link #ctReport(String, String)}, with more items in the event's CT Dose container. */
    public static List<El> ctReport(String charset, String protocol, List<List<El>> moreDose) {
        List<List<El>> params = List.of(num("113824", "Exposure Time", "4", "s"),
                container("CONTAINS", "113831", "CT X-Ray Source Parameters",
                        List.of(num("113733", "KVP", "100", "kV"), num("113734", "X-Ray Tube Current", "50", "mA"))));
        List<List<El>> dose = new ArrayList<>(List.of(num("113830", "Mean CTDIvol", "3.2", "mGy"),
                coded("113835", "CTDIw Phantom Type", "113691", "DCM", "IEC Body Dosimetry Phantom"),
                num("113838", "DLP", "120.5", "mGy.cm")));
        dose.addAll(moreDose);
        List<List<El>> acquisition = List.of(text("125203", "Acquisition Protocol", protocol),
                coded("123014", "Target Region", "T-D3000", "SRT", "Chest"),
                coded("113820", "CT Acquisition Type", "P5-08001", "SRT", "Spiral Acquisition"),
                List.of(el(Tag.RELATIONSHIP_TYPE, "CS", "CONTAINS"), el(Tag.VALUE_TYPE, "CS", "UIDREF"),
                        sq(Tag.CONCEPT_NAME_CODE_SEQUENCE, code("113769", "DCM", "Irradiation Event UID")), el(Tag.UID, "UI", "1.2.3.4.5")),
                container("CONTAINS", "113822", "CT Acquisition Parameters", params),
                container("CONTAINS", "113829", "CT Dose", dose));
        List<List<El>> root = List.of(
                container("CONTAINS", "113811", "CT Accumulated Dose Data", List.of(num("113812", "Total Number of Irradiation Events", "1", "{events}"),
                        num("113813", "CT Dose Length Product Total", "120.5", "mGy.cm"))),
                container("CONTAINS", "113819", "CT Acquisition", acquisition));
        List<El> out = new ArrayList<>();
        if (charset != null) out.add(el(Tag.SPECIFIC_CHARACTER_SET, "CS", charset));
        out.addAll(List.of(el(Tag.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.88.67"), el(Tag.SOP_INSTANCE_UID, "UI", "1.2.3.9"),
                el(Tag.STUDY_DATE, "DA", "20260105"), el(Tag.STUDY_TIME, "TM", "093000"), el(Tag.ACCESSION_NUMBER, "SH", "ACC1"),
                el(Tag.MODALITY, "CS", "SR"), el(Tag.MANUFACTURER, "LO", "ACME"), el(Tag.INSTITUTION_NAME, "LO", "North Clinic"),
                el(Tag.STATION_NAME, "SH", "CT1"), el(Tag.PATIENT_ID, "LO", "P1"), el(Tag.PATIENT_SEX, "CS", "F"),
                el(Tag.PATIENT_AGE, "AS", "006Y"), el(Tag.PATIENT_WEIGHT, "DS", "21.5"), el(Tag.STUDY_INSTANCE_UID, "UI", "1.2.3.7")));
        out.addAll(container(null, "113701", "X-Ray Radiation Dose Report", root));
        return out;
    }

    /** A projection X-ray report (TID 10001) of one radiograph, reported as {@code procedure}. */
    public static List<El> projectionReport(String procedureCode, String procedureMeaning, List<List<El>> event) {
        List<El> out = new ArrayList<>(List.of(el(Tag.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.88.67"),
                el(Tag.SOP_INSTANCE_UID, "UI", "1.2.3.19"), el(Tag.STUDY_DATE, "DA", "20261002"), el(Tag.STUDY_TIME, "TM", "1015"),
                el(Tag.ACCESSION_NUMBER, "SH", "ACC2"), el(Tag.INSTITUTION_NAME, "LO", "North Clinic"), el(Tag.STATION_NAME, "SH", "DX1"),
                el(Tag.PATIENT_ID, "LO", "P2"), el(Tag.PATIENT_AGE, "AS", "010M"), el(Tag.STUDY_INSTANCE_UID, "UI", "1.2.3.17")));
        List<El> procedure = new ArrayList<>(List.of(el(Tag.RELATIONSHIP_TYPE, "CS", "HAS CONCEPT MOD"), el(Tag.VALUE_TYPE, "CS", "CODE"),
                sq(Tag.CONCEPT_NAME_CODE_SEQUENCE, code("121058", "DCM", "Procedure reported")),
                sq(Tag.CONCEPT_CODE_SEQUENCE, code(procedureCode, "SCT", procedureMeaning))));
        out.addAll(container(null, "113701", "X-Ray Radiation Dose Report",
                List.of(procedure, container("CONTAINS", "113706", "Irradiation Event X-Ray Data", event))));
        return out;
    }

    /** A Part 10 file of these elements. */
    public static byte[] part10(List<El> elements, String transferSyntax, boolean undefinedLengths, Charset charset) {
        boolean explicit = !transferSyntax.equals(Part10Reader.IMPLICIT_LITTLE);
        boolean big = transferSyntax.equals(Part10Reader.EXPLICIT_BIG);
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        List<El> metaElements = List.of(el(0x00020001, "OB", null), el(0x00020002, "UI", "1.2.840.10008.5.1.4.1.1.88.67"),
                el(0x00020003, "UI", "1.2.3.9"), el(Tag.TRANSFER_SYNTAX_UID, "UI", transferSyntax));
        for (El e : metaElements) {
            if (e.tag() == 0x00020001) write(meta, new El(e.tag(), "OB", new byte[] {0, 1}), true, false, false, charset);
            else write(meta, e, true, false, false, charset);
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (El e : elements) write(data, e, explicit, big, undefinedLengths, charset);
        byte[] body = data.toByteArray();
        if (transferSyntax.equals(Part10Reader.DEFLATED)) {
            Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            d.setInput(body);
            d.finish();
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            while (!d.finished()) z.write(chunk, 0, d.deflate(chunk));
            body = z.toByteArray();
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[128]);
        file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        byte[] m = meta.toByteArray();
        write(file, new El(0x00020000, "UL", m), true, false, false, charset);
        file.writeBytes(m);
        file.writeBytes(body);
        return file.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static void write(ByteArrayOutputStream out, El e, boolean explicit, boolean big, boolean undefined, Charset cs) {
        ByteOrder order = big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] value;
        if (e.value() instanceof List<?> items) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (Object item : items) {
                ByteArrayOutputStream ib = new ByteArrayOutputStream();
                for (El child : (List<El>) item) write(ib, child, explicit, big, undefined, cs);
                body.writeBytes(header(0xFFFEE000, undefined ? -1 : ib.size(), order));
                body.writeBytes(ib.toByteArray());
                if (undefined) body.writeBytes(header(0xFFFEE00D, 0, order));
            }
            if (undefined) body.writeBytes(header(0xFFFEE0DD, 0, order));
            value = body.toByteArray();
        } else if (e.value() instanceof byte[] b) {
            value = e.vr().equals("UL") ? ByteBuffer.allocate(4).order(order).putInt(b.length).array() : b;
        } else {
            String s = e.value() == null ? "" : (String) e.value();
            value = s.getBytes(e.vr().equals("UI") || e.vr().equals("CS") || e.vr().equals("DS") || e.vr().equals("DA") ? StandardCharsets.US_ASCII : cs);
            if (value.length % 2 == 1) {
                byte[] padded = java.util.Arrays.copyOf(value, value.length + 1);
                padded[value.length] = (byte) (e.vr().equals("UI") ? 0 : ' ');
                value = padded;
            }
        }
        boolean sq = e.vr().equals("SQ");
        int length = sq && undefined ? -1 : value.length;
        ByteBuffer h = ByteBuffer.allocate(12).order(order);
        h.putShort((short) (e.tag() >>> 16)).putShort((short) e.tag());
        if (explicit) {
            h.put(e.vr().getBytes(StandardCharsets.US_ASCII));
            if (LONG.contains(e.vr())) h.putShort((short) 0).putInt(length);
            else h.putShort((short) length);
        } else {
            h.putInt(length);
        }
        out.write(h.array(), 0, h.position());
        out.writeBytes(value);
    }

    private static byte[] header(int tag, int length, ByteOrder order) {
        return ByteBuffer.allocate(8).order(order).putShort((short) (tag >>> 16)).putShort((short) tag).putInt(length).array();
    }

    /** The same elements as a DICOM JSON object (PS3.18 F.2). */
    @SuppressWarnings("unchecked")
    public static String json(List<El> elements) {
        StringBuilder b = new StringBuilder("{");
        boolean first = true;
        for (El e : elements) {
            if (e.tag() == Tag.SPECIFIC_CHARACTER_SET) continue;
            if (!first) b.append(',');
            first = false;
            b.append('"').append(Tag.hex(e.tag())).append("\":{\"vr\":\"").append(e.vr()).append('"');
            if (e.value() instanceof List<?> items) {
                b.append(",\"Value\":[");
                for (int i = 0; i < items.size(); i++) b.append(i > 0 ? "," : "").append(json((List<El>) items.get(i)));
                b.append(']');
            } else if (e.value() instanceof String s) {
                String v = s.replace("\\", "\\\\").replace("\"", "\\\"");
                if (e.vr().equals("DS")) b.append(",\"Value\":[").append(s).append(']');
                else if (e.vr().equals("PN")) b.append(",\"Value\":[{\"Alphabetic\":\"").append(v).append("\"}]");
                else b.append(",\"Value\":[\"").append(v).append("\"]");
            }
            b.append('}');
        }
        return b.append('}').toString();
    }
}
