package org.alaraaudit.scanlog;

/** A value that parses but is unusual: audited all the same, and counted so that someone looks at it. */
public record DataWarning(String file, long line, String column, String value, String reason) {}
