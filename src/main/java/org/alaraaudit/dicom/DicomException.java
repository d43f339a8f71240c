package org.alaraaudit.dicom;

/** A DICOM file or DICOM JSON document that cannot be read as data elements; the message names what is wrong. */
public final class DicomException extends RuntimeException {
    public DicomException(String message) { super(message); }

    public DicomException(String message, Throwable cause) { super(message, cause); }
}
