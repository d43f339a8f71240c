/**
 * The trend report as PDF and workbook, drawn from the figures {@code history.trend} reads out of the store.
 * Type, colours and charts are the audit reports' ({@code report.Palette}, {@code report.pdf.Typography},
 * {@code report.pdf.ChartStyle}, {@code report.excel.ChartShapes}), so the two reports look like one product.
 */
package org.alaraaudit.report.trend;
