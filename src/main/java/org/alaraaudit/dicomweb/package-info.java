/**
 * The DICOMweb client behind pull and audit --dicomweb: QIDO-RS finds a period's dose reports, WADO-RS fetches
 * their metadata as DICOM JSON, with sign-in from a file or the environment and retries on server errors.
 */
package org.alaraaudit.dicomweb;
