package org.alaraaudit.report.excel;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditProgress;
import org.alaraaudit.audit.AuditRequest;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.AuditRun;

/**
 * Writes the workbook of a real scan log for looking at by eye (not a test):
 * {@code java -cp target/classes:target/test-classes:CP org.alaraaudit.report.excel.WorkbookDemo OUT.xlsx [PERIOD] INPUT...}.
 */
public final class WorkbookDemo {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        AuditPeriod period = args[1].equals("all") ? AuditPeriod.WHOLE_INPUT
                : AuditPeriod.month(java.time.YearMonth.parse(args[1]));
        List<Path> inputs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) inputs.add(Path.of(args[i]));
        AuditRequest req = new AuditRequest(inputs, period, null, null, "Demo Children's Hospital", Instant.now(),
                ZoneOffset.UTC, AuditFixture.SECRET, 250_000);
        AuditResult r = new AuditRun(AuditFixture.DEFAULT_RULES, "demo").run(req, AuditProgress.NONE);
        long t = System.nanoTime();
        ExcelReport.write(r, out);
        System.out.printf("%d findings, %d rejected, %d protocols, %d DRL groups -> %s in %d ms%n", r.findings().size(),
                r.rejected().size(), r.protocols().size(), r.drlGroups().size(), out, (System.nanoTime() - t) / 1_000_000);
    }
}
