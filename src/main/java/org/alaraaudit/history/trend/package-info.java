/**
 * The trend's figures read from the history store: per month and series the studies, shares, findings and dose
 * medians against the DRL ({@link org.alaraaudit.history.trend.Trend}). It writes no report: {@code report.trend}
 * does, so the data flows from the store to the reports and never back.
 */
package org.alaraaudit.history.trend;
