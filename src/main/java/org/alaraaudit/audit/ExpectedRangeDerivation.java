package org.alaraaudit.audit;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.alaraaudit.audit.aggregate.LocalProtocolDoses;
import org.alaraaudit.model.CatalogEntry;
import org.alaraaudit.model.Contrast;
import org.alaraaudit.model.Range;
import org.alaraaudit.rules.ProtocolCatalog;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Proposes expected CTDIvol ranges from a site's own history (The Joint Commission PI.02.01.01 EP 6 asks each site
 * to set its ranges): per station, standard protocol and phantom, the 5th to 95th percentile of CTDIvol per
 * diagnostic acquisition, as rows of the protocol catalog for the safety officer to review and adopt. The shipped
 * catalog stays the authority until rows are adopted; population, region, age and weight ranges and the DLP range
 * are taken from the catalog row the protocol has today, since the history store keeps no DLP per protocol.
 */
public final class ExpectedRangeDerivation {
    /** Percentiles of the proposed range. */
    public static final double LOW = 0.05;
    public static final double HIGH = 0.95;

    /** One proposed catalog row, by column name. */
    public record Proposal(String stationName, String standardProtocol, int phantomCm, int studies, Map<String, String> row) {}

    /** What was derived, and each group that was not with why. */
    public record Result(List<Proposal> proposals, List<String> notes) {}

    private final ProtocolCatalog catalog;
    private final int minStudies;

    public ExpectedRangeDerivation(ProtocolCatalog catalog, int minStudies) {
        if (minStudies < 1) throw new IllegalArgumentException("the minimum number of studies must be at least 1");
        this.catalog = catalog;
        this.minStudies = minStudies;
    }

    /** {@code groups} in station, protocol, phantom order, as {@code ProtocolDoseQuery} reads them. */
    public Result derive(List<LocalProtocolDoses> groups) {
        Map<String, List<LocalProtocolDoses>> byProtocol = new LinkedHashMap<>();
        for (LocalProtocolDoses g : groups) {
            byProtocol.computeIfAbsent(g.stationName() + "\u001f" + g.standardProtocol(), k -> new ArrayList<>()).add(g);
        }
        List<Proposal> proposals = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (List<LocalProtocolDoses> phantoms : byProtocol.values()) {
            LocalProtocolDoses chosen = null;
            for (LocalProtocolDoses g : phantoms) {
                if (g.withContrastLeftOut() + g.contrastNotKeptLeftOut() > 0) notes.add(contrastLeftOut(g));
                if (g.studies() == 0) {
                    continue; // every study left out for its contrast, which its own note says
                } else if (g.studies() < minStudies) {
                    notes.add(String.format(Locale.ROOT, "%s on %s, %d cm phantom: %d stud%s, fewer than %d; no range proposed",
                            g.standardProtocol(), g.stationName(), g.phantomCm(), g.studies(), g.studies() == 1 ? "y" : "ies", minStudies));
                } else if (chosen == null || g.studies() > chosen.studies()) {
                    if (chosen != null) notes.add(otherPhantom(chosen, g));
                    chosen = g;
                } else {
                    notes.add(otherPhantom(g, chosen));
                }
            }
            if (chosen == null) continue;
            Optional<CatalogEntry> entry = entryFor(chosen);
            if (entry.isEmpty()) {
                notes.add(String.format(Locale.ROOT, "%s on %s: no catalog row matches it; add the protocol to the catalog first (%s)",
                        chosen.standardProtocol(), chosen.stationName(), studies(chosen.studies())));
                continue;
            }
            proposals.add(new Proposal(chosen.stationName(), chosen.standardProtocol(), chosen.phantomCm(), chosen.studies(),
                    row(chosen, entry.get())));
            String above = aboveCatalog(chosen, entry.get());
            if (above != null) notes.add(chosen.standardProtocol() + " on " + chosen.stationName() + ": " + above);
        }
        // First matching row wins: a row of one contrast must come before a row of the same name that takes any exam,
        // or pasted above the shipped rows it would never be reached (its exams held to the other range).
        proposals.sort(java.util.Comparator.comparing((Proposal p) -> p.row().getOrDefault("contrast", "").isEmpty()));
        return new Result(List.copyOf(proposals), List.copyOf(notes));
    }

    /**
     * Whether the catalog now holds this protocol's exams with contrast to a row of their own while the protocol's
     * row takes the others: its stored values of exams with contrast (stored before that row existed), and those
     * whose contrast the store did not keep, do not belong in the range of its row (ProtocolDoseQuery leaves them out).
     */
    public boolean withContrastApart(String stationName, String standardProtocol) {
        return withContrastRow(stationName, standardProtocol).isPresent();
    }

    /** The row of the same pattern for exams with contrast, where the protocol's own row takes any exam. */
    private Optional<CatalogEntry> withContrastRow(String stationName, String standardProtocol) {
        Optional<CatalogEntry> own = entryFor(stationName, standardProtocol);
        if (own.isEmpty() || own.get().contrast() != null) return Optional.empty();
        CatalogEntry o = own.get();
        // First matching row wins: a with-contrast row below the protocol's own row never takes its exams.
        for (CatalogEntry e : catalog.entries()) {
            if (e.line() >= o.line()) break;
            if (e.contrast() == Contrast.WITH && e.pattern().toString().equals(o.pattern().toString())
                    && (e.stationName() == null || e.stationName().equalsIgnoreCase(stationName))) return Optional.of(e);
        }
        return Optional.empty();
    }

    private String contrastLeftOut(LocalProtocolDoses g) {
        String withRow = withContrastRow(g.stationName(), g.standardProtocol()).map(CatalogEntry::standardName)
                .orElse("a row of its own");
        List<String> parts = new ArrayList<>();
        if (g.withContrastLeftOut() > 0) parts.add(studies(g.withContrastLeftOut()) + " with contrast");
        if (g.contrastNotKeptLeftOut() > 0) {
            parts.add(studies(g.contrastNotKeptLeftOut()) + " stored before the history store kept each exam's contrast (either contrast)");
        }
        return String.format(Locale.ROOT, "%s on %s, %d cm phantom: %s left out; the catalog holds its exams with contrast to %s",
                g.standardProtocol(), g.stationName(), g.phantomCm(), String.join(" and ", parts), withRow);
    }

    private static String studies(int n) { return n + (n == 1 ? " study" : " studies"); }

    /**
     * A proposed upper end above the one the catalog row has today (for a pediatric row, the DRL of its band): a
     * site that over-doses derives a range that confirms the over-dose, and adopting it would stop flagging the
     * doses the audit flags today. Null when it is not above.
     */
    private static String aboveCatalog(LocalProtocolDoses g, CatalogEntry e) {
        Double today = e.expectedCtdivolMaxMgy();
        double high = e.onRangePhantom(g.ctdivol().quantile(HIGH), g.phantomCm());
        if (today == null || Double.parseDouble(number(high)) <= today) return null;
        return String.format(Locale.ROOT, "proposed upper end %s mGy is above the catalog's %s mGy (line %d): adopting it would stop"
                + " flagging doses the audit flags today; review against the DRL before adopting", number(high), number(today), e.line());
    }

    private static String leftOut(LocalProtocolDoses g) {
        int n = g.withContrastLeftOut() + g.contrastNotKeptLeftOut();
        return n == 0 ? "" : " " + studies(n) + " with contrast or of contrast not kept left out (the catalog holds exams with contrast to a row of their own);";
    }

    /** A catalog row holds one range whatever the phantom, so values on two phantoms are never mixed: the larger group wins. */
    private static String otherPhantom(LocalProtocolDoses dropped, LocalProtocolDoses kept) {
        return String.format(Locale.ROOT, "%s on %s: %d studies on the %d cm phantom left out; the range is proposed from the %d studies on the %d cm phantom",
                dropped.standardProtocol(), dropped.stationName(), dropped.studies(), dropped.phantomCm(), kept.studies(), kept.phantomCm());
    }

    /**
     * The catalog row the stored standard protocol comes from: the row that names it for this station or for all, else
     * (a name kept as the device named it) the first row whose pattern matches the name.
     */
    private Optional<CatalogEntry> entryFor(LocalProtocolDoses g) { return entryFor(g.stationName(), g.standardProtocol()); }

    private Optional<CatalogEntry> entryFor(String stationName, String standardProtocol) {
        for (CatalogEntry e : catalog.entries()) {
            if (e.standardName() != null && e.standardName().equalsIgnoreCase(standardProtocol)
                    && (e.stationName() == null || e.stationName().equalsIgnoreCase(stationName))) return Optional.of(e);
        }
        // A standard name kept as the device named it: no row named it; the row an exam of unknown contrast takes.
        return catalog.match(standardProtocol, stationName, null);
    }

    private Map<String, String> row(LocalProtocolDoses g, CatalogEntry e) {
        boolean named = e.standardName() != null && e.standardName().equalsIgnoreCase(g.standardProtocol());
        // On the phantom the catalog row's range refers to (CatalogEntry#rangePhantomCm), as the audit judges it: a
        // child's body protocol logged on 16 cm would otherwise propose a range twice what the audit compares with.
        double low = e.onRangePhantom(g.ctdivol().quantile(LOW), g.phantomCm());
        double high = e.onRangePhantom(g.ctdivol().quantile(HIGH), g.phantomCm());
        String converted = e.converts(g.phantomCm()) ? String.format(Locale.ROOT, ", converted to the range's %d cm phantom with the ratio %s",
                e.rangePhantomCm(), number(e.phantomRatio16To32())) : "";
        Map<String, String> r = new LinkedHashMap<>();
        for (String c : ProtocolCatalog.columns()) r.put(c, "");
        r.put("pattern", named ? e.pattern().toString() : g.standardProtocol());
        r.put("station_name", g.stationName());
        r.put("standard_name", named ? e.standardName() : g.standardProtocol());
        r.put("population", e.population().name());
        r.put("target_region", e.targetRegion() == null ? "" : e.targetRegion().name());
        r.put("contrast", e.contrast() == null ? "" : e.contrast() == Contrast.WITH ? "with" : "without");
        range(r, "min_age_years", "max_age_years", e.ageYears());
        range(r, "min_weight_kg", "max_weight_kg", e.weightKg());
        r.put("expected_ctdivol_min_mgy", number(low));
        r.put("expected_ctdivol_max_mgy", number(high));
        r.put("expected_dlp_min_mgycm", e.expectedDlpMinMgycm() == null ? "" : number(e.expectedDlpMinMgycm()));
        r.put("expected_dlp_max_mgycm", e.expectedDlpMaxMgycm() == null ? "" : number(e.expectedDlpMaxMgycm()));
        boolean dlp = e.expectedDlpMinMgycm() != null || e.expectedDlpMaxMgycm() != null;
        r.put("source", String.format(Locale.ROOT,
                "local policy: derived from local history %d studies %s–%s, P5–P95 of CTDIvol per diagnostic acquisition"
                        + " (%d acquisitions, %d cm phantom%s); %s catalog line %d (the history store keeps no DLP per protocol);"
                        + "%s%s review before adopting: place above the shipped rows",
                g.studies(), g.first(), g.last(), g.ctdivol().size(), g.phantomCm(), converted,
                dlp ? "DLP range as" : "no DLP range, as", e.line(), leftOut(g),
                aboveCatalog(g, e) == null ? "" : " upper end above the catalog's " + number(e.expectedCtdivolMaxMgy()) + " mGy;"));
        r.put("notification_category", e.notificationCategory() == null ? "" : e.notificationCategory());
        r.put("status", "local-policy");
        return r;
    }

    private static void range(Map<String, String> r, String min, String max, Range range) {
        r.put(min, range.min() == null ? "" : number(range.min()));
        r.put(max, range.max() == null ? "" : number(range.max()));
    }

    /** Two decimals at most, no trailing zeros: a CTDIvol range needs no more. */
    static String number(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** The proposals as catalog rows, header first, in the catalog's own column order. */
    public static void write(List<Proposal> proposals, Writer w) throws IOException {
        String[] columns = ProtocolCatalog.columns();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(columns).setRecordSeparator("\n").get();
        CSVPrinter p = new CSVPrinter(w, format);
        for (Proposal proposal : proposals) {
            List<String> values = new ArrayList<>();
            for (String c : columns) values.add(proposal.row().get(c));
            p.printRecord(values);
        }
        p.flush();
    }
}
