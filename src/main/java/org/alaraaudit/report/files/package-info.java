/**
 * The machine-readable outputs (findings.csv, findings.json, rejected.csv): stable columns and ids that other
 * tools and the history store rely on.
 */
package org.alaraaudit.report.files;
