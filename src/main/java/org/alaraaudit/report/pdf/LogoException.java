package org.alaraaudit.report.pdf;

/**
 * A template's logo that cannot be used: not a file, not a PNG or JPEG image, or too large. Unlike a typo in a
 * template key (a usage error), this is unusable input, like an unreadable scan log.
 */
public final class LogoException extends RuntimeException {
    public LogoException(String templateFile, String problem) {
        super(templateFile + ": key '" + ReportTemplate.LOGO + "': " + problem);
    }
}
