package org.alaraaudit.report.excel;

import java.util.List;
import org.alaraaudit.audit.aggregate.PeriodEvents;
import org.alaraaudit.report.Cells;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Every audited irradiation event of the period, one row each, pseudonymised: the table OpenREM users export to
 * build their own pivots. Streamed row by row from the audit's temporary file into a streamed sheet, continuing on
 * "Events (2)" past Excel's row limit. Only in the working copy: it lists patients by pseudonym and age.
 */
final class EventsSheet {
    static final String NAME = "Events";
    static final List<Column> COLUMNS = List.of(Column.of("facility", 18), Column.of("station", 14),
            Column.of("manufacturer", 20), Column.of("model", 18), Column.of("accession number", 16),
            Column.of("study date", 17), Column.of("pseudonym", 14), Column.num("age (years)", 8), Column.of("sex", 5),
            Column.of("pediatric", 9), Column.of("modality", 9), Column.of("protocol (as logged)", 26),
            Column.of("standard protocol", 26), Column.of("region", 22), Column.of("acquisition type", 17),
            Column.of("contrast", 16), Column.num("kVp", 6), Column.num("mAs", 8), Column.num("CTDIvol (mGy)", 9),
            Column.num("phantom (cm)", 8), Column.num("DLP (mGy·cm)", 10), Column.num("SSDE (mGy)", 9),
            Column.of("SSDE from", 10), Column.num("DAP (Gy·cm²)", 10));

    private EventsSheet() {}

    static Table write(Workbook wb, Styles styles, PeriodEvents events, int rowsPerSheet) {
        Table t = new Table(wb, styles, NAME, COLUMNS, rowsPerSheet).open();
        for (PeriodEvents.Event e : events) {
            t.row().text(e.facility()).text(e.stationName()).text(e.manufacturer()).text(e.model()).text(e.accessionNumber())
                    .dateTime(e.studyDatetime()).text(e.patientRef()).number(Cells.age(e.ageYears()), styles.decimal)
                    .text(e.sex()).text(e.pediatric() ? "yes" : "no").text(e.modality()).text(e.protocolName())
                    .text(e.standardProtocol()).text(e.targetRegion()).text(e.acquisitionType()).text(e.contrast())
                    .decimal(e.kvp()).decimal(e.mas()).decimal(e.ctdivolMgy())
                    .number(e.phantomCm() == null ? null : (double) e.phantomCm(), styles.integer).decimal(e.dlpMgycm())
                    .decimal(Cells.rounded(e.ssdeMgy(), 2)).text(e.ssdeMgy() == null ? null : e.ssdeEstimated() ? "estimated" : "logged")
                    .decimal(e.dapGycm2());
        }
        t.finish();
        return t;
    }
}
