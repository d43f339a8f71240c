package org.alaraaudit.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A page's data as JSON that can stand inside {@code <script type="application/json">}: JSON allows "</script>",
 * "<!--" and the line separators U+2028/U+2029 inside strings, and an HTML parser would end the element at the
 * first or change state at the second. '<', '>' and '&' become {@code \}u escapes, which JSON.parse reads back to
 * the same characters; these characters only ever occur inside JSON strings, so replacing them everywhere is exact.
 */
final class InlineJson {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private InlineJson() {}

    static String of(Object data) {
        String json;
        try {
            json = JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the dashboard data cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        return escape(json);
    }

    static String escape(String json) {
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
