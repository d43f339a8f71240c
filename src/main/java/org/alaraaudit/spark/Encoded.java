package org.alaraaudit.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.alaraaudit.audit.spill.FindingCodec;
import org.alaraaudit.audit.spill.RowCodec;
import org.alaraaudit.audit.spill.SpillIn;
import org.alaraaudit.audit.spill.SpillOut;
import org.alaraaudit.model.Finding;
import org.alaraaudit.scanlog.ScanRow;

/**
 * Rows and findings as bytes, in the spill files' own codecs, so Spark ships them between machines without the
 * domain types having to be Java-serializable. Each record stands alone (no shared word table), because Spark
 * may move any one of them anywhere.
 */
final class Encoded {
    private Encoded() {}

    static byte[] row(ScanRow r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (SpillOut out = new SpillOut(bytes, 0)) {
            RowCodec.write(out, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ScanRow row(byte[] b) {
        try (SpillIn in = new SpillIn(new ByteArrayInputStream(b))) {
            return RowCodec.row(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What makes two rows of different files the same row: all but the file and line they were read from. */
    static String content(ScanRow r) {
        if (r.acquisition() != null && r.acquisition().eventUid() != null) return "U" + r.acquisition().eventUid();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (SpillOut out = new SpillOut(bytes, 0)) {
            RowCodec.write(out, r.study());
            RowCodec.write(out, r.acquisition());
            RowCodec.write(out, r.measurements());
            RowCodec.write(out, r.doseCheck());
            out.flag(r.patientPerStudy());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "C" + new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static byte[] finding(Finding f) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (SpillOut out = new SpillOut(bytes, 0)) {
            FindingCodec.write(out, f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Finding finding(byte[] b) {
        try (SpillIn in = new SpillIn(new ByteArrayInputStream(b))) {
            return FindingCodec.finding(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
