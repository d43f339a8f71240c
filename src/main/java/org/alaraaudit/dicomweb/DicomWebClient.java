package org.alaraaudit.dicomweb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.alaraaudit.dicom.DataSet;
import org.alaraaudit.dicom.DicomException;
import org.alaraaudit.dicom.DicomJsonReader;
import org.alaraaudit.dicom.Tag;

/**
 * A DICOMweb client for dose reports: QIDO-RS finds the dose SRs of a period, WADO-RS fetches each one's
 * metadata as DICOM JSON (the whole content tree, no bulk data). HTTPS uses Java's trust store; 5xx answers and
 * broken connections are retried with a doubling pause; 401, 403 and 404 get a message saying what to check.
 */
public final class DicomWebClient {
    /** The SOP classes a dose report is stored as; Enhanced and Comprehensive SR hold other reports too. */
    public static final List<String> DOSE_SR_CLASSES = List.of("1.2.840.10008.5.1.4.1.1.88.67", "1.2.840.10008.5.1.4.1.1.88.76",
            "1.2.840.10008.5.1.4.1.1.88.22", "1.2.840.10008.5.1.4.1.1.88.33");
    private static final int PAGE = 500;
    private static final int ATTEMPTS = 5;
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String DICOM_JSON = "application/dicom+json";

    /** Waits between attempts; a test passes one that does not wait. */
    public interface Pause {
        void sleep(Duration d) throws InterruptedException;
    }

    /** One stored instance: where WADO-RS finds it. */
    public record Instance(String study, String series, String instance, String sopClass) {}

    private final URI root;
    private final Credentials credentials;
    private final Consumer<String> progress;
    private final Pause pause;
    private final HttpClient http;

    public DicomWebClient(URI root, Credentials credentials, Consumer<String> progress, Pause pause) {
        String r = root.toString();
        if (!r.startsWith("http://") && !r.startsWith("https://")) {
            throw new IllegalArgumentException("--dicomweb " + r + ": not an http:// or https:// URL");
        }
        this.root = URI.create(r.endsWith("/") ? r : r + "/");
        this.credentials = credentials;
        this.progress = progress;
        this.pause = pause;
        // HTTP/1.1: over plain http Java would offer an h2c upgrade, which PACS web servers (Orthanc's) may not survive.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public URI root() { return root; }

    /** The dose-report candidates of the studies dated {@code from} to {@code to} (inclusive), each once. */
    public List<Instance> doseReportCandidates(LocalDate from, LocalDate to) {
        Map<String, Instance> found = new LinkedHashMap<>();
        for (String sopClass : DOSE_SR_CLASSES) {
            for (int offset = 0; ; offset += PAGE) {
                URI q = root.resolve("instances?SOPClassUID=" + sopClass + "&StudyDate=" + DA.format(from) + "-" + DA.format(to)
                        + "&includefield=" + enc("0020000D,0020000E,00080016,00080018") + "&limit=" + PAGE + "&offset=" + offset);
                List<DataSet> page = json(q, "searching for dose reports");
                int before = found.size();
                for (DataSet d : page) {
                    String uid = d.string(Tag.SOP_INSTANCE_UID);
                    String cls = d.string(Tag.SOP_CLASS_UID);
                    // A server that ignores the SOP class filter still answers; keep only what was asked for.
                    if (uid == null || (cls != null && !cls.equals(sopClass))) continue;
                    found.putIfAbsent(uid, new Instance(d.string(Tag.STUDY_INSTANCE_UID), d.string(Tag.SERIES_INSTANCE_UID), uid, sopClass));
                }
                // A server that ignores the offset would hand out the same page for ever.
                if (page.size() < PAGE || found.size() == before) break;
            }
        }
        progress.accept("found " + found.size() + " structured report" + (found.size() == 1 ? "" : "s") + " of the period");
        return new ArrayList<>(found.values());
    }

    /** The instance's metadata (WADO-RS), the SR content tree included. */
    public List<DataSet> metadata(Instance i) {
        if (i.study() == null || i.series() == null) {
            throw new DicomWebException(root + ": the search answer for instance " + i.instance() + " names no study or series UID");
        }
        URI u = root.resolve("studies/" + i.study() + "/series/" + i.series() + "/instances/" + i.instance() + "/metadata");
        return json(u, "fetching the metadata of " + i.instance());
    }

    /** The raw JSON of the instance's metadata, as the server sent it. */
    public byte[] metadataBytes(Instance i) {
        URI u = root.resolve("studies/" + i.study() + "/series/" + i.series() + "/instances/" + i.instance() + "/metadata");
        return get(u, "fetching the metadata of " + i.instance());
    }

    private List<DataSet> json(URI u, String doing) {
        byte[] body = get(u, doing);
        if (body.length == 0) return List.of();
        try {
            return DicomJsonReader.read(new ByteArrayInputStream(body));
        } catch (DicomException e) {
            throw new DicomWebException(u + ": the answer is not DICOM JSON: " + e.getMessage(), e);
        }
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    byte[] get(URI u, String doing) {
        HttpRequest.Builder b = HttpRequest.newBuilder(u).GET().timeout(Duration.ofMinutes(2)).header("Accept", DICOM_JSON);
        if (credentials.header() != null) b.header("Authorization", credentials.header());
        HttpRequest request = b.build();
        Duration wait = Duration.ofSeconds(1);
        String last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = r.statusCode();
                if (status == 200 || status == 204) return status == 204 ? new byte[0] : r.body();
                if (status < 500) throw new DicomWebException(refusal(u, status, r.body(), doing));
                last = status + " " + firstLine(r.body());
            } catch (ConnectException e) {
                last = "cannot connect to " + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + " (connection refused)";
            } catch (HttpTimeoutException e) {
                last = "no answer in time";
            } catch (SSLException e) {
                throw new DicomWebException(u + ": TLS failed: " + e.getMessage() + " (the server's certificate must be trusted by"
                        + " Java's trust store, which on Debian and Ubuntu is the system's)", e);
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DicomWebException(u + ": interrupted while " + doing, e);
            }
            if (attempt < ATTEMPTS) {
                progress.accept(doing + ": " + last + "; trying again in " + wait.toSeconds() + " s (attempt " + (attempt + 1) + " of " + ATTEMPTS + ")");
                try {
                    pause.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DicomWebException(u + ": interrupted while " + doing, e);
                }
                wait = wait.multipliedBy(2);
            }
        }
        throw new DicomWebException(u + ": " + last + ", " + ATTEMPTS + " attempts while " + doing);
    }

    private String refusal(URI u, int status, byte[] body, String doing) {
        switch (status) {
            case 401:
                return u + ": 401 Unauthorized: " + (credentials == Credentials.NONE
                        ? "the server wants credentials: --user NAME with --password-file FILE (or " + Credentials.PASSWORD_ENV
                        + "), or a bearer token in --token-file FILE (or " + Credentials.TOKEN_ENV + ")"
                        : "the server refused " + credentials.description() + "; check the password or token");
            case 403:
                return u + ": 403 Forbidden: " + (credentials == Credentials.NONE ? "the server" : credentials.description())
                        + " may not read these studies; ask the PACS administrator for read access to dose reports";
            case 404:
                return u + ": 404 Not Found while " + doing + ": is " + root + " the DICOMweb root? (Orthanc: http://HOST:8042/dicom-web/)";
            default:
                return u + ": " + status + " " + firstLine(body) + " while " + doing;
        }
    }

    private static String firstLine(byte[] body) {
        if (body == null || body.length == 0) return "";
        String s = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

}
