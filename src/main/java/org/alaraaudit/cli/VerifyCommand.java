package org.alaraaudit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alaraaudit.rules.RuleSet;
import org.alaraaudit.scanlog.FileDigest;
import org.alaraaudit.scanlog.MappingProfile;
import org.alaraaudit.scanlog.ProfileCatalog;
import org.alaraaudit.scanlog.ScanLogException;
import org.alaraaudit.scanlog.ScanLogInput;
import org.alaraaudit.scanlog.ScanLogOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alara-audit verify findings.json INPUT...}: recomputes the SHA-256 of the given scan logs and the digest
 * of the rules, and compares them with what a report says it was made from, so a reviewer can check a report
 * against its sources without re-running the audit.
 */
@Command(name = "verify", description = "Checks scan-log files and rules (--rules, the folder the report was made with) against "
        + "the digests recorded in a report's findings.json.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file and the rules match", "1:something does not match or is missing", "2:usage error",
                "3:findings.json or an input cannot be read"})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FINDINGS_JSON", description = "The report's findings.json.")
    Path report;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "INPUT",
            description = "The scan-log files the report names, or folders of them, as given to audit.")
    List<Path> inputs = List.of();

    /** The rules the report was made with. */
    @Mixin
    RulesOption rules;

    @Option(names = "--profile", paramLabel = "NAME-or-FILE",
            description = "The input mapping profile the audit was given: a profile file is checked against the digest the report"
                    + " records; folders are read with its layout, as audit read them.")
    String profile;


    @Override
    public Integer call() {
        // Resolved once, as audit resolves it: a built-in name first, else a file.
        MappingProfile named = null;
        if (profile != null) {
            try {
                named = ProfileCatalog.resolve(profile);
            } catch (ScanLogException e) {
                throw new ErrorReport.UsageException("--profile: " + e.getMessage());
            }
        }
        JsonNode run = readRun();
        PrintWriter out = spec.commandLine().getOut();
        // By file name, as the report records them; two files of one name (in two subfolders) each keep their digest.
        Map<String, List<String>> recorded = new java.util.TreeMap<>();
        for (JsonNode f : run.path("inputs")) recorded.computeIfAbsent(f.path("file").asText(), k -> new java.util.ArrayList<>()).add(f.path("sha256").asText());
        boolean ok = true;
        // Folders as audit reads them, its own reports left out: the same files, so the same digests.
        List<Path> notes = new java.util.ArrayList<>();
        List<Path> files = inputs.isEmpty() ? List.of()
                : ScanLogInput.expand(inputs, f -> AuditCommand.OWN_REPORT.matcher(f.getFileName().toString()).matches(),
                        new ScanLogOptions(profile, null), notes::add);
        AuditCommand.notReading(spec.commandLine().getErr(), notes, "text file", ScanLogInput.NOTES);
        for (Path p : files) {
            String name = p.getFileName().toString();
            List<String> digests = recorded.getOrDefault(name, new java.util.ArrayList<>());
            String actual = FileDigest.ofInput(p);
            if (digests.remove(actual)) {
                out.printf("OK             %s  %s%n", name, actual);
            } else if (digests.isEmpty()) {
                out.printf("NOT IN REPORT  %s  %s%n", p, actual);
                ok = false;
            } else {
                out.printf("DIFFERS        %s  report %s, file %s%n", p, digests.remove(0), actual);
                ok = false;
            }
        }
        for (Map.Entry<String, List<String>> missing : recorded.entrySet()) {
            for (String digest : missing.getValue()) {
                out.printf("NOT GIVEN      %s  %s%n", missing.getKey(), digest);
                ok = false;
            }
        }
        ok &= profileMatches(run, named, out);
        String recordedRules = run.path("rule_set_digest").asText();
        String actualRules = RuleSet.load(rules.folder).digest();
        boolean rulesMatch = recordedRules.equals(actualRules);
        out.printf("%-14s rules %s%s%n", rulesMatch ? "OK" : "DIFFERS", actualRules,
                rulesMatch ? "" : " (report: " + recordedRules + ")");
        out.println(ok && rulesMatch ? "The report matches these inputs and rules." : "The report does NOT match these inputs and rules.");
        out.flush();
        return ok && rulesMatch ? ExitCode.OK : ExitCode.FINDINGS_AT_FAIL_LEVEL;
    }

    /**
     * The profile the report says its inputs were read with, against the one given with --profile: the same bytes
     * read with another mapping are other doses. A profile file is compared by its digest, and a report made with
     * one that is not given does not match; a built-in profile, whose text the tool version fixes, by the name each
     * input was read as.
     */
    private boolean profileMatches(JsonNode run, MappingProfile named, PrintWriter out) {
        Map<String, String> recorded = new java.util.TreeMap<>(); // profile file name -> digest
        for (JsonNode f : run.path("inputs")) {
            if (f.hasNonNull("profile_sha256")) recorded.put(f.path("read_as").asText(), f.path("profile_sha256").asText());
        }
        boolean ok = true;
        if (named != null && named.fileSha256() == null) {
            for (JsonNode f : run.path("inputs")) {
                String readAs = f.path("read_as").asText(null);
                if (readAs != null && !readAs.equalsIgnoreCase(named.name())) {
                    out.printf("DIFFERS        profile %s  the report read %s as %s%n", named.name(), f.path("file").asText(), readAs);
                    ok = false;
                }
            }
            if (ok) out.printf("OK             profile %s (built in)%n", named.name());
        } else if (named != null) {
            String name = named.readAs();
            String digest = recorded.remove(name);
            if (named.fileSha256().equals(digest)) {
                out.printf("OK             profile %s  %s%n", name, named.fileSha256());
            } else if (digest == null) {
                out.printf("NOT IN REPORT  profile %s  %s%n", profile.trim(), named.fileSha256());
                ok = false;
            } else {
                out.printf("DIFFERS        profile %s  report %s, file %s%n", profile.trim(), digest, named.fileSha256());
                ok = false;
            }
        }
        for (Map.Entry<String, String> missing : recorded.entrySet()) {
            out.printf("NOT GIVEN      profile %s  %s (give it with --profile)%n", missing.getKey(), missing.getValue());
            ok = false;
        }
        return ok;
    }

    private JsonNode readRun() {
        try {
            JsonNode run = new ObjectMapper().readTree(report.toFile()).path("run");
            if (run.isMissingNode() || !run.has("rule_set_digest")) {
                throw new ScanLogException(report + ": not a findings.json written by alara-audit (no run.rule_set_digest)");
            }
            return run;
        } catch (IOException e) {
            throw new ScanLogException(report + ": cannot be read as JSON: " + e.getMessage(), e);
        }
    }

}
