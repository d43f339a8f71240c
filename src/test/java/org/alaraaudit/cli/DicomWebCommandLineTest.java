package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DICOMweb options as a user meets them: what is missing, what is refused, and the exit codes. */
class DicomWebCommandLineTest {
    @TempDir
    Path dir;

    @Test
    void auditWithoutInputsOrServerIsAUsageError() {
        CliTest.Run r = CliTest.run("audit");
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().contains("give scan-log files or folders, or --dicomweb URL"), r.err());
    }

    @Test
    void aServerWithoutAPeriodIsAUsageError() {
        CliTest.Run r = CliTest.run("audit", "--dicomweb", "http://127.0.0.1:9/dicom-web/", "--out", dir.resolve("r").toString());
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().contains("--dicomweb needs --period or --from and --to"), r.err());
    }

    @Test
    void aUserWithoutAPasswordIsToldWhereToPutItNotToTypeIt() {
        CliTest.Run r = CliTest.run("pull", "--dicomweb", "http://127.0.0.1:9/", "--from", "2026-10-01", "--to", "2026-10-31",
                "--out", dir.resolve("p").toString(), "--user", "bob");
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().contains("--user bob: no password; put it in a file named by --password-file or in the environment"
                + " variable ALARA_DICOMWEB_PASSWORD (never on the command line)"), r.err());
    }

    @Test
    void aRefusedSignInIsAnUnusableInputWithWhatToCheck() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            x.sendResponseHeaders(401, -1);
            x.close();
        });
        server.start();
        try {
            CliTest.Run r = CliTest.run("pull", "--dicomweb", "http://127.0.0.1:" + server.getAddress().getPort() + "/dicom-web/",
                    "--from", "2026-10-01", "--to", "2026-10-31", "--out", dir.resolve("p").toString());
            assertEquals(ExitCode.INPUT_UNUSABLE, r.code(), r.err());
            assertTrue(r.err().contains("401 Unauthorized: the server wants credentials"), r.err());
            assertTrue(!r.err().contains("Exception"), r.err());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void pullNeedsItsDatesAsDates() {
        CliTest.Run r = CliTest.run("pull", "--dicomweb", "http://127.0.0.1:9/", "--from", "October", "--to", "2026-10-31",
                "--out", dir.resolve("p").toString());
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().contains("--from October: expected a date YYYY-MM-DD"), r.err());
    }
}
