package org.alaraaudit.scanlog;

import java.util.List;
import java.util.Optional;
import org.alaraaudit.model.Glob;

/** Quality-control and phantom scans: counted as excluded, never audited, never in statistics. */
public final class Exclusions {
    /** One row of the exclusions table. */
    public record Exclusion(String column, Glob pattern, String reason) {}

    private final List<Exclusion> rows;
    /** Each row's column, resolved once rather than for every scan-log row: canonical (or null), and as an extra. */
    private final CanonicalColumn[] canonical;
    private final String[] extra;

    public Exclusions(List<Exclusion> rows) {
        this.rows = List.copyOf(rows);
        this.canonical = new CanonicalColumn[this.rows.size()];
        this.extra = new String[this.rows.size()];
        for (int i = 0; i < canonical.length; i++) {
            String column = this.rows.get(i).column();
            canonical[i] = CanonicalColumn.forHeader(column).orElse(null);
            extra[i] = column == null ? null : column.trim().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public List<Exclusion> rows() { return rows; }

    /** The first exclusion whose pattern matches the row's cell in its column. */
    public Optional<Exclusion> match(RawRow row) {
        for (int i = 0; i < canonical.length; i++) {
            // As RawRow.byHeader: the canonical cell, else an extra of that name.
            String value = canonical[i] == null ? null : row.get(canonical[i]);
            if (value == null) value = row.extras().get(extra[i]);
            if (rows.get(i).pattern().matches(value)) return Optional.of(rows.get(i));
        }
        return Optional.empty();
    }
}
