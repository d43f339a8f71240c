/**
 * DICOM dose reports read without a DICOM library (none is served here): the Part 10 data-element stream and
 * DICOM JSON, the SR content tree, and the CT (TID 10011) and projection X-ray (TID 10001) templates as events.
 */
package org.alaraaudit.dicom;
