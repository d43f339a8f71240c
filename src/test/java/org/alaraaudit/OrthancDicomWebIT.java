package org.alaraaudit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.alaraaudit.dicom.RealDoseReports;
import org.alaraaudit.scanlog.CanonicalCsvWriter;
import org.alaraaudit.scanlog.RawRow;
import org.alaraaudit.scanlog.ScanLogOpener;
import org.alaraaudit.scanlog.ScanLogOptions;
import org.alaraaudit.scanlog.ScanLogReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real PACS: Debian's Orthanc with its DICOMweb plugin, started on a loopback port with its storage in a
 * temporary folder, holding the 20 real OpenREM test files. {@code pull} and {@code audit --dicomweb} run as
 * the jar a user runs and must give what reading the files gives. Skipped where Orthanc is not installed
 * ({@code apt-get install orthanc orthanc-dicomweb}; .ci/run does).
 */
class OrthancDicomWebIT {
    private static final Path ORTHANC = Path.of("/usr/sbin/Orthanc");
    private static final Path PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");

    @TempDir
    static Path work;
    static Process orthanc;
    static String root;
    static Path files;

    @BeforeAll
    static void startOrthancWithTheRealDoseReports() throws Exception {
        assumeTrue(Files.isExecutable(ORTHANC) && Files.isRegularFile(PLUGIN), "Orthanc and orthanc-dicomweb are not installed");
        Path real = RealDoseReports.folder();
        int http;
        int dicom;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            http = a.getLocalPort();
            dicom = b.getLocalPort();
        }
        Path storage = Files.createDirectories(work.resolve("orthanc-db"));
        Path config = work.resolve("orthanc.json");
        Files.writeString(config, "{\"Name\": \"alara-test\", \"StorageDirectory\": \"" + storage + "\", \"IndexDirectory\": \"" + storage
                + "\", \"HttpPort\": " + http + ", \"DicomPort\": " + dicom + ", \"RemoteAccessAllowed\": false,"
                + " \"AuthenticationEnabled\": false, \"Plugins\": [\"" + PLUGIN + "\"],"
                + " \"DicomWeb\": {\"Enable\": true, \"Root\": \"/dicom-web/\"}}");
        orthanc = new ProcessBuilder(ORTHANC.toString(), config.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("orthanc.log").toFile()).start();
        String base = "http://127.0.0.1:" + http + "/";
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // Orthanc answers once it has opened its store: wait for it, as a user would before pulling.
        boolean up = false;
        for (int i = 0; i < 1200 && !up && orthanc.isAlive(); i++) {
            try {
                up = client.send(HttpRequest.newBuilder(URI.create(base + "system")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        assertTrue(up, "Orthanc did not start: " + Files.readString(work.resolve("orthanc.log")));
        files = Files.createDirectories(work.resolve("files"));
        try (Stream<Path> s = Files.list(real)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList()) {
                Files.copy(f, files.resolve(f.getFileName()));
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "instances"))
                        .POST(HttpRequest.BodyPublishers.ofFile(f)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), f + ": " + r.body());
            }
        }
        root = base + "dicom-web/";
    }

    @AfterAll
    static void stopOrthanc() throws InterruptedException {
        if (orthanc != null) {
            orthanc.destroy();
            orthanc.waitFor();
        }
    }

    @Test
    void pullSavesTheRowsThatReadingTheFilesGives() throws Exception {
        JarEndToEndIT.Proc pull = jar("pull", "--dicomweb", root, "--from", "1990-01-01", "--to", "2026-11-30", "--out", work.resolve("pulled").toString());
        assertEquals(0, pull.code(), pull.err());
        assertTrue(pull.err().contains("dicomweb: 18 dose reports pulled; 1 other structured report left out"), pull.err());
        assertTrue(pull.out().startsWith("64 events written to "), pull.out());
        List<String> pulled = Files.readAllLines(work.resolve("pulled/dose-reports_1990-01-01_2026-11-30.csv"));

        List<RawRow> rows = new ArrayList<>();
        try (Stream<Path> s = Files.list(files)) {
            // As a run reads files: each opened once first, so two studies of one accession are known as such.
            ScanLogOpener opener = new ScanLogOpener(ScanLogOptions.DEFAULTS);
            List<Path> sorted = s.sorted().toList();
            for (Path f : sorted) opener.open(f).close();
            for (Path f : sorted) {
                try (ScanLogReader r = opener.open(f)) {
                    r.forEachRemaining(rows::add);
                }
            }
        }
        Path fromFiles = work.resolve("from-files.csv");
        assertEquals(64, CanonicalCsvWriter.write(fromFiles, rows));
        List<String> expected = Files.readAllLines(fromFiles);
        assertEquals(expected.get(0), pulled.get(0), "the same columns");
        List<String> missing = new ArrayList<>(expected.subList(1, expected.size()));
        missing.removeAll(pulled);
        List<String> extra = new ArrayList<>(pulled.subList(1, pulled.size()));
        extra.removeAll(expected);
        assertEquals(List.of(), missing, "rows of the files that the pull does not give; it gives instead: " + extra);
        assertEquals(expected.size(), pulled.size());
    }

    @Test
    void auditOverDicomWebAuditsWhatAuditingTheFilesAudits() throws Exception {
        JarEndToEndIT.Proc web = jar("audit", "--dicomweb", root, "--from", "1990-01-01", "--to", "2026-11-30", "--no-history",
                "--format", "json", "--out", work.resolve("web").toString(), "--no-progress");
        assertEquals(0, web.code(), web.err());
        JarEndToEndIT.Proc disk = jar("audit", files.toString(), "--from", "1990-01-01", "--to", "2026-11-30", "--no-history",
                "--format", "json", "--out", work.resolve("disk").toString(), "--no-progress");
        assertEquals(0, disk.code(), disk.err());
        JsonNode w = new ObjectMapper().readTree(work.resolve("web/findings.json").toFile());
        JsonNode d = new ObjectMapper().readTree(work.resolve("disk/findings.json").toFile());
        assertEquals(d.get("rows").get("audited"), w.get("rows").get("audited"));
        assertEquals(d.get("rows").get("duplicate"), w.get("rows").get("duplicate"));
        // The Secondary Capture image and the non-dose Enhanced SR are files on disk, but no dose report to pull.
        assertEquals(d.get("rows").get("rejected").asLong() - 2, w.get("rows").get("rejected").asLong());
        assertEquals(d.get("findings").size(), w.get("findings").size());
        // 64 events less 3 repeated by cumulative reports, 11 rejected and 15 of QA series and physics tests.
        assertEquals(35, w.get("rows").get("audited").asLong());
        assertEquals(15, w.get("rows").get("excluded").asLong());
    }

    @Test
    void aWrongDicomWebRootIsNamedWithExitThree() throws Exception {
        JarEndToEndIT.Proc wrong = jar("pull", "--dicomweb", root.replace("dicom-web/", "dicomweb/"), "--from", "2026-10-01", "--to",
                "2026-10-31", "--out", work.resolve("nowhere").toString());
        assertEquals(3, wrong.code(), wrong.err());
        assertTrue(wrong.err().contains("404 Not Found while searching for dose reports: is " + root.replace("dicom-web/", "dicomweb/")
                + " the DICOMweb root?"), wrong.err());
        assertTrue(!wrong.err().contains("Exception"), wrong.err());
    }

    @Test
    void aPeriodWithoutDoseReportsStopsWithExitThree() throws Exception {
        JarEndToEndIT.Proc none = jar("audit", "--dicomweb", root, "--period", "2026-10", "--no-history", "--out", work.resolve("empty").toString());
        assertEquals(3, none.code(), none.err());
        assertTrue(none.err().contains("no dose reports of studies dated 2026-10-01 to 2026-10-31"), none.err());
    }

    /** The jar as a user runs it, with its own data folder (JarEndToEndIT's runner is bound to that test's folder). */
    private static JarEndToEndIT.Proc jar(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("alara.jar", "target/alara-audit.jar")).toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Path cwd = Files.createDirectories(work.resolve("cwd"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().put("ALARA_AUDIT_SECRET", "orthanc-test-secret");
        pb.environment().put("ALARA_AUDIT_HOME", work.resolve("home").toString());
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        int code = pb.start().waitFor();
        return new JarEndToEndIT.Proc(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
