/**
 * The audit workbook (Apache POI, streaming): one class per sheet, with native charts and the review columns a
 * safety officer fills in and imports back.
 */
package org.alaraaudit.report.excel;
