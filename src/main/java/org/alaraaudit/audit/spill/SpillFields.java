package org.alaraaudit.audit.spill;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * How the audit's temporary files write a field that may be missing: a presence flag, then the value. Texts of
 * any length (writeUTF alone stops at 64 KB, and a reference's citation or a free-text field could exceed it).
 */
public final class SpillFields {
    private static final int CHUNK = 16_000;

    private SpillFields() {}

    public static void text(DataOutput o, String s) throws IOException {
        if (s == null) {
            o.writeBoolean(false);
            return;
        }
        o.writeBoolean(true);
        int parts = Math.max(1, (s.length() + CHUNK - 1) / CHUNK);
        o.writeInt(parts);
        for (int i = 0; i < parts; i++) o.writeUTF(s.substring(i * CHUNK, Math.min(s.length(), (i + 1) * CHUNK)));
    }

    public static String text(DataInput in) throws IOException {
        if (!in.readBoolean()) return null;
        int parts = in.readInt();
        if (parts == 1) return in.readUTF();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts; i++) sb.append(in.readUTF());
        return sb.toString();
    }

    public static void number(DataOutput o, Double d) throws IOException {
        o.writeBoolean(d != null);
        if (d != null) o.writeDouble(d);
    }

    public static Double number(DataInput in) throws IOException { return in.readBoolean() ? in.readDouble() : null; }

    /** Year, month and day as they are, not as an epoch day, whose arithmetic was a tenth of writing a row. */
    public static void time(DataOutput o, LocalDateTime t) throws IOException {
        o.writeBoolean(t != null);
        if (t == null) return;
        o.writeInt(t.getYear());
        o.writeByte(t.getMonthValue());
        o.writeByte(t.getDayOfMonth());
        o.writeLong(t.toLocalTime().toNanoOfDay());
    }

    public static LocalDateTime time(DataInput in) throws IOException {
        if (!in.readBoolean()) return null;
        return LocalDateTime.of(LocalDate.of(in.readInt(), in.readByte(), in.readByte()), LocalTime.ofNanoOfDay(in.readLong()));
    }
}
