package org.alaraaudit.report.pdf;

/** A report template that cannot be used: names the file and the key at fault so the user can fix it. */
public final class TemplateException extends RuntimeException {
    private final String file;
    private final String key;

    public TemplateException(String file, String key, String problem) {
        super(file + (key == null ? "" : ": key '" + key + "'") + ": " + problem);
        this.file = file;
        this.key = key;
    }

    public String file() { return file; }

    /** The key at fault, or null when the file itself is the problem (missing, unreadable). */
    public String key() { return key; }
}
