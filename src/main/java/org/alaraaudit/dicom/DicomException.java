package org.alaraaudit.dicom;

/** A DICOM file or DICOM JSON document that cannot be read as data elements; the message names what is wrong. */
public final class DicomException extends RuntimeException {
    /** Not sent anywhere: a data set is held only while its file is read. */
    private final transient DataSet readBeforeTheEnd;

    public DicomException(String message) { this(message, (DataSet) null); }

    public DicomException(String message, Throwable cause) {
        super(message, cause);
        this.readBeforeTheEnd = null;
    }

    /** A file that ends too soon: {@code read} holds the elements of its data set read whole before the end. */
    DicomException(String message, DataSet read) {
        super(message);
        this.readBeforeTheEnd = read;
    }

    /**
     * For a file cut short, the top-level elements of its data set read whole before the cut (null otherwise): the
     * header that names the study comes before the content tree, so a cut report still says whose study it was.
     */
    public DataSet readBeforeTheEnd() { return readBeforeTheEnd; }
}
