package org.alaraaudit.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The global {@code edits} of the thresholds workbook: its ACTION columns hand each row's cells to it, under the
 * rule's name, which carries the sheet row ({@code Expected dose ranges_14}). Values arrive as the cell's text so
 * that "abc" in a number column is reported with its row instead of breaking the compilation. The listener
 * records what each row matched, including rows whose actions are all blank.
 */
public final class ThresholdEdits {
    /** The cells of one sheet row; the same on every firing of its rule. */
    static final class RowCells {
        final Map<String, String> values = new LinkedHashMap<>();
        String unit;
        String reason;
    }

    private final Map<String, RowCells> cells = new HashMap<>();
    private final Map<String, List<List<Object>>> matches = new LinkedHashMap<>();
    private final DefaultAgendaEventListener listener = new DefaultAgendaEventListener() {
        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            matches.computeIfAbsent(event.getMatch().getRule().getName(), k -> new ArrayList<>())
                    .add(List.copyOf(event.getMatch().getObjects()));
        }
    };

    /** A new value for a CSV column of the matched row. */
    public void value(RuleContext kcontext, String csvColumn, String text) {
        row(kcontext).values.put(csvColumn, text.trim());
    }

    /** The unit the row states; it must be the CSV's. */
    public void unit(RuleContext kcontext, String text) {
        row(kcontext).unit = text.trim();
    }

    /** Why the value was changed: printed with it in validate and in the report's methodology. */
    public void reason(RuleContext kcontext, String text) {
        row(kcontext).reason = text.trim();
    }

    private RowCells row(RuleContext kcontext) {
        return cells.computeIfAbsent(kcontext.getRule().getName(), k -> new RowCells());
    }

    DefaultAgendaEventListener listener() { return listener; }

    /** Each firing of the rule, with the facts it matched; absent when the row matched nothing. */
    List<List<Object>> matches(String rule) { return matches.getOrDefault(rule, List.of()); }

    RowCells cells(String rule) { return cells.getOrDefault(rule, new RowCells()); }
}
