package org.alaraaudit.report.pdf;

import java.util.LinkedHashMap;
import java.util.Map;

/** Numbered citations: long source texts once under a table, a short [n] in its rows. */
final class Sources {
    private final Map<String, Integer> numbers = new LinkedHashMap<>();

    String ref(String source) {
        if (source == null || source.isBlank()) return "";
        return "[" + numbers.computeIfAbsent(source.trim(), s -> numbers.size() + 1) + "]";
    }

    boolean isEmpty() { return numbers.isEmpty(); }

    /**
     * The numbered citations under a table, each with the status of the values it is cited for (shared
     * reference-status rules: a value is never shown stronger than its status): "from a secondary source", "local
     * policy", "confirmed by NAME on DATE", ... A citation no table value rests on (a rule's own requirement) has none.
     */
    java.util.List<String> notes(ReportContext ctx) {
        org.alaraaudit.report.CitedStatus status = org.alaraaudit.report.CitedStatus.of(ctx.result);
        java.util.List<String> notes = new java.util.ArrayList<>();
        numbers.forEach((s, n) -> notes.add("[" + n + "] " + org.alaraaudit.model.ReferenceStatus.cited(s, status.ofSource(s))));
        return notes;
    }

    void writeNotes(ReportContext ctx) { notes(ctx).forEach(ctx::note); }
}
