package org.alaraaudit.audit.spill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.alaraaudit.model.TargetRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a spill file is given comes back as it was, whatever the buffer's size and wherever a field falls in it. */
class SpillFileTest {
    @TempDir
    Path dir;

    /** Texts a scan log can hold, and some it should not but might: every one must come back unchanged. */
    private static final List<String> TEXTS = List.of("", "CT ABDOMEN", "Schädel nativ", "頭部", "a\u0000b", "emoji \uD83D\uDE00",
            "lone \uD800 half", "\uDC00", "x".repeat(100), "é".repeat(40_000));

    @Test
    void everyKindOfFieldReadsBackAsWrittenWithABufferSmallerThanTheFields() throws IOException {
        for (int buffer : new int[] {16, 17, 64, 1 << 15}) {
            Path file = dir.resolve("fields-" + buffer + ".bin");
            List<Object> written = writeMixed(file, buffer, 42);
            // Compared one by one: a failure names the field, not the whole list with its long texts.
            List<Object> read = readMixed(file, buffer, 42);
            for (int i = 0; i < written.size(); i++) assertEquals(written.get(i), read.get(i), "buffer " + buffer + ", field " + i);
        }
    }

    @Test
    void textsUtf8CannotCarryAsTheyAreComeBackUnchangedAsDoTheOthers() throws IOException {
        Path file = dir.resolve("texts.bin");
        try (SpillOut out = new SpillOut(file, 32, 4)) {
            for (String t : TEXTS) {
                out.text(t);
                out.word(t);
            }
            out.text(null);
            out.word(null);
        }
        try (SpillIn in = new SpillIn(file, 32)) {
            for (String t : TEXTS) {
                assertEquals(t, in.text());
                assertEquals(t, in.word());
            }
            assertNull(in.text());
            assertNull(in.word());
        }
    }

    @Test
    void aFileEndsInEndOfFileWhereTheNextRecordWouldBeginAndInsideARecordCutShort() throws IOException {
        Path file = dir.resolve("cut.bin");
        try (SpillOut out = new SpillOut(file, 64, 4)) {
            out.integer(7);
            out.text("protocol name");
        }
        try (SpillIn in = new SpillIn(file, 64)) {
            assertEquals(7, in.integer());
            assertEquals("protocol name", in.text());
            assertThrows(EOFException.class, in::integer);
        }
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 3));
        try (SpillIn in = new SpillIn(file, 64)) {
            assertEquals(7, in.integer());
            assertThrows(EOFException.class, in::text);
        }
    }

    @Test
    void aRecordWrittenToAStreamReadsBackFromItsBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SpillOut out = new SpillOut(bytes, 0)) {
            out.word("CT HEAD");
            out.word("CT HEAD");
            out.text("y".repeat(2000));
            out.choice(TargetRegion.CHEST);
        }
        try (SpillIn in = new SpillIn(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals("CT HEAD", in.word());
            assertEquals("CT HEAD", in.word());
            assertEquals("y".repeat(2000), in.text());
            assertEquals(TargetRegion.CHEST, in.choice(TargetRegion.values()));
        }
    }

    /** Fields of every kind in a seeded random order, more words than the file may number among them. */
    private static List<Object> writeMixed(Path file, int buffer, long seed) throws IOException {
        Random random = new Random(seed);
        List<Object> written = new ArrayList<>();
        try (SpillOut out = new SpillOut(file, buffer, 3)) {
            for (int i = 0; i < 3_000; i++) {
                int kind = random.nextInt(10);
                Object v = value(kind, random);
                switch (kind) {
                    case 0 -> out.text((String) v);
                    case 1 -> out.word((String) v);
                    case 2 -> out.number((Double) v);
                    case 3 -> out.real((Double) v);
                    case 4 -> out.whole((Integer) v);
                    case 5 -> out.integer((Integer) v);
                    case 6 -> out.longWhole((Long) v);
                    case 7 -> out.time((LocalDateTime) v);
                    case 8 -> out.flag((Boolean) v);
                    default -> out.choice((TargetRegion) v);
                }
                written.add(v);
            }
        }
        return written;
    }

    private static List<Object> readMixed(Path file, int buffer, long seed) throws IOException {
        Random random = new Random(seed);
        List<Object> read = new ArrayList<>();
        try (SpillIn in = new SpillIn(file, buffer)) {
            for (int i = 0; i < 3_000; i++) {
                int kind = random.nextInt(10);
                value(kind, random);
                read.add(switch (kind) {
                    case 0 -> in.text();
                    case 1 -> in.word();
                    case 2 -> in.number();
                    case 3 -> in.real();
                    case 4 -> in.whole();
                    case 5 -> in.integer();
                    case 6 -> in.longWhole();
                    case 7 -> in.time();
                    case 8 -> in.flag();
                    default -> in.choice(TargetRegion.values());
                });
            }
            assertThrows(EOFException.class, in::flag);
        }
        return read;
    }

    private static Object value(int kind, Random r) {
        boolean missing = r.nextInt(5) == 0;
        return switch (kind) {
            case 0, 1 -> missing ? null : TEXTS.get(r.nextInt(TEXTS.size()));
            case 2 -> missing ? null : r.nextGaussian() * 1e3;
            case 3 -> r.nextDouble() - 0.5;
            case 4 -> missing ? null : r.nextInt();
            case 5 -> r.nextInt();
            case 6 -> r.nextLong();
            case 7 -> missing ? null : LocalDateTime.of(1900 + r.nextInt(200), 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(1_000_000_000));
            case 8 -> r.nextBoolean();
            default -> missing ? null : TargetRegion.values()[r.nextInt(TargetRegion.values().length)];
        };
    }
}
