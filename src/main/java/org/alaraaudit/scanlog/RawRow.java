package org.alaraaudit.scanlog;

import java.util.Map;
import org.alaraaudit.model.SourceLine;

/**
 * One data row as read, before validation: the canonical cells by column, and the unknown columns kept as
 * extra attributes. Blank cells are null.
 */
public record RawRow(SourceLine source, Map<CanonicalColumn, String> cells, Map<String, String> extras,
                     boolean decimalComma) {

    public String get(CanonicalColumn c) { return cells.get(c); }

    /** The cell of any column, canonical or not, by header name (case-insensitive). */
    public String byHeader(String header) {
        return CanonicalColumn.forHeader(header).map(cells::get)
                .orElseGet(() -> extras.get(header.trim().toLowerCase(java.util.Locale.ROOT)));
    }
}
