package org.alaraaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import org.alaraaudit.dicomweb.Credentials;
import org.alaraaudit.dicomweb.DicomWebClient;
import org.alaraaudit.dicomweb.DicomWebException;
import org.alaraaudit.dicomweb.DoseReportPull;
import org.alaraaudit.scanlog.ScanLogException;
import org.alaraaudit.scanlog.SpillFolder;
import picocli.CommandLine.Option;

/** The DICOMweb server to pull dose reports from, and how to sign in; shared by {@code audit} and {@code pull}. */
final class DicomWebOptions {
    @Option(names = "--dicomweb", paramLabel = "URL", description = "DICOMweb root of a PACS (e.g. http://pacs:8042/dicom-web/): "
            + "read the period's dose reports from it.")
    URI url;

    @Option(names = "--user", paramLabel = "NAME", description = "DICOMweb user (HTTP basic); the password comes from "
            + "--password-file or ALARA_DICOMWEB_PASSWORD.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the DICOMweb password.")
    Path passwordFile;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding a DICOMweb bearer token (or set ALARA_DICOMWEB_TOKEN).")
    Path tokenFile;

    /** A folder of pulled DICOM JSON files, private to the user and removed when closed: it holds patient data. */
    static final class Pulled implements AutoCloseable {
        final Path folder;

        Pulled(Path folder) { this.folder = folder; }

        @Override
        public void close() {
            if (folder != null) SpillFolder.delete(folder);
        }
    }

    /** Pulls the dose reports of the studies dated {@code from} to {@code to}; exit 3 with the server's reason when it cannot. */
    Pulled pull(LocalDate from, LocalDate to, PrintWriter err) throws IOException {
        java.util.function.Consumer<String> progress = m -> {
            err.println("alara-audit: dicomweb: " + m);
            err.flush();
        };
        DicomWebClient client;
        try {
            // A missing password, an unreadable token file, a URL that is not http(s): the user's to mend (exit 2).
            client = new DicomWebClient(url, Credentials.resolve(user, passwordFile, tokenFile, System.getenv()), progress,
                    d -> Thread.sleep(d.toMillis()));
        } catch (IllegalArgumentException e) {
            throw new ErrorReport.UsageException(e.getMessage());
        }
        Path folder;
        try {
            folder = Files.createTempDirectory("alara-dicomweb-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            folder = Files.createTempDirectory("alara-dicomweb-");
        }
        Pulled pulled = new Pulled(folder);
        try {
            progress.accept("searching " + client.root() + " for dose reports of " + from + " to " + to);
            DoseReportPull.Summary s = new DoseReportPull(client, progress).into(folder, from, to);
            if (s.written() == 0) {
                throw new ScanLogException(client.root() + ": no dose reports of studies dated " + from + " to " + to);
            }
            return pulled;
        } catch (DicomWebException e) {
            pulled.close();
            throw new ScanLogException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            pulled.close();
            throw e;
        }
    }
}
