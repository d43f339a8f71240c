package org.alaraaudit.dosimetry;

/** A size-specific dose estimate in mGy and how it was obtained ("exported", or the size and factor used). */
public record SsdeEstimate(double mgy, String method) {}
