package org.alaraaudit.dicomweb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.alaraaudit.dicom.DataSet;
import org.alaraaudit.dicom.DicomException;
import org.alaraaudit.dicom.DicomJsonReader;
import org.alaraaudit.dicom.DoseReport;

/**
 * Pulls the dose reports of a period from a DICOMweb server into a folder, one DICOM JSON file per instance,
 * named by its SOP Instance UID, as the server sent it; the folder then audits like files read from disk.
 * An X-Ray Radiation Dose SR is always kept (if it cannot be read, the audit rejects it and says why); an
 * Enhanced or Comprehensive SR is kept only when it holds a dose report, since those classes carry every other
 * kind of structured report too.
 */
public final class DoseReportPull {
    /** What the pull found: dose reports written, other structured reports left out. */
    public record Summary(int written, int otherReports) {}

    private final DicomWebClient client;
    private final Consumer<String> progress;

    public DoseReportPull(DicomWebClient client, Consumer<String> progress) {
        this.client = client;
        this.progress = progress;
    }

    public Summary into(Path folder, LocalDate from, LocalDate to) throws IOException {
        List<DicomWebClient.Instance> candidates = client.doseReportCandidates(from, to);
        int written = 0;
        int other = 0;
        int n = 0;
        for (DicomWebClient.Instance i : candidates) {
            n++;
            byte[] json = client.metadataBytes(i);
            if (!i.sopClass().equals(DicomWebClient.DOSE_SR_CLASSES.get(0)) && !i.sopClass().equals(DicomWebClient.DOSE_SR_CLASSES.get(1))
                    && !holdsDoseReport(json)) {
                other++;
            } else {
                Files.write(folder.resolve(safeName(i.instance()) + ".json"), json);
                written++;
            }
            if (n % 10 == 0 || n == candidates.size()) progress.accept("fetched " + n + " of " + candidates.size());
        }
        progress.accept(written + " dose report" + (written == 1 ? "" : "s") + " pulled"
                + (other > 0 ? "; " + other + " other structured report" + (other == 1 ? "" : "s") + " left out" : ""));
        return new Summary(written, other);
    }

    private static boolean holdsDoseReport(byte[] json) {
        try {
            for (DataSet d : DicomJsonReader.read(new ByteArrayInputStream(json))) {
                DoseReport.of(d);
            }
            return true;
        } catch (DicomException e) {
            return false;
        }
    }

    /** A UID is digits and dots; anything else a server sends is not let near the file system. */
    static String safeName(String uid) {
        return uid.replaceAll("[^0-9A-Za-z.-]", "_");
    }
}
