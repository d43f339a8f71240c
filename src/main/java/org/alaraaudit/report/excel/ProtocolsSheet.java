package org.alaraaudit.report.excel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alaraaudit.audit.aggregate.DoseSample;
import org.alaraaudit.audit.aggregate.ProtocolStatistics;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Findings;
import org.apache.poi.ss.usermodel.Workbook;

/** Per station and standard protocol: how often it ran, on how many children, its typical doses and its findings. */
final class ProtocolsSheet {
    static final String NAME = "Protocols";
    static final List<Column> COLUMNS = List.of(Column.of("facility", 18), Column.of("station", 16),
            Column.of("standard protocol", 30), Column.num("studies", 9), Column.num("pediatric studies", 10),
            Column.num("CTDIvol n (acquisitions)", 14), Column.num("CTDIvol median (mGy)", 11),
            Column.num("CTDIvol 75th pct (mGy)", 11), Column.num("DLP n (studies)", 10),
            Column.num("DLP median (mGy·cm)", 12), Column.num("DLP 75th pct (mGy·cm)", 12), Column.num("findings", 9));

    private ProtocolsSheet() {}

    static Table write(Workbook wb, Styles styles, List<ProtocolStatistics> protocols, Findings findings,
                       int rowsPerSheet) {
        Map<String, Long> counts = new HashMap<>();
        for (Finding f : findings) counts.merge(key(f.facility(), f.stationName(), f.standardProtocol()), 1L, Long::sum);
        Table t = new Table(wb, styles, NAME, COLUMNS, rowsPerSheet).open();
        for (ProtocolStatistics p : protocols) {
            DoseSample c = p.ctdivol();
            DoseSample d = p.dlp();
            t.row().text(p.facility()).text(p.stationName()).text(p.standardProtocol()).count(p.studies())
                    .count(p.pediatricStudies()).count(c.size()).dose(c.median()).dose(c.p75()).count(d.size())
                    .dose(d.median()).dose(d.p75())
                    .count(counts.getOrDefault(key(p.facility(), p.stationName(), p.standardProtocol()), 0L));
        }
        t.finish();
        return t;
    }

    private static String key(String facility, String station, String protocol) {
        return facility + "\u0000" + station + "\u0000" + protocol;
    }
}
