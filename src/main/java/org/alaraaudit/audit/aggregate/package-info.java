/**
 * The period's totals, gathered as the audit meets each study: compliance figures, DRL groups and their dose
 * samples, protocol statistics, finding counts and the events sheet. They never see the rules or the pipeline.
 */
package org.alaraaudit.audit.aggregate;
