package org.alaraaudit.model;

/** A policy or reference table that cannot be used; names the file and line so a safety officer can fix it. */
public class TableException extends RuntimeException {
    private final String file;
    private final long line;

    public TableException(String file, long line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() { return file; }

    public long line() { return line; }
}
