/**
 * The synthetic scan-log generator: realistic sites, patients and exams with planted anomalies, the same file for
 * the same seed. The sample months in `sample-data/` are made with it.
 */
package org.alaraaudit.sample;
