package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input that changes while the run reads it (an export still being written, a file replaced) is never
 * reported as audited in full: the run stops naming the file, and the digest a report carries is of the bytes
 * the reader consumed. The file is changed from inside the read itself, so nothing depends on timing.
 */
class ChangingInputTest {
    private static final String HEADER =
            "patient_id,age_years,facility,station_name,accession_number,study_datetime,modality,protocol_name,ctdivol_mgy,dlp_mgycm\n";

    @TempDir
    Path dir;

    /** A log far larger than the reader's 64 KiB buffer, so a truncation is met while reading. */
    private Path bigLog(String name) throws IOException {
        StringBuilder s = new StringBuilder(HEADER);
        for (int i = 0; i < 6000; i++) {
            s.append("MRN").append(i).append(",8,Gen,CT1,A").append(i).append(",2026-10-01T10:00,CT,PED CHEST 5-10Y,2.0,50\n");
        }
        Path f = dir.resolve(name);
        Files.writeString(f, s);
        return f;
    }

    private static void truncate(Path f, long size) {
        try (FileChannel c = FileChannel.open(f, StandardOpenOption.WRITE)) {
            c.truncate(size);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ScanLogInput input(Path f) {
        RowValidator v = new RowValidator(new Pseudonymiser(AuditFixture.SECRET), LocalDateTime.of(2026, 11, 2, 7, 0), 1000, w -> { });
        return new ScanLogInput(List.of(f), v, new Exclusions(List.of()), new ArrayList<>());
    }

    @Test
    void aFileTruncatedWhileItIsReadStopsTheRunNamingTheFile() throws IOException {
        Path f = bigLog("growing-export.csv");
        long half = Files.size(f) / 2;
        ScanLogInput in = input(f);
        ScanLogException e = assertThrows(ScanLogException.class, () -> in.read((row, ordinal) -> {
            if (ordinal == 0) truncate(f, half);
        }, rows -> { }));
        assertTrue(e.getMessage().startsWith("growing-export.csv: the file changed while it was read"), e.getMessage());
        assertTrue(e.getMessage().contains("to " + half + " bytes"), e.getMessage());
    }

    @Test
    void aFileRewrittenInPlaceWithTheSameSizeStopsTheRunToo() throws IOException {
        Path f = dir.resolve("small.csv");
        Files.writeString(f, HEADER + "MRN1,8,Gen,CT1,A1,2026-10-01T10:00,CT,PED CHEST 5-10Y,2.0,50\n");
        ScanLogInput in = input(f);
        ScanLogException e = assertThrows(ScanLogException.class, () -> in.read((row, ordinal) -> {
            try {
                Files.writeString(f, HEADER + "MRN1,8,Gen,CT1,A1,2026-10-01T10:00,CT,PED CHEST 5-10Y,9.0,50\n");
                Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(0));
            } catch (IOException x) {
                throw new IllegalStateException(x);
            }
        }, rows -> { }));
        assertTrue(e.getMessage().contains("small.csv: the file changed while it was read (it was modified)"), e.getMessage());
    }

    @Test
    void theDigestIsOfTheBytesTheReaderConsumedNotOfTheFileAsItIsLater() throws Exception {
        Path f = bigLog("log.csv");
        byte[] original = Files.readAllBytes(f);
        int kept = 200_000;
        try (CsvScanLogReader r = new CsvScanLogReader(f)) {
            r.next();
            truncate(f, kept);
            while (r.hasNext()) r.next();
            Files.write(f, original);
            String consumed = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(original, kept)));
            assertEquals(consumed, r.sha256());
        }
    }

    @Test
    void anUnchangedFileHasTheDigestVerifyRecomputes() throws IOException {
        Path f = bigLog("log.csv");
        ScanLogInput in = input(f);
        in.read((row, ordinal) -> { }, rows -> { });
        assertEquals(6000, in.accounting().read());
        assertEquals(FileDigest.sha256(f), in.inputFiles().get(0).sha256());
    }

    @Test
    void aWorkbookHasTheDigestVerifyRecomputes() throws IOException {
        Path f = OpenRemTestFiles.file(OpenRemExportWriter.XLSX);
        ScanLogInput in = input(f);
        in.read((row, ordinal) -> { }, rows -> { });
        assertEquals(FileDigest.sha256(f), in.inputFiles().get(0).sha256());
        assertTrue(new String(Files.readAllBytes(f), 0, 2, StandardCharsets.ISO_8859_1).equals("PK"));
    }
}
