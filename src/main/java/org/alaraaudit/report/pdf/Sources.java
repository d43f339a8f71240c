package org.alaraaudit.report.pdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Numbered citations: long source texts once under a table, a short [n] in its rows. */
final class Sources {
    private final Map<String, Integer> numbers = new LinkedHashMap<>();

    String ref(String source) {
        if (source == null || source.isBlank()) return "";
        return "[" + numbers.computeIfAbsent(source.trim(), s -> numbers.size() + 1) + "]";
    }

    boolean isEmpty() { return numbers.isEmpty(); }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        numbers.forEach((s, n) -> out.add("[" + n + "] " + s));
        return out;
    }

    void writeNotes(ReportContext ctx) {
        for (String l : lines()) ctx.note(l);
    }
}
