package org.alaraaudit.dicomweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a scripted loopback server: what it asks, how it retries, what it says when refused. */
class DicomWebClientTest {
    private static final String FOUND = "[{\"00080016\":{\"vr\":\"UI\",\"Value\":[\"1.2.840.10008.5.1.4.1.1.88.67\"]},"
            + "\"00080018\":{\"vr\":\"UI\",\"Value\":[\"1.2.3.9\"]},\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2.3.7\"]},"
            + "\"0020000E\":{\"vr\":\"UI\",\"Value\":[\"1.2.3.8\"]}}]";

    private record Answer(int status, String body) {}

    private HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<String> asked = new ArrayList<>();
    private final List<String> authorization = new ArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            asked.add(x.getRequestURI().toString());
            authorization.add(x.getRequestHeaders().getFirst("Authorization"));
            Answer a = script.isEmpty() ? new Answer(200, "[]") : script.poll();
            byte[] b = a.body().getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(a.status(), b.length == 0 ? -1 : b.length);
            if (b.length > 0) x.getResponseBody().write(b);
            x.close();
        });
        server.start();
    }

    @AfterEach
    void stop() { server.stop(0); }

    private DicomWebClient client(Credentials c) {
        return new DicomWebClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dicom-web"), c, progress::add, pauses::add);
    }

    @Test
    void qidoAsksForEachDoseSrClassOfThePeriodAndWadoForTheMetadata() {
        script.add(new Answer(200, FOUND));
        List<DicomWebClient.Instance> found = client(Credentials.NONE).doseReportCandidates(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        assertEquals(List.of(new DicomWebClient.Instance("1.2.3.7", "1.2.3.8", "1.2.3.9", "1.2.840.10008.5.1.4.1.1.88.67")), found);
        assertEquals(4, asked.size(), asked.toString());
        assertTrue(asked.get(0).startsWith("/dicom-web/instances?SOPClassUID=1.2.840.10008.5.1.4.1.1.88.67&StudyDate=20261001-20261031"), asked.get(0));
        client(Credentials.NONE).metadataBytes(found.get(0));
        assertEquals("/dicom-web/studies/1.2.3.7/series/1.2.3.8/instances/1.2.3.9/metadata", asked.get(4));
    }

    @Test
    void aServerErrorIsRetriedWithDoublingPausesUntilItAnswers() {
        script.add(new Answer(503, "busy"));
        script.add(new Answer(502, "bad gateway"));
        script.add(new Answer(200, FOUND));
        byte[] body = client(Credentials.NONE).get(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dicom-web/instances"), "searching");
        assertEquals(FOUND, new String(body, StandardCharsets.UTF_8));
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), pauses);
        assertTrue(progress.get(0).startsWith("searching: 503 busy; trying again in 1 s (attempt 2 of 5)"), progress.toString());
    }

    @Test
    void aServerThatKeepsFailingIsGivenUpAfterFiveAttempts() {
        for (int i = 0; i < 5; i++) script.add(new Answer(500, "Internal error"));
        DicomWebException e = assertThrows(DicomWebException.class, () -> client(Credentials.NONE).doseReportCandidates(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)));
        assertTrue(e.getMessage().endsWith(": 500 Internal error, 5 attempts while searching for dose reports"), e.getMessage());
        assertEquals(4, pauses.size());
    }

    @Test
    void unauthorisedForbiddenAndNotFoundSayWhatToCheck() {
        script.add(new Answer(401, ""));
        DicomWebException none = assertThrows(DicomWebException.class, () -> client(Credentials.NONE).doseReportCandidates(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)));
        assertTrue(none.getMessage().contains("401 Unauthorized: the server wants credentials: --user NAME with --password-file FILE"), none.getMessage());
        Credentials bob = Credentials.resolve("bob", null, null, Map.of(Credentials.PASSWORD_ENV, "s3cret"));
        script.add(new Answer(401, ""));
        DicomWebException refused = assertThrows(DicomWebException.class, () -> client(bob).doseReportCandidates(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)));
        assertTrue(refused.getMessage().contains("401 Unauthorized: the server refused user bob; check the password or token"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("s3cret"));
        script.add(new Answer(403, ""));
        DicomWebException forbidden = assertThrows(DicomWebException.class, () -> client(bob).doseReportCandidates(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)));
        assertTrue(forbidden.getMessage().contains("403 Forbidden: user bob may not read these studies"), forbidden.getMessage());
        script.add(new Answer(404, ""));
        DicomWebException missing = assertThrows(DicomWebException.class, () -> client(bob).doseReportCandidates(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)));
        assertTrue(missing.getMessage().contains("404 Not Found while searching for dose reports: is http://127.0.0.1:"), missing.getMessage());
        assertTrue(pauses.isEmpty(), "4xx is not retried");
    }

    @Test
    void basicAndBearerCredentialsAreSentAndComeFromFilesOrTheEnvironment() throws IOException {
        Path password = Files.writeString(dir.resolve("pw"), "open sesame\n");
        client(Credentials.resolve("alice", password, null, Map.of())).doseReportCandidates(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1));
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("alice:open sesame".getBytes(StandardCharsets.UTF_8)), authorization.get(0));
        Path token = Files.writeString(dir.resolve("token"), "abc.def.ghi\n");
        authorization.clear();
        client(Credentials.resolve(null, null, token, Map.of())).doseReportCandidates(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1));
        assertEquals("Bearer abc.def.ghi", authorization.get(0));
        assertEquals("a bearer token", Credentials.resolve(null, null, null, Map.of(Credentials.TOKEN_ENV, "t")).description());
        IllegalArgumentException noPassword = assertThrows(IllegalArgumentException.class, () -> Credentials.resolve("alice", null, null, Map.of()));
        assertTrue(noPassword.getMessage().contains("never on the command line"), noPassword.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Credentials.resolve("alice", password, token, Map.of()));
    }

    @Test
    void aServerThatCannotBeReachedIsNamed() {
        int port = server.getAddress().getPort();
        server.stop(0);
        DicomWebException e = assertThrows(DicomWebException.class, () -> client(Credentials.NONE).doseReportCandidates(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1)));
        assertTrue(e.getMessage().contains("cannot connect to 127.0.0.1:" + port + " (connection refused), 5 attempts"), e.getMessage());
    }

    @Test
    void onlyHttpUrlsAreAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DicomWebClient(URI.create("ftp://pacs/"), Credentials.NONE, progress::add, pauses::add));
        assertEquals("--dicomweb ftp://pacs/: not an http:// or https:// URL", e.getMessage());
    }
}
