package org.alaraaudit.scanlog;

/** A scan-log file that cannot be read at all; the run stops before anything is written. */
public class ScanLogException extends RuntimeException {
    public ScanLogException(String message) { super(message); }

    public ScanLogException(String message, Throwable cause) { super(message, cause); }
}
