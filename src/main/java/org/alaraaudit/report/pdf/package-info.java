/**
 * The audit PDF (OpenPDF): one class per section, the template that chooses sections and branding, and the
 * vector charts. What a reviewer signs is laid out here; the figures come from the audit's result.
 */
package org.alaraaudit.report.pdf;
