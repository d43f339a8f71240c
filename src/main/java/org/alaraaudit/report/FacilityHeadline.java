package org.alaraaudit.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.audit.aggregate.FacilityFigures;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;

/**
 * One facility's headline of the period, as every report gives it: its figures, its CRITICAL and MAJOR findings and
 * its DRL groups above the DRL of those judged. A registry compares its sites on these; computed once here so the PDF,
 * the workbook and findings.json cannot disagree.
 */
public record FacilityHeadline(FacilityFigures figures, long critical, long major, long drlGroupsAbove, long drlGroupsJudged) {

    /** The period's facilities in the order of its figures. */
    public static List<FacilityHeadline> of(AuditResult result) {
        Map<String, long[]> serious = new HashMap<>();
        for (Finding f : result.findings()) {
            if (!f.severity().atLeast(Severity.MAJOR)) continue;
            serious.computeIfAbsent(f.facility(), k -> new long[2])[f.severity() == Severity.CRITICAL ? 0 : 1]++;
        }
        Map<String, long[]> drl = new HashMap<>();
        for (DrlGroup g : result.drlGroups()) {
            long[] n = drl.computeIfAbsent(g.facility(), k -> new long[2]);
            if (g.above()) n[0]++;
            if (g.judged()) n[1]++;
        }
        List<FacilityHeadline> out = new ArrayList<>();
        for (FacilityFigures site : result.figures().facilities()) {
            long[] s = serious.getOrDefault(site.facility(), new long[2]);
            long[] d = drl.getOrDefault(site.facility(), new long[2]);
            out.add(new FacilityHeadline(site, s[0], s[1], d[0], d[1]));
        }
        return out;
    }

    public String facility() { return figures.facility(); }
}
