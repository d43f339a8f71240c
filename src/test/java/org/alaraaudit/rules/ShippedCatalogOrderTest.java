package org.alaraaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alaraaudit.model.CatalogEntry;
import org.alaraaudit.model.Population;
import org.junit.jupiter.api.Test;

/**
 * The shipped protocol catalog never turns a pediatric name into an adult protocol: the first matching row wins,
 * so an adult prefix row ("TRAUMA*", "HEAD ROUTINE*") must not come before the rows of the pediatric words.
 */
class ShippedCatalogOrderTest {
    private static final ProtocolCatalog CATALOG = ProtocolCatalog.from(
            TableFile.read(Path.of("rules", "tables", ProtocolCatalog.FILE), ProtocolCatalog.FILE));

    /** The words by which sites name pediatric protocols. */
    static final List<String> PEDIATRIC_WORDS = List.of("PED", "PEDS", "PEDI", "PEDIATRIC", "PAED", "PAEDS", "PAEDIATRIC",
            "CHILD", "CHILDREN", "INFANT", "INFANTS", "NEONATE", "NEONATAL", "NEONAT", "KIDS");

    private static Population population(String name) {
        Optional<CatalogEntry> e = CATALOG.match(name, "ANY STATION", null);
        return e.map(CatalogEntry::population).orElse(null);
    }

    @Test
    void anyNameWithAPediatricWordMatchesAPediatricOrAnyRow() {
        List<String> wrong = new ArrayList<>();
        for (CatalogEntry row : CATALOG.entries()) {
            String literal = row.pattern().toString().replace("*", " ").trim();
            if (literal.isEmpty()) continue;
            for (String word : PEDIATRIC_WORDS) {
                for (String name : List.of(literal + " " + word, word + " " + literal, literal + "-" + word.toLowerCase())) {
                    Population p = population(name);
                    if (p != Population.PEDIATRIC && p != Population.ANY) wrong.add(name + " -> " + p + " (row " + row.line() + ")");
                }
            }
        }
        assertEquals(List.of(), wrong.subList(0, Math.min(wrong.size(), 12)), wrong.size() + " names");
    }

    @Test
    void aTraumaOrRoutineHeadProtocolNamedForChildrenIsPediatric() {
        assertEquals(Population.PEDIATRIC, population("TRAUMA PEDS"));
        assertEquals(Population.PEDIATRIC, population("HEAD ROUTINE CHILD"));
        assertEquals(Population.ADULT, population("TRAUMA"), "without a pediatric word it stays adult");
        assertEquals(Population.ADULT, population("HEAD ROUTINE"));
    }

    @Test
    void wordsThatOnlyContainAPediatricWordAreNotPediatric() {
        assertEquals(null, population("PEDAL EDEMA"));
        assertEquals(null, population("EXPEDITED CHEST"));
        assertEquals(null, population("KIDNEY STONE"));
        assertEquals(Population.ADULT, population("TRAUMA EXPEDITED"));
    }

    @Test
    void theGenericRowsSitAfterTheSpecificPediatricRowsSoTheseKeepTheirRanges() {
        CatalogEntry e = CATALOG.match("PED CHEST 5-10Y", null, null).orElseThrow();
        assertEquals("PED CHEST 5-10Y", e.standardName());
        assertTrue(e.expectedCtdivolMaxMgy() != null);
    }
}
