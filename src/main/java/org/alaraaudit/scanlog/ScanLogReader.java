package org.alaraaudit.scanlog;

import java.nio.file.Path;
import java.util.Iterator;

/** A stream of raw rows from one input file, whatever its format. */
public interface ScanLogReader extends Iterator<RawRow>, AutoCloseable {
    String fileName();

    Path path();

    /** The mapping profile the file is read with (canonical for the canonical format). */
    default String profileName() { return "canonical"; }

    /** How the report names the way this file was read: a built-in profile's name, or the profile file's name. */
    default String readAs() { return profileName(); }

    /** The SHA-256 of the profile file the file was read with; null for a built-in layout. */
    default String profileSha256() { return null; }

    /**
     * False when the file has no patient identifier column, so that each study stands for its own patient and
     * REPEAT_STUDY and CUMULATIVE_DOSE cannot be assessed.
     */
    default boolean hasPatientIdentifiers() { return true; }

    /**
     * True when the file's header has a column for {@code c} (or its profile a fixed value): false means that no row
     * of the file can hold it. A dose report carries each event's values itself, so it has every column.
     */
    default boolean hasColumnFor(CanonicalColumn c) { return true; }

    /** The SHA-256 of the bytes read from the file; complete once the last row has been read. */
    String sha256();

    @Override
    void close();
}
