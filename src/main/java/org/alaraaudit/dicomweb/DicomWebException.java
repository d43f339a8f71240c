package org.alaraaudit.dicomweb;

/** The DICOMweb server could not be used: unreachable, refused the credentials, or answered with an error. */
public final class DicomWebException extends RuntimeException {
    public DicomWebException(String message) { super(message); }

    public DicomWebException(String message, Throwable cause) { super(message, cause); }
}
