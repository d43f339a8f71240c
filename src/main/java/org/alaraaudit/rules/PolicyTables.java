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

/** Every table under {@code rules/tables}, parsed and checked before any row is audited. */
public record PolicyTables(Policy policy, ProtocolCatalog catalog, Exclusions exclusions,
                           NotificationValues notificationValues, ReferenceLevels referenceLevels,
                           KFactorTable kFactors, MarrowDoseCoefficients marrowCoefficients,
                           SsdeCoefficients ssdeCoefficients, CumulativeDoseLevels cumulativeDose,
                           List<ImagingAlternative> alternatives) {

    public static PolicyTables load(Path dir) {
        if (!Files.isDirectory(dir)) throw new TableException(dir.toString(), 0, "the tables folder is missing");
        Policy policy = Policy.from(table(dir, Policy.FILE, "key", "value", "source"));
        ProtocolCatalog catalog = ProtocolCatalog.from(table(dir, ProtocolCatalog.FILE, ProtocolCatalog.columns()));
        TableFile ex = table(dir, "exclusions.csv", "column", "pattern", "reason");
        List<Exclusions.Exclusion> exclusions = new ArrayList<>();
        for (TableFile.Row r : ex.rows()) {
            exclusions.add(new Exclusions.Exclusion(r.required("column"), new Glob(r.required("pattern")), r.required("reason")));
        }
        NotificationValues nv = NotificationValues.from(table(dir, NotificationValues.FILE, "category", "target_regions",
                "acquisition_types", "age_min_years", "age_max_years", "phantom_cm", "ctdivol_mgy", "source"));
        List<TableFile> drl = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("drl-.*\\.csv")).sorted().toList()) {
                drl.add(TableFile.read(p, p.getFileName().toString(), "drl_set", "exam_type", "target_regions",
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
        KFactorTable kFactors = dosimetry(dir, "k-factors.csv", (r, f) -> KFactorTable.read(r, f, policy.getKFactorDataset()));
        MarrowDoseCoefficients marrow = dosimetry(dir, "marrow-dose-coefficients.csv", MarrowDoseCoefficients::read);
        SsdeCoefficients ssde = dosimetry(dir, "ssde-coefficients.csv", SsdeCoefficients::read);
        CumulativeDoseLevels cumulative = CumulativeDoseLevels.from(table(dir, CumulativeDoseLevels.FILE, CumulativeDoseLevels.COLUMNS));
        List<ImagingAlternative> alternatives = ImagingAlternatives.from(table(dir, ImagingAlternatives.FILE, ImagingAlternatives.COLUMNS));
        return new PolicyTables(policy, catalog, new Exclusions(exclusions), nv, levels, kFactors, marrow, ssde, cumulative,
                alternatives);
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

    private static TableFile table(Path dir, String name, String... columns) {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) throw new TableException(name, 0, "the table is missing");
        return TableFile.read(p, name, columns);
    }
}
