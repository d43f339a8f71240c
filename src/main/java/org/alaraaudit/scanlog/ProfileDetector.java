package org.alaraaudit.scanlog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the profile a file is read with from its header: the profile the user named, or among the shipped
 * ones the one whose required columns are all there and which uses most of the header. When none fits, the
 * message shows what was found and what the closest profile still needs, because the next step is either
 * renaming a column or writing a profile.
 */
final class ProfileDetector {
    private static final int COLUMNS_SHOWN = 40;

    private ProfileDetector() {}

    static HeaderMatch choose(String fileName, List<String> header, MappingProfile named, List<MappingProfile> candidates) {
        if (named != null) {
            HeaderMatch m = new HeaderMatch(named, header);
            if (!m.fits()) {
                throw new ScanLogException(fileName + ": the columns do not fit profile " + named.name() + ": missing "
                        + String.join("; ", m.missing()) + ". Columns found: " + shown(header) + ".");
            }
            return m;
        }
        List<HeaderMatch> matches = new ArrayList<>();
        for (MappingProfile p : candidates) matches.add(new HeaderMatch(p, header));
        HeaderMatch best = null;
        for (HeaderMatch m : matches) {
            if (m.fits() && (best == null || m.matched() > best.matched())) best = m;
        }
        if (best != null) return best;
        HeaderMatch closest = matches.stream()
                .min(Comparator.comparingInt((HeaderMatch m) -> m.missing().size()).thenComparing(m -> -m.matched()))
                .orElseThrow();
        throw new ScanLogException(fileName + ": the columns fit no known layout. Closest: profile "
                + closest.profile().name() + " (" + closest.profile().title() + "), which needs "
                + String.join("; ", closest.missing()) + ". Columns found: " + shown(header)
                + ". Rename the columns to the canonical names, name a profile with --profile, or write a profile"
                + " for this export (see docs/input-formats.md).");
    }

    private static String shown(List<String> header) {
        List<String> names = new ArrayList<>();
        for (String h : header) if (!h.isBlank()) names.add(h.trim());
        if (names.isEmpty()) return "(none)";
        if (names.size() <= COLUMNS_SHOWN) return String.join(", ", names);
        return String.join(", ", names.subList(0, COLUMNS_SHOWN)) + " and " + (names.size() - COLUMNS_SHOWN) + " more";
    }
}
