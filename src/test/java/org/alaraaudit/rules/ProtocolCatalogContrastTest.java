package org.alaraaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.alaraaudit.model.CatalogEntry;
import org.alaraaudit.model.Contrast;
import org.alaraaudit.model.TableException;
import org.junit.jupiter.api.Test;

/** A catalog row may name the exam's contrast; a catalog written before that column still reads as it did. */
class ProtocolCatalogContrastTest {
    private static final String HEADER = "pattern,station_name,standard_name,population,target_region,contrast,min_age_years,"
            + "max_age_years,min_weight_kg,max_weight_kg,expected_ctdivol_min_mgy,expected_ctdivol_max_mgy,expected_dlp_min_mgycm,"
            + "expected_dlp_max_mgycm,source,status\n";

    private static ProtocolCatalog catalog(String csv) {
        return ProtocolCatalog.from(TableFile.read(new StringReader(csv), ProtocolCatalog.FILE, ProtocolCatalog.requiredColumns()));
    }

    private static String standard(ProtocolCatalog c, Contrast contrast) {
        return c.match("PED CHEST 10-15Y V2", null, contrast).map(CatalogEntry::standardName).orElse(null);
    }

    @Test
    void aRowWithContrastTakesOnlyExamsWithContrastAndTheRowBelowTakesTheOthers() {
        ProtocolCatalog c = catalog(HEADER
                + "PED CHEST 10-15Y*,,PED CHEST 10-15Y C+,PEDIATRIC,CHEST,with,10,15,,,1.8,7.2,68,272,DRL with contrast,secondary\n"
                + "PED CHEST 10-15Y*,,PED CHEST 10-15Y,PEDIATRIC,CHEST,,10,15,,,1.025,4.1,32,128,DRL without contrast,secondary\n");
        assertEquals("PED CHEST 10-15Y C+", standard(c, Contrast.WITH));
        assertEquals("PED CHEST 10-15Y", standard(c, Contrast.WITHOUT));
        assertEquals("PED CHEST 10-15Y", standard(c, null), "contrast not known");
        assertEquals("PED CHEST 10-15Y", standard(c, Contrast.BOTH), "done both ways: no one contrast's range");
    }

    @Test
    void aRowWithoutContrastTakesNoExamWithIt() {
        ProtocolCatalog c = catalog(HEADER
                + "PED CHEST 10-15Y*,,PED CHEST 10-15Y,PEDIATRIC,CHEST,without,10,15,,,1.025,4.1,32,128,DRL without contrast,secondary\n");
        assertEquals("PED CHEST 10-15Y", standard(c, Contrast.WITHOUT));
        assertEquals(null, standard(c, Contrast.WITH));
        assertEquals(null, standard(c, null));
    }

    @Test
    void aCatalogWithoutTheContrastColumnReadsAndTakesEveryExam() {
        ProtocolCatalog c = catalog(HEADER.replace("target_region,contrast,", "target_region,")
                + "PED CHEST 10-15Y*,,PED CHEST 10-15Y,PEDIATRIC,CHEST,10,15,,,1.025,4.1,32,128,DRL without contrast,secondary\n");
        assertEquals("PED CHEST 10-15Y", standard(c, Contrast.WITH));
        assertEquals(4.1, c.entries().get(0).expectedCtdivolMaxMgy());
    }

    @Test
    void aContrastOtherThanWithOrWithoutIsRefusedNamingItsLineAndColumn() {
        TableException e = assertThrows(TableException.class, () -> catalog(HEADER
                + "PED CHEST 10-15Y*,,PED CHEST 10-15Y,PEDIATRIC,CHEST,both,10,15,,,1.025,4.1,32,128,DRL,secondary\n"));
        assertTrue(e.getMessage().startsWith("protocol-catalog.csv:2: column contrast: \"both\""), e.getMessage());
        TableException typo = assertThrows(TableException.class, () -> catalog(HEADER
                + "PED CHEST 10-15Y*,,PED CHEST 10-15Y,PEDIATRIC,CHEST,yes,10,15,,,1.025,4.1,32,128,DRL,secondary\n"));
        assertTrue(typo.getMessage().contains("\"yes\""), typo.getMessage());
    }
}
