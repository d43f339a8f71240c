package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Options every command takes are declared once and reach every subcommand, at any depth. */
class SharedOptionsTest {
    @TempDir
    Path dir;

    private static List<CommandLine> allCommands(CommandLine cl) {
        List<CommandLine> all = new ArrayList<>(List.of(cl));
        cl.getSubcommands().values().forEach(sub -> all.addAll(allCommands(sub)));
        return all;
    }

    @Test
    void everyCommandTakesHelpVersionAndVerbose() {
        List<CommandLine> commands = allCommands(Main.commandLine());
        assertTrue(commands.size() >= 13, commands.size() + " commands");
        for (CommandLine c : commands) {
            String name = c.getCommandSpec().qualifiedName();
            assertNotNull(c.getCommandSpec().findOption("--help"), name);
            assertNotNull(c.getCommandSpec().findOption("--version"), name);
            assertNotNull(c.getCommandSpec().findOption("--verbose"), name);
        }
    }

    @Test
    void verboseMayStandBeforeTheCommandOrAfterIt() {
        Path bad = new AuditFixture().row("ctdivol_mgy", "oops").write(dir, "log.csv");
        for (String[] args : List.of(new String[]{"--verbose", "audit", bad.toString()}, new String[]{"audit", bad.toString(), "--verbose"})) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--no-history", "--out", dir.resolve("out").toString()));
            CliTest.Run r = CliTest.run(all.toArray(String[]::new));
            assertEquals(ExitCode.INPUT_UNUSABLE, r.code(), r.err());
            assertTrue(r.err().contains("\tat org.alaraaudit."), "a stack trace: " + r.err());
        }
    }

    @Test
    void theRulesFolderOptionIsTheSameOnEveryCommandThatReadsRules() {
        CommandLine top = Main.commandLine();
        for (String path : List.of("audit", "trend", "verify", "rules list", "rules validate", "rules test", "rules derive-ranges")) {
            CommandLine c = top;
            for (String part : path.split(" ")) c = c.getSubcommands().get(part);
            CommandLine.Model.OptionSpec rules = c.getCommandSpec().findOption("--rules");
            assertNotNull(rules, path);
            assertEquals(RulesOption.class, rules.userObject() instanceof java.lang.reflect.Field f ? f.getDeclaringClass() : null, path);
        }
    }
}
