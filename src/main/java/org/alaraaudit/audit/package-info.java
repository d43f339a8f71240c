/**
 * One audit as a pipeline: {@link org.alaraaudit.audit.AuditRun} reads and validates the inputs, groups the rows by
 * patient, evaluates each patient (studies, doses, rules) and gathers an {@link org.alaraaudit.audit.AuditResult}
 * that every report reads. The period's totals live in {@code aggregate}, the temporary files that bound memory in
 * {@code spill}.
 */
package org.alaraaudit.audit;
