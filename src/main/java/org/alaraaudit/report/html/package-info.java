/**
 * The self-contained dashboard pages of an audit and a trend: data, styles and the pinned ECharts script inline,
 * every input value escaped, no network access when opened.
 */
package org.alaraaudit.report.html;
