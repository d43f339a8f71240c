package org.alaraaudit.dicom;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the bytes of a text value into characters by the Specific Character Set (0008,0005) the data set
 * declares, forgiving the wrong declarations real scanners write: UTF-8 bytes under a single-byte declaration
 * (a Siemens protocol name under ISO_IR 100), Latin-1 bytes with no declaration at all, and bytes that are not
 * UTF-8 under ISO_IR 192. A text that is valid UTF-8 with non-ASCII characters is almost never Latin-1 by
 * accident, which is what makes the first repair safe.
 */
final class TextDecoder {
    private static final Map<String, String> SINGLE_BYTE = Map.ofEntries(
            Map.entry("ISOIR6", "US-ASCII"), Map.entry("ISOIR100", "ISO-8859-1"), Map.entry("ISOIR101", "ISO-8859-2"),
            Map.entry("ISOIR109", "ISO-8859-3"), Map.entry("ISOIR110", "ISO-8859-4"), Map.entry("ISOIR144", "ISO-8859-5"),
            Map.entry("ISOIR127", "ISO-8859-6"), Map.entry("ISOIR126", "ISO-8859-7"), Map.entry("ISOIR138", "ISO-8859-8"),
            Map.entry("ISOIR148", "ISO-8859-9"), Map.entry("ISOIR203", "ISO-8859-15"), Map.entry("ISOIR166", "TIS-620"),
            Map.entry("ISOIR13", "JIS_X0201"));

    private enum Kind { SINGLE_BYTE, UTF8, ISO2022_JAPANESE, ISO2022_STRIPPED, MULTI_BYTE }

    private final Kind kind;
    private final Charset charset;

    private TextDecoder(Kind kind, Charset charset) {
        this.kind = kind;
        this.charset = charset;
    }

    /** The decoder for the declared value (several terms separated by backslashes); null or blank: the default. */
    static TextDecoder forDeclaration(String declared) {
        if (declared == null || declared.isBlank()) return new TextDecoder(Kind.SINGLE_BYTE, StandardCharsets.ISO_8859_1);
        String[] terms = declared.split("\\\\");
        boolean iso2022 = false;
        String first = null;
        for (String t : terms) {
            String n = t.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s_-]", "");
            if (n.isEmpty()) continue;
            if (n.startsWith("ISO2022")) {
                iso2022 = true;
                n = "ISO" + n.substring("ISO2022".length());
            }
            switch (n) {
                case "ISOIR87": case "ISOIR159": return new TextDecoder(Kind.ISO2022_JAPANESE, Charset.forName("ISO-2022-JP-2"));
                case "ISOIR149": return new TextDecoder(Kind.ISO2022_STRIPPED, Charset.forName("EUC-KR"));
                case "ISOIR58": return new TextDecoder(Kind.ISO2022_STRIPPED, Charset.forName("GB2312"));
                default: break;
            }
            if (first == null) first = n;
        }
        if (first == null) return new TextDecoder(Kind.SINGLE_BYTE, StandardCharsets.ISO_8859_1);
        switch (first) {
            case "ISOIR192": case "UTF8": return new TextDecoder(Kind.UTF8, StandardCharsets.UTF_8);
            case "GB18030": return new TextDecoder(Kind.MULTI_BYTE, Charset.forName("GB18030"));
            case "GBK": return new TextDecoder(Kind.MULTI_BYTE, Charset.forName("GBK"));
            default: break;
        }
        String name = SINGLE_BYTE.get(first);
        // ASCII declared, or a term no one knows: Latin-1 reads every byte, and ASCII text the same.
        Charset cs = name == null || name.equals("US-ASCII") ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
        return new TextDecoder(iso2022 ? Kind.ISO2022_STRIPPED : Kind.SINGLE_BYTE, cs);
    }

    String decode(byte[] b, String vr) {
        switch (kind) {
            case UTF8: {
                String s = strictUtf8(b);
                return s != null ? s : new String(b, StandardCharsets.ISO_8859_1);
            }
            case ISO2022_JAPANESE:
                return new String(b, charset);
            case ISO2022_STRIPPED:
                return new String(withoutEscapes(b), charset);
            case MULTI_BYTE:
                return new String(b, charset);
            default: {
                if (isAscii(b)) return new String(b, StandardCharsets.US_ASCII);
                String utf8 = strictUtf8(b);
                return utf8 != null ? utf8 : new String(b, charset);
            }
        }
    }

    private static boolean isAscii(byte[] b) {
        for (byte x : b) if (x < 0) return false;
        return true;
    }

    private static String strictUtf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** ISO 2022 escape sequences (ESC, intermediate bytes, final byte) taken out; the rest is the G1 set's bytes. */
    private static byte[] withoutEscapes(byte[] b) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(b.length);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0x1B) {
                i++;
                while (i < b.length && b[i] >= 0x20 && b[i] <= 0x2F) i++;
                continue;
            }
            out.write(b[i]);
        }
        return out.toByteArray();
    }
}
