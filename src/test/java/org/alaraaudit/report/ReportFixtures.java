package org.alaraaudit.report;

import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.aggregate.ComplianceFigures;
import org.alaraaudit.audit.aggregate.DrlGroup;
import org.alaraaudit.audit.PreviousPeriod;
import org.alaraaudit.model.Finding;

/**
 * A small real audit and copies of its result as the history store and an identifier-less export would make
 * them: with a previous period, or with inputs that had no patient identifier.
 */
public final class ReportFixtures {
    /** The previous period's figures the copies carry: round numbers, so a test can say what the change must be. */
    public static final long PREV_STUDIES = 10;
    public static final long PREV_PEDIATRIC = 9;
    public static final double PREV_COMPLIANCE = 0.5;
    public static final double PREV_REPEAT_RATE = 0.2;
    public static final long PREV_MAJOR = 7;
    public static final double PREV_DRL_MEDIAN = 21.0;
    public static final double PREV_DRL_RATIO = 0.42;

    private ReportFixtures() {}

    /** Twelve children's head CTs (a DRL group), an adult protocol on a child, a repeat, an unmapped protocol. */
    public static AuditResult audit(Path dir) {
        AuditFixture f = new AuditFixture();
        for (int i = 0; i < 12; i++) {
            f.row("patient_id", "MRN-H" + i, "accession_number", "H" + i, "study_datetime",
                    String.format("2026-10-%02dT09:00:00", i + 2), "protocol_name", "PED HEAD 5-10Y",
                    "target_region", "HEAD", "phantom", "16", "ctdivol_mgy", String.valueOf(30 + i), "dlp_mgycm", "500");
        }
        f.row("patient_id", "MRN-A", "accession_number", "A1", "protocol_name", "ADULT CHEST ROUTINE",
                "ctdivol_mgy", "12.0", "dlp_mgycm", "400");
        f.row("patient_id", "MRN-R", "accession_number", "R1", "study_datetime", "2026-10-20T08:00:00");
        f.row("patient_id", "MRN-R", "accession_number", "R2", "study_datetime", "2026-10-20T18:30:00");
        f.row("patient_id", "MRN-X", "accession_number", "X1", "protocol_name", "LOCAL ODD SCAN");
        return f.audit(dir);
    }

    public static ComplianceFigures previousFigures() {
        Map<String, Long> severity = new LinkedHashMap<>();
        severity.put("CRITICAL", 0L);
        severity.put("MAJOR", PREV_MAJOR);
        severity.put("MINOR", 2L);
        severity.put("INFO", 1L);
        return new ComplianceFigures(PREV_STUDIES, PREV_PEDIATRIC, 12, Map.of("CT", PREV_STUDIES), PREV_STUDIES, PREV_PEDIATRIC,
                2, PREV_COMPLIANCE, 2, PREV_REPEAT_RATE, Map.of(), severity, Map.of(), Map.of(), Map.of(), Map.of(), null);
    }

    /** The first DRL group of the result as it was in the previous period, with another median and ratio. */
    public static DrlGroup previousGroup(DrlGroup g) {
        return new DrlGroup(g.facility(), g.examType(), g.band(), g.quantity(), g.n(), PREV_DRL_MEDIAN, g.p75(), g.drl(),
                PREV_DRL_RATIO, g.status(), g.source(), g.phantomCm(), g.studies(), g.drlSet(), g.drlPhantomCm(), g.note(), g.examName(), null);
    }

    public static PreviousPeriod previousPeriod(AuditResult r) {
        List<DrlGroup> groups = new ArrayList<>();
        if (!r.drlGroups().isEmpty()) groups.add(previousGroup(r.drlGroups().get(0)));
        // a group of another facility: it must not be matched to any group of this period
        if (!r.drlGroups().isEmpty()) {
            DrlGroup g = r.drlGroups().get(0);
            groups.add(new DrlGroup("Elsewhere", g.examType(), g.band(), g.quantity(), 3, 999.0, null, g.drl(), 9.99,
                    "INSUFFICIENT_SAMPLE", g.source(), g.phantomCm(), 3, g.drlSet(), g.drlPhantomCm(), null, g.examName(), null));
        }
        return new PreviousPeriod(AuditPeriod.month(YearMonth.of(2026, 9)), Instant.parse("2026-10-01T07:00:00Z"), "test",
                r.run().ruleSetDigest(), previousFigures(), groups);
    }

    public static AuditResult withPrevious(AuditResult r) {
        return copy(r, previousPeriod(r), r.findings(), r.filesWithoutPatientIdentifiers());
    }

    /** As if the input had no patient identifier column: no repeats or cumulative doses could be found. */
    public static AuditResult withoutPatientIdentifiers(AuditResult r) {
        List<Finding> kept = r.findings().stream()
                .filter(f -> !f.ruleId().equals("REPEAT_STUDY") && !f.ruleId().equals("CUMULATIVE_DOSE")).toList();
        return copy(r, null, org.alaraaudit.model.Findings.of(kept), List.of("scan-log.csv"));
    }

    /** -Dreport.keep=DIR keeps a copy of a file a test wrote, to look at it. */
    public static void keep(Path file) throws java.io.IOException {
        String keep = System.getProperty("report.keep");
        if (keep == null || keep.isBlank()) return;
        java.nio.file.Files.createDirectories(Path.of(keep));
        java.nio.file.Files.copy(file, Path.of(keep).resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    public static AuditResult copy(AuditResult r, PreviousPeriod p, org.alaraaudit.model.Findings findings, List<String> noIds) {
        return r.toBuilder().previousPeriod(p).findings(findings).filesWithoutPatientIdentifiers(noIds)
                .reviews(AuditResult.Reviews.NONE).events(org.alaraaudit.audit.aggregate.PeriodEvents.NONE).build();
    }
}
