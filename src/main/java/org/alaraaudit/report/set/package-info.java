/**
 * The reports one audit writes, chosen by format: which writer makes which file in the output folder. The
 * audit command and the benchmark write the same set, so a new format is added here once.
 */
package org.alaraaudit.report.set;
