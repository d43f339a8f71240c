package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What each command's help promises is what the command does: the profiles it takes, the exit codes it ends with. */
class CommandHelpTest {
    @Test
    void auditsHelpNamesEveryShippedProfile() throws IOException {
        String help = CliTest.run("audit", "--help").out().replaceAll("\\s+", " ");
        List<String> shipped;
        try (InputStream in = getClass().getResourceAsStream("/profiles/shipped.list")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::trim).toList();
        }
        assertEquals(6, shipped.size(), shipped.toString());
        for (String p : shipped) assertTrue(help.contains(p), p + " in: " + help);
    }

    @Test
    void onlyAuditListsTheExitCodeForFindings() {
        String audit = CliTest.run("audit", "--help").out();
        assertTrue(audit.contains("1    audit: findings at or above --fail-on"), audit);
        assertTrue(audit.contains("0    done (findings may exist)"), audit);
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"trend", "generate", "review", "rules list", "rules validate", "rules derive-ranges"})
    void otherCommandsListTheirExitCodesWithoutTheFindingsCode(String command) {
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        String help = CliTest.run(args.toArray(String[]::new)).out();
        assertTrue(help.contains("Exit codes:"), help);
        assertTrue(help.contains("0    done\n") || help.contains("0    done" + System.lineSeparator()), help);
        assertFalse(help.contains("--fail-on"), help);
        assertTrue(help.contains("2    usage error"), help);
    }
}
