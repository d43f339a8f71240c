package org.alaraaudit.report.excel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.model.Finding;

/**
 * Not a test: writes the workbook of the fixture audit with its findings repeated N times, to see memory, time and
 * the continuation past Excel's row limit. {@code java -Xmx512m ... BigWorkbookDemo OUT.xlsx 1100000}
 */
public final class BigWorkbookDemo {
    public static void main(String[] args) throws Exception {
        AuditResult r = ExcelReportTest.audit(Files.createTempDirectory("big"));
        int n = Integer.parseInt(args[1]);
        List<Finding> many = new ArrayList<>(n);
        List<Finding> found = r.findings().stream().toList();
        while (many.size() < n) many.add(found.get(many.size() % found.size()));
        AuditResult big = r.toBuilder().findings(many).filesWithoutPatientIdentifiers(List.of())
                .reviews(AuditResult.Reviews.NONE).events(org.alaraaudit.audit.aggregate.PeriodEvents.NONE).build();
        long t = System.nanoTime();
        ExcelReport.write(big, Path.of(args[0]));
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%d findings in %d ms, heap used %d MB of max %d MB%n", n, (System.nanoTime() - t) / 1_000_000,
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }
}
