-- What the trend needs to name and place what the audit reported, as the audit did.
--
-- A dose value's contrast label, as its DRL group had it beside the exam type: "with contrast" for a DRL row of
-- contrast exams, "(contrast not known)" or "(with and without contrast)" for exams compared with a row of another
-- contrast, which form groups of their own; null for the usual exam. Without it a trend showed two rows of one
-- label with two DRLs. Values stored before it have none.
ALTER TABLE dose_value ADD COLUMN contrast_label VARCHAR(40);

-- The station of a finding on a station's protocol (no single study): by station, the trend counts it for its
-- station, as findings.csv names it, instead of in the All facilities rows only. Findings stored before it have none.
ALTER TABLE run_finding ADD COLUMN station_name VARCHAR(500);
