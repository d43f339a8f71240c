/**
 * The outputs of a run and of a trend: findings files, the PDF, the workbook and the trend writers, with the
 * typography, palette and chart style they share. Writers read results; none of them changes one.
 */
package org.alaraaudit.report;
