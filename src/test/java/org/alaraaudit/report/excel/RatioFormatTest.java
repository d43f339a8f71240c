package org.alaraaudit.report.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A ratio to a DRL as the workbook shows it: a median just below its DRL reads below it, as in the PDF ("0.999"),
 * not "1.00" beside the words "at or below"; other ratios keep two decimals.
 */
class RatioFormatTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0.999,0.999", "1,1.00", "1.13,1.13", "0.761,0.761", "1.5,1.50", "1.0004,1.00", "0.9996,1.00"})
    void aRatioShowsItsThirdDecimalOnlyWhereItHasOne(double ratio, String shown) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            Cell c = wb.createSheet("DRL").createRow(0).createCell(0);
            c.setCellValue(ratio);
            c.setCellStyle(styles.ratio);
            assertEquals(shown, new DataFormatter(Locale.ROOT).formatCellValue(c));
        }
    }
}
