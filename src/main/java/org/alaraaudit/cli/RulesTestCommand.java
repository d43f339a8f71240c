package org.alaraaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alaraaudit.audit.check.CaseResult;
import org.alaraaudit.audit.check.CasesUnusable;
import org.alaraaudit.audit.check.RuleCases;
import org.alaraaudit.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alara-audit rules test CASES}: runs the rule test cases ({@link RuleCases}) and prints each case as
 * passed or failed. Exit 0 when every case passes, 1 when one fails, 3 when the cases cannot be read, 4 when
 * the rules cannot be used.
 */
@Command(name = "test",
        description = "Runs rule test cases (a case file or a folder of *.csv case files) and reports each case as passed or failed.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every case passed", "1:a case failed", "2:usage error", "3:the cases cannot be read",
                "4:rules do not compile, a table is invalid or a rule fails"})
public final class RulesTestCommand implements Callable<Integer> {
    static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASES", description = "A case file (CSV) or a folder of them.")
    Path cases;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files;
        try {
            files = RuleCases.files(cases);
        } catch (CasesUnusable e) {
            return unusable(e.getMessage());
        }
        RuleSet rs = RuleSet.load(rules.folder);
        RuleCases harness = new RuleCases(rs, AlaraAudit.version());
        out.printf(Locale.ROOT, "Rules from %s (%s)%n", rs.location(), rs.digest());
        int passed = 0;
        int failed = 0;
        int supporting = 0;
        for (Path f : files) {
            List<CaseResult> results;
            try {
                results = harness.run(f);
            } catch (CasesUnusable e) {
                return unusable(e.getMessage());
            }
            out.printf(Locale.ROOT, "%n%s%n", f.getFileName());
            for (CaseResult r : results) {
                out.printf(Locale.ROOT, "  %s  %-24s fired: %s%n", r.passed() ? "PASSED" : "FAILED", r.accession(),
                        r.fired().isEmpty() ? "(none)" : String.join(", ", r.fired()));
                for (String p : r.problems()) out.printf(Locale.ROOT, "          %s%n", p);
                if (r.supporting()) supporting++;
                else if (r.passed()) passed++;
                else failed++;
            }
        }
        out.printf(Locale.ROOT, "%n%d case%s: %d passed, %d failed%s%n", passed + failed, passed + failed == 1 ? "" : "s", passed, failed,
                supporting == 0 ? "" : "; " + supporting + " supporting stud" + (supporting == 1 ? "y" : "ies") + " with a rejected row");
        out.flush();
        return failed == 0 && supporting == 0 ? ExitCode.OK : FAILED;
    }

    private int unusable(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("alara-audit: input unusable: " + message);
        err.flush();
        return ExitCode.INPUT_UNUSABLE;
    }
}
