package org.alaraaudit.model;

/** Finding severities, most severe first. */
public enum Severity {
    CRITICAL, MAJOR, MINOR, INFO;

    public boolean atLeast(Severity other) { return this.ordinal() <= other.ordinal(); }
}
