package org.alaraaudit.history;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The history store could not be opened, read or written. An I/O failure to the command line, so it ends the
 * run with exit code 5 ("report or history could not be written") and one clear message.
 */
public final class HistoryException extends UncheckedIOException {
    public HistoryException(String message, Throwable cause) {
        super(message, cause instanceof IOException io ? io : new IOException(cause == null ? message : cause.getMessage(), cause));
    }
}
