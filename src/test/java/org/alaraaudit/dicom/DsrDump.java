package org.alaraaudit.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The content tree as DCMTK's dsrdump printed it (shared/real-data/rdsr/dumps), one item per line:
 * {@code <contains NUM:(113830,DCM,"Mean CTDIvol")="0.15" (mGy,UCUM[1.4],"mGy")>}. Lines keep the file's own
 * byte encoding, so each is decoded as UTF-8 when it is, else Latin-1.
 */
final class DsrDump {
    record Line(int depth, String valueType, String code, String meaning, String value, String unit) {}

    private static final Pattern ITEM = Pattern.compile(
            "^( *)<(?:[a-z ]+ )?([A-Z]+):\\(([^,]*),([^,]*),\"(.*?)\"\\)(?:=(.*))?>$");
    private static final Pattern NUM = Pattern.compile("^\"(.*?)\" \\(([^,]*),.*$");
    private static final Pattern CODE = Pattern.compile("^\\(([^,]*),([^,]*),\"(.*)\"\\)$");

    static List<Line> read(Path dump) throws IOException {
        List<Line> out = new ArrayList<>();
        for (String text : lines(Files.readAllBytes(dump))) {
            Matcher m = ITEM.matcher(text);
            if (!m.matches()) continue;
            String type = m.group(2);
            String raw = m.group(6);
            String value = null;
            String unit = null;
            if (raw != null) {
                if (type.equals("NUM")) {
                    Matcher n = NUM.matcher(raw);
                    if (n.matches()) {
                        value = n.group(1);
                        unit = n.group(2);
                    } else if (raw.startsWith("\"")) {
                        value = raw.substring(1, raw.length() - 1);
                    }
                } else if (type.equals("CODE")) {
                    Matcher c = CODE.matcher(raw);
                    value = c.matches() ? c.group(1) : raw;
                } else if (raw.startsWith("\"") && raw.endsWith("\"")) {
                    value = raw.substring(1, raw.length() - 1);
                } else {
                    value = raw;
                }
            }
            out.add(new Line(m.group(1).length() / 2, type, m.group(3), m.group(5), value, unit));
        }
        return out;
    }

    private static List<String> lines(byte[] bytes) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                byte[] line = java.util.Arrays.copyOfRange(bytes, start, end);
                out.add(decode(line));
                start = i + 1;
            }
        }
        return out;
    }

    private static String decode(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
    }

    /** The header line "Patient : ..." and friends, for the few values the dump shows outside the tree. */
    static String header(Path dump, String label) throws IOException {
        for (String line : lines(Files.readAllBytes(dump))) {
            if (line.startsWith(label)) return line.substring(line.indexOf(':') + 1).trim();
        }
        return null;
    }
}
