package org.alaraaudit.scanlog;

import java.util.List;
import java.util.Optional;
import org.alaraaudit.model.Glob;

/** Quality-control and phantom scans: counted as excluded, never audited, never in statistics. */
public final class Exclusions {
    /** One row of the exclusions table. */
    public record Exclusion(String column, Glob pattern, String reason) {}

    private final List<Exclusion> rows;

    public Exclusions(List<Exclusion> rows) { this.rows = List.copyOf(rows); }

    public List<Exclusion> rows() { return rows; }

    /** The first exclusion whose pattern matches the row's cell in its column. */
    public Optional<Exclusion> match(RawRow row) {
        for (Exclusion e : rows) {
            if (e.pattern().matches(row.byHeader(e.column()))) return Optional.of(e);
        }
        return Optional.empty();
    }
}
