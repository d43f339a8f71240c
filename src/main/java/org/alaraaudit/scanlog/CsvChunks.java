package org.alaraaudit.scanlog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A large canonical CSV file read on two threads. The file is read once, front to back, and hashed as it is read
 * (the digest is of the bytes audited, as with one thread); it is cut into chunks of about 128 KB, each ending
 * with a line break outside quotes (an even number of {@code "} before it), and the chunks are parsed, matched
 * against the exclusions and validated on the reading threads. Rows are handed on in input order, so line
 * numbers, which of two equal rows is the duplicate, rejections, warnings and the row accounting are exactly those
 * of reading on one thread.
 *
 * <p>Quote parity is only a guess at the parser's state: a quote inside an unquoted cell ({@code 5"}) is text to
 * the parser and flips the parity. A chunk whose bytes end inside a quoted field proves its end was no record
 * boundary; then that chunk and everything after it is read on this thread as one, as a one-thread read would. A
 * chunk that parsed to its end without that began and ended on a true boundary (it started on one, and saw the
 * bytes a one-thread read sees), so its rows, and any error it stopped on, are the one-thread read's. A stray quote
 * is decided from the text of its record up to where it shows, never from what follows the chunk (a quote never
 * closed is a stray one only in the chunk that ends the file), so a chunk sets aside the rows a one-thread read sets
 * aside. A stray quote leaves the quote count odd, so the split finds no boundary after it until another quote
 * evens it: the rest is then read on this thread, with the same rows, only slower.
 */
final class CsvChunks implements AutoCloseable {
    /** Files smaller than this are read on one thread: splitting would cost more than it saves. */
    static final long PARALLEL_FROM_BYTES = 8L << 20;
    /**
     * Small enough that a chunk's rows die young: with megabyte chunks the rows waiting to be handed on outlived
     * young collections and were copied into the old generation (and each buffer was a humongous G1 object), which
     * cost more CPU than the second thread saved.
     */
    static final int CHUNK_BYTES = 128 << 10;
    private static final int READING_THREADS = 2;
    /** Chunks parsed ahead of the one being handed on: enough to keep both threads busy, bounded in memory. */
    private static final int AHEAD = 4;
    /** A chunk with no boundary in this many chunk lengths (a quoted field that long, or parity gone wrong) ends the split. */
    private static final int LONGEST_CHUNK = 16;
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    /** A row as a reading thread leaves it: read, matched against the exclusions and, when not excluded, checked. */
    record CheckedRow(RawRow raw, boolean excluded, RowValidator.Checked checked) {
        static CheckedRow of(RawRow raw, Exclusions exclusions, RowValidator validator) {
            if (exclusions.match(raw).isPresent()) return new CheckedRow(raw, true, null);
            return new CheckedRow(raw, false, validator.check(raw));
        }
    }

    /** Bytes of the file from a record boundary, {@code lineOffset} line breaks into it. */
    private record Chunk(byte[] bytes, int length, long lineOffset, boolean first, boolean last) {
        InputStream stream() { return new ByteArrayInputStream(bytes, 0, length); }
    }

    private record Parsed(List<CheckedRow> rows, ScanLogException failure, boolean quoteOpenAtEnd) {}

    private record Pending(Chunk chunk, Future<Parsed> parsed) {}

    private final Path path;
    private final List<String> header;
    private final char delimiter;
    private final Exclusions exclusions;
    private final RowValidator validator;
    private final int chunkBytes;
    private final ThreadLocal<RowValidator> threadValidators;
    private final ExecutorService threads;
    private final DigestInputStream digest;
    /** Bytes read from the file and not yet in a chunk; they start on a record boundary. */
    private byte[] carry = new byte[0];
    private int carryLength;
    /** Line breaks before {@link #carry}, counted as the parser counts them (CR, LF, CR LF). */
    private long linesBefore;
    private boolean firstChunk = true;
    private boolean endOfFile;
    /** No record boundary was found within {@link #LONGEST_CHUNK} lengths: the carried bytes on are read as one. */
    private boolean noBoundary;

    /**
     * @param layout the file's reader, whose header was checked when it was opened: its header and delimiter are
     *               every chunk's
     */
    CsvChunks(Path path, CsvTable layout, Exclusions exclusions, RowValidator validator, int chunkBytes) {
        this.path = path;
        this.header = List.copyOf(layout.header());
        this.delimiter = layout.delimiter();
        this.exclusions = exclusions;
        this.validator = validator;
        this.chunkBytes = chunkBytes;
        this.threadValidators = ThreadLocal.withInitial(validator::forReadingThread);
        try {
            this.digest = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"));
        } catch (IOException e) {
            throw new ScanLogException(path.getFileName() + ": cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.threads = Executors.newFixedThreadPool(READING_THREADS, r -> {
            Thread t = new Thread(r, "csv-reading-" + THREAD_NUMBER.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Hands every row of the file to {@code rows}, in input order, on the calling thread. */
    void read(Consumer<CheckedRow> rows) {
        Deque<Pending> ahead = new ArrayDeque<>();
        try {
            while (true) {
                while (ahead.size() < AHEAD && !endOfFile && !noBoundary) {
                    Chunk c = nextChunk();
                    if (c == null) break;
                    ahead.add(new Pending(c, threads.submit(() -> parse(c))));
                }
                if (ahead.isEmpty()) {
                    // No boundary within the longest chunk allowed: the rest is read here, as one.
                    if (noBoundary) readRestOnThisThread(null, ahead, rows);
                    return;
                }
                Pending next = ahead.poll();
                Parsed p = result(next.parsed());
                if (p.quoteOpenAtEnd() && !next.chunk().last()) {
                    // Not a record boundary after all: from this chunk on, one parser, as on one thread.
                    for (Pending later : ahead) later.parsed().cancel(false);
                    readRestOnThisThread(next.chunk(), ahead, rows);
                    return;
                }
                p.rows().forEach(rows);
                if (p.failure() != null) throw p.failure();
            }
        } catch (IOException e) {
            throw new ScanLogException(path.getFileName() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private Parsed result(Future<Parsed> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + path.getFileName(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** On a reading thread: the chunk's rows up to its end or to the error a one-thread read stops on. */
    private Parsed parse(Chunk c) {
        RowValidator own = threadValidators.get();
        List<CheckedRow> rows = new ArrayList<>(Math.max(16, c.length() / 200));
        CsvTable table = null;
        try {
            table = new CsvTable(path, c.stream(), c.first() ? null : header, delimiter, c.lineOffset(), c.last());
            try (CsvScanLogReader reader = new CsvScanLogReader(table)) {
                while (reader.hasNext()) rows.add(CheckedRow.of(reader.next(), exclusions, own));
            }
            return new Parsed(rows, null, false);
        } catch (ScanLogException e) {
            return new Parsed(rows, e, table != null && table.quoteOpenAtEnd());
        }
    }

    /**
     * Reads, on this thread and with one parser, from {@code from} (a chunk whose end was no boundary; null: from
     * the carried bytes) through the chunks read ahead, the carried bytes and the rest of the file.
     */
    private void readRestOnThisThread(Chunk from, Deque<Pending> ahead, Consumer<CheckedRow> rows) {
        List<InputStream> parts = new ArrayList<>();
        long lineOffset = linesBefore;
        boolean first = firstChunk;
        if (from != null) {
            parts.add(from.stream());
            lineOffset = from.lineOffset();
            first = from.first();
        }
        for (Pending later : ahead) parts.add(later.chunk().stream());
        ahead.clear();
        parts.add(new ByteArrayInputStream(carry, 0, carryLength));
        carry = new byte[0];
        carryLength = 0;
        parts.add(digest);
        InputStream rest = new SequenceInputStream(Collections.enumeration(parts));
        try (CsvScanLogReader reader = new CsvScanLogReader(new CsvTable(path, rest, first ? null : header, delimiter, lineOffset, true))) {
            while (reader.hasNext()) rows.accept(CheckedRow.of(reader.next(), exclusions, validator));
        }
    }

    /**
     * The next chunk: the carried bytes and about a chunk's length more, up to the last line break outside quotes;
     * the whole rest at the end of the file. Null when there is nothing left, or no boundary was found within
     * {@link #LONGEST_CHUNK} lengths (the bytes stay carried, to be read on one thread).
     */
    private Chunk nextChunk() throws IOException {
        while (true) {
            if (carry.length < carryLength + chunkBytes) {
                if (carryLength + chunkBytes > LONGEST_CHUNK * chunkBytes) {
                    noBoundary = true;
                    return null;
                }
                carry = Arrays.copyOf(carry, carryLength + chunkBytes);
            }
            int want = carry.length - carryLength;
            int n = digest.readNBytes(carry, carryLength, want);
            carryLength += n;
            if (n < want) endOfFile = true;
            if (endOfFile) {
                if (carryLength == 0) return null;
                Chunk c = new Chunk(carry, carryLength, linesBefore, firstChunk, true);
                carry = new byte[0];
                carryLength = 0;
                firstChunk = false;
                return c;
            }
            Boundary boundary = lastBoundary(carry, carryLength);
            int end = boundary.end();
            if (end > 0) {
                Chunk c = new Chunk(carry, end, linesBefore, firstChunk, false);
                linesBefore += boundary.lineBreaks();
                byte[] rest = new byte[Math.max(chunkBytes, carryLength - end) + chunkBytes];
                System.arraycopy(carry, end, rest, 0, carryLength - end);
                carryLength -= end;
                carry = rest;
                firstChunk = false;
                return c;
            }
        }
    }

    /** Where a chunk ends (0: no boundary yet) and how many line breaks come before that. */
    record Boundary(int end, long lineBreaks) {}

    /**
     * The position after the last line feed outside quotes in {@code b[0, length)}, 0 if there is none, and the
     * line breaks before it as the parser counts them (each CR, and each LF not after a CR), in one pass: chunks
     * are cut on the reading thread, and a pass for each was a twentieth of its work. Doubled quotes inside a
     * quoted field flip the parity twice, so they need no case of their own.
     */
    static Boundary lastBoundary(byte[] b, int length) {
        boolean quoted = false;
        int last = 0;
        long breaks = 0;
        long breaksAtLast = 0;
        byte previous = '\n';
        int i = 0;
        while (i < length) {
            // Eight bytes at a time past text without a quote or line break, most of a scan log: the byte loop
            // alone was a tenth of the reading thread.
            if (i + Long.BYTES <= length && !holdsQuoteOrBreak((long) EIGHT_BYTES.get(b, i))) {
                previous = 0;
                i += Long.BYTES;
                continue;
            }
            int end = Math.min(length, i + Long.BYTES);
            for (; i < end; i++) {
                byte x = b[i];
                if (x == '"') {
                    quoted = !quoted;
                } else if (x == '\r') {
                    breaks++;
                } else if (x == '\n') {
                    if (previous != '\r') breaks++;
                    if (!quoted) {
                        last = i + 1;
                        breaksAtLast = breaks;
                    }
                }
                previous = x;
            }
        }
        return new Boundary(last, breaksAtLast);
    }

    private static final java.lang.invoke.VarHandle EIGHT_BYTES =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Whether any of the eight bytes is a quote, CR or LF: a byte equal to one leaves a zero byte after XOR. */
    private static boolean holdsQuoteOrBreak(long w) {
        return (zeroByte(w ^ (ONES * '"')) | zeroByte(w ^ (ONES * '\r')) | zeroByte(w ^ (ONES * '\n'))) != 0;
    }

    /** Non-zero exactly when {@code v} has a zero byte (the classic bit trick; exact as a yes or no). */
    private static long zeroByte(long v) { return (v - ONES) & ~v & HIGH_BITS; }

    /** The SHA-256 of the bytes read from the file: once every row is read, the whole file as audited. */
    String sha256() { return CsvTable.sha256SoFar(digest); }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            digest.close();
        } catch (IOException ignored) {
            // Read only; nothing is lost.
        }
    }
}
