package org.alaraaudit.dicom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the DICOM JSON model (PS3.18 F.2), as DICOMweb servers return metadata and {@code dcm2json} writes it,
 * into the same {@link DataSet} model as Part 10 files: one data set per object of the document (a WADO-RS
 * metadata response is an array of them). Text arrives decoded, so no character set applies; person names are
 * their alphabetic group; binary values (InlineBinary, BulkDataURI) are left out.
 */
public final class DicomJsonReader {
    /**
     * Built when a DICOM JSON document is read, not when a file is only sniffed: every audit asks this class
     * whether its scan logs look like DICOM JSON, and a mapper costs a tenth of a second of a short run's start.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    private static final Pattern TAG = Pattern.compile("[0-9A-Fa-f]{8}");
    /** A DICOM JSON document opens with an array or object whose first key is a tag with a "vr". */
    private static final Pattern LOOKS_LIKE = Pattern.compile("^\\s*\\[?\\s*\\{\\s*\"[0-9A-Fa-f]{8}\"\\s*:\\s*\\{\\s*\"(vr|Value)\"");

    private DicomJsonReader() {}

    /** True when the text (a file's first few kilobytes) begins as a DICOM JSON document. */
    public static boolean looksLikeDicomJson(String head) {
        String h = head.startsWith("\uFEFF") ? head.substring(1) : head;
        return LOOKS_LIKE.matcher(h).find();
    }

    public static List<DataSet> read(InputStream in) {
        try {
            return read(Json.MAPPER.readTree(in));
        } catch (JsonProcessingException e) {
            throw new DicomException("not valid JSON: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")", e);
        } catch (IOException e) {
            throw new DicomException("cannot be read: " + e.getMessage(), e);
        }
    }

    public static List<DataSet> read(JsonNode root) {
        List<DataSet> out = new ArrayList<>();
        if (root == null) throw new DicomException("the document is empty");
        if (root.isArray()) {
            for (JsonNode n : root) out.add(dataSet(n, null, "[" + out.size() + "]"));
        } else {
            out.add(dataSet(root, null, ""));
        }
        return out;
    }

    private static DataSet dataSet(JsonNode node, DataSet parent, String path) {
        if (!node.isObject()) throw new DicomException(where(path) + "a data set must be a JSON object");
        DataSet ds = new DataSet(parent, false);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!TAG.matcher(f.getKey()).matches()) throw new DicomException(where(path) + "\"" + f.getKey() + "\" is not a tag");
            int tag = (int) Long.parseLong(f.getKey(), 16);
            JsonNode attr = f.getValue();
            String vr = attr.path("vr").asText("UN");
            JsonNode value = attr.get("Value");
            String here = path + "/" + f.getKey();
            if ("SQ".equals(vr)) {
                List<DataSet> items = new ArrayList<>();
                if (value != null) for (JsonNode item : value) items.add(dataSet(item, ds, here + "[" + items.size() + "]"));
                ds.putItems(tag, items);
            } else if (value != null && value.isArray()) {
                List<String> values = new ArrayList<>();
                for (JsonNode v : value) values.add(text(v, vr));
                ds.putText(tag, vr, String.join("\\", values));
            }
        }
        return ds;
    }

    private static final java.util.Set<String> TEXT_VRS = java.util.Set.of("SH", "LO", "ST", "LT", "UT", "PN", "UC");

    private static String text(JsonNode v, String vr) {
        if (v == null || v.isNull()) return "";
        if ("PN".equals(vr) && v.isObject()) return repaired(v.path("Alphabetic").asText(""));
        if (v.isIntegralNumber()) return v.bigIntegerValue().toString();
        // Servers print DS values as doubles with 17 digits (5.2999999999999998); the shortest form that reads
        // back to the same double is what the file held.
        if (v.isNumber()) return java.math.BigDecimal.valueOf(v.doubleValue()).toString();
        return TEXT_VRS.contains(vr) ? repaired(v.asText()) : v.asText();
    }

    /**
     * A server that decoded UTF-8 bytes by a wrong Latin-1 declaration (a Siemens protocol name) sends
     * "testÃ¦Ã¸Ã¥"; as in Part 10 files, text whose Latin-1 bytes are valid UTF-8 is taken as UTF-8.
     */
    static String repaired(String s) {
        boolean high = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) return s;
            if (c >= 0x80) high = true;
        }
        if (!high) return s;
        return TextDecoder.forDeclaration("ISO_IR 100").decode(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "LO");
    }

    private static String where(String path) { return path.isEmpty() ? "" : path + ": "; }
}
