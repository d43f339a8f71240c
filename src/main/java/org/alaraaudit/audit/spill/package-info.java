/**
 * The audit's temporary files, which keep memory bounded by a limit rather than by the input: rows grouped by
 * patient, sorted runs of findings and dose values. Every file writes a row's or a finding's parts with one codec
 * per part ({@link org.alaraaudit.audit.spill.RowCodec}, {@link org.alaraaudit.audit.spill.FindingCodec}).
 */
package org.alaraaudit.audit.spill;
