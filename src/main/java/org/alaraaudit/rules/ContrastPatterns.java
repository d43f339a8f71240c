package org.alaraaudit.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.alaraaudit.model.Contrast;
import org.alaraaudit.model.Glob;

/**
 * tables/contrast-patterns.csv: how protocol names and study descriptions say whether contrast was given
 * ("W/O", "NON-CON" and "NATIVE" before "CONTRAST", "C+" and "KM"), for exports without a contrast column. The
 * first row in file order whose pattern matches wins, so the "without" wordings come before the bare "CONTRAST".
 * The table is optional: a rules folder without it reads contrast from the contrast column only.
 */
public final class ContrastPatterns {
    public static final String FILE = "contrast-patterns.csv";
    static final String[] COLUMNS = {"pattern", "contrast", "source", "status"};
    private static final Set<String> STATUSES = Set.of("primary", "secondary", "local-policy", "unverified");

    /** One row: the pattern and what a name it matches says. */
    public record Pattern(Glob glob, Contrast contrast, String source, String status, long line) {}

    private final List<Pattern> patterns;

    public ContrastPatterns(List<Pattern> patterns) { this.patterns = List.copyOf(patterns); }

    public static final ContrastPatterns NONE = new ContrastPatterns(List.of());

    public static ContrastPatterns load(Path tablesDir) {
        Path p = tablesDir.resolve(FILE);
        return Files.isRegularFile(p) ? from(TableFile.read(p, FILE, COLUMNS)) : NONE;
    }

    public static ContrastPatterns from(TableFile table) {
        List<Pattern> out = new ArrayList<>();
        for (TableFile.Row r : table.rows()) {
            Contrast c = r.enumValue("contrast", Contrast.class, Contrast::parse);
            if (c == null) throw r.error("contrast", "is required (with, without or both)");
            String status = r.required("status");
            if (!STATUSES.contains(status)) throw r.error("status", "\"" + status + "\" is not one of primary, secondary, local-policy, unverified");
            out.add(new Pattern(new Glob(r.required("pattern")), c, r.required("source"), status, r.line()));
        }
        return new ContrastPatterns(out);
    }

    /** What the text says about contrast, null when no row matches it. */
    public Contrast of(String text) {
        if (text == null) return null;
        for (Pattern p : patterns) if (p.glob().matches(text)) return p.contrast();
        return null;
    }

    public List<Pattern> patterns() { return patterns; }
}
