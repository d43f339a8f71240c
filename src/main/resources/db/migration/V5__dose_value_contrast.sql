-- What a dose value's DRL group said of contrast, as the audit's DRL table wrote it beside the exam type: "with
-- contrast" for a DRL row of contrast exams, "(contrast not known)" or "(with and without contrast)" for exams
-- compared with a row of another contrast, which form groups of their own; null for the usual exam. Without it
-- a trend showed two rows of one label with two DRLs. Values stored before it have none.
ALTER TABLE dose_value ADD COLUMN contrast_label VARCHAR(40);
