package org.alaraaudit.scanlog;

/** An input file of the run and its SHA-256, so a report can be checked against its sources. */
public record InputFile(String file, String path, String sha256) {}
