package org.alaraaudit.scanlog;

import java.nio.file.Path;
import java.util.Iterator;

/** A stream of raw rows from one input file, whatever its format. */
public interface ScanLogReader extends Iterator<RawRow>, AutoCloseable {
    String fileName();

    Path path();

    @Override
    void close();
}
