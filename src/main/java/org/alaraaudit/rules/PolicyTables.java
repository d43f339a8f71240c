package org.alaraaudit.rules;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.alaraaudit.dosimetry.KFactorTable;
import org.alaraaudit.dosimetry.MarrowDoseCoefficients;
import org.alaraaudit.dosimetry.SsdeCoefficients;
import org.alaraaudit.model.ImagingAlternative;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.alaraaudit.model.Glob;
import org.alaraaudit.model.TableException;
import org.alaraaudit.scanlog.Exclusions;

/**
 * Every table under {@code rules/tables}, parsed and checked before any row is audited. When the folder has a
 * thresholds workbook ({@code thresholds.drl.xlsx}) its values are laid over the CSV tables it edits;
 * {@link #thresholds()} says which, for {@code rules validate} and the report's methodology. A site's folder also
 * carries {@link #siteValueChanges()}: numbers changed under a built-in row's citation (none for the built-in rules).
 */
public record PolicyTables(Policy policy, ProtocolCatalog catalog, Exclusions exclusions,
                           NotificationValues notificationValues, ReferenceLevels referenceLevels,
                           KFactorTable kFactors, MarrowDoseCoefficients marrowCoefficients,
                           SsdeCoefficients ssdeCoefficients, CumulativeDoseLevels cumulativeDose,
                           List<ImagingAlternative> alternatives, ThresholdChanges thresholds, SeriesKinds seriesKinds,
                           ContrastPatterns contrastPatterns, ReferenceTables references,
                           ProjectionReferenceLevels projectionLevels, List<SiteValueChange> siteValueChanges) {

    public static PolicyTables load(Path dir) { return load(dir, TableSource.AS_WRITTEN); }

    /** As {@link #load(Path)}, each CSV table read through {@code source}. */
    static PolicyTables load(Path dir, TableSource source) {
        if (!Files.isDirectory(dir)) throw new TableException(dir.toString(), 0, "the tables folder is missing");
        ThresholdWorkbook.Tables csv = ThresholdWorkbook.readCsv(dir, source);
        // The CSV tables are checked as they stand first: an error in one names its own line, even where the
        // workbook would overwrite the value.
        Policy policy = Policy.from(csv.settings());
        ProtocolCatalog catalog = ProtocolCatalog.from(csv.catalog());
        NotificationValues nv = NotificationValues.from(csv.notifications());
        CumulativeDoseLevels cumulative = CumulativeDoseLevels.from(csv.cumulative());
        ThresholdChanges thresholds = ThresholdChanges.NONE;
        Path workbook = dir.resolve(ThresholdWorkbook.FILE);
        if (Files.isRegularFile(workbook)) {
            ThresholdWorkbook.Applied applied = ThresholdWorkbook.apply(workbook, csv);
            thresholds = applied.changes();
            if (applied.tables() != csv) {
                try {
                    policy = Policy.from(applied.tables().settings());
                    catalog = ProtocolCatalog.from(applied.tables().catalog());
                    nv = NotificationValues.from(applied.tables().notifications());
                    cumulative = CumulativeDoseLevels.from(applied.tables().cumulative());
                } catch (TableException e) {
                    throw new ThresholdWorkbookException(ThresholdWorkbook.FILE, List.of(ThresholdWorkbook.FILE
                            + ": its values make a CSV table invalid: " + e.getMessage()));
                }
            }
        }
        catalog.checkNotificationCategories(nv);
        nv = nv.dedicatedTo(catalog.notificationCategories());
        TableFile ex = table(dir, source, "exclusions.csv", "column", "pattern", "reason");
        List<Exclusions.Exclusion> exclusions = new ArrayList<>();
        for (TableFile.Row r : ex.rows()) {
            exclusions.add(new Exclusions.Exclusion(r.required("column"), new Glob(r.required("pattern")), r.required("reason")));
        }
        List<TableFile> drl = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("drl-.*\\.csv")).sorted().toList()) {
                drl.add(source.read(p, p.getFileName().toString(), "drl_set", "exam_type", "target_regions",
                        "band_type", "band", "age_min_years", "age_max_years", "weight_min_kg", "weight_max_kg",
                        "phantom_cm", "ctdivol_mgy", "dlp_mgycm", "source"));
            }
        } catch (IOException e) {
            throw new TableException(dir.toString(), 0, "cannot be listed: " + e.getMessage());
        }
        ReferenceLevels levels = ReferenceLevels.from(drl);
        if (!levels.setNames().contains(policy.getDrlSet())) {
            throw new TableException(Policy.FILE, 0, "drl_set '" + policy.getDrlSet() + "' has no table drl-*.csv; available: "
                    + String.join(", ", levels.setNames()));
        }
        String kFactorDataset = policy.getKFactorDataset();
        KFactorTable kFactors = dosimetry(dir, "k-factors.csv", (r, f) -> KFactorTable.read(r, f, kFactorDataset));
        MarrowDoseCoefficients marrow = dosimetry(dir, "marrow-dose-coefficients.csv", MarrowDoseCoefficients::read);
        SsdeCoefficients ssde = dosimetry(dir, "ssde-coefficients.csv", SsdeCoefficients::read);
        List<ImagingAlternative> alternatives = ImagingAlternatives.from(table(dir, source, ImagingAlternatives.FILE, ImagingAlternatives.COLUMNS));
        // Optional: a rules folder from before the table existed classifies stationary series by dose level alone.
        Path kinds = dir.resolve(SeriesKinds.FILE);
        SeriesKinds seriesKinds = SeriesKinds.from(Files.isRegularFile(kinds) ? table(dir, source, SeriesKinds.FILE, SeriesKinds.COLUMNS) : null,
                policy.getBolusTrackingMaxCtdivolMgy());
        nv = nv.withPhantomRatio(policy.getPhantomRatio16To32());
        catalog = catalog.withPhantomRatio(policy.getPhantomRatio16To32());
        ReferenceTables references = ReferenceTables.load(dir, source);
        return new PolicyTables(policy, catalog, new Exclusions(exclusions), nv, levels, kFactors, marrow, ssde, cumulative,
                alternatives, thresholds, seriesKinds, ContrastPatterns.load(dir), references,
                ProjectionReferenceLevels.load(dir, references, source), List.of());
    }

    /**
     * These tables with the numbers a site changed under a built-in row's source and status ({@link SiteValueChanges}):
     * {@code rules validate} warns of each, and the report shows them as the site's values.
     */
    public PolicyTables withSiteValueChanges(List<SiteValueChange> changes) {
        return new PolicyTables(policy, catalog, exclusions, notificationValues, referenceLevels, kFactors, marrowCoefficients,
                ssdeCoefficients, cumulativeDose, alternatives, thresholds, seriesKinds, contrastPatterns, references,
                projectionLevels, List.copyOf(changes));
    }

    /** The dosimetry tables have their own readers; they report errors as TableException with file and line. */
    private static <T> T dosimetry(Path dir, String name, BiFunction<Reader, String, T> reader) {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) throw new TableException(name, 0, "the table is missing");
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            return reader.apply(r, name);
        } catch (IOException e) {
            throw new TableException(name, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static TableFile table(Path dir, TableSource source, String name, String... columns) {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) throw new TableException(name, 0, "the table is missing");
        return source.read(p, name, columns);
    }
}
