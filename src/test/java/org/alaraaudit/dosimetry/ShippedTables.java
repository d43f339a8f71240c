package org.alaraaudit.dosimetry;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;

/** The default policy tables as committed under rules/tables/ (tests run from the project directory). */
final class ShippedTables {
    static final Path DIR = Path.of("rules", "tables");

    private ShippedTables() {}

    static <T> T read(String name, BiFunction<Reader, String, T> reader) {
        Path file = DIR.resolve(name);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return reader.apply(r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KFactorTable kFactors() { return read("k-factors.csv", KFactorTable::read); }

    static KFactorTable kFactors(String dataset) { return read("k-factors.csv", (r, f) -> KFactorTable.read(r, f, dataset)); }

    static MarrowDoseCoefficients marrow() { return read("marrow-dose-coefficients.csv", MarrowDoseCoefficients::read); }

    static SsdeCoefficients ssde() { return read("ssde-coefficients.csv", SsdeCoefficients::read); }
}
