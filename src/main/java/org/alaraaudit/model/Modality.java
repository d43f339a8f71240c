package org.alaraaudit.model;

/** Imaging modalities the scan log carries. */
public enum Modality {
    CT, DX, CR, RF, XA, MG;

    /** Projection radiography and fluoroscopy report dose-area product rather than CTDIvol. */
    public boolean reportsDap() { return this == DX || this == CR || this == RF || this == XA; }
}
