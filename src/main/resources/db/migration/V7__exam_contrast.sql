-- The contrast of the exam each dose value comes from, as the audit classed it: with, without, both (done with and
-- without), or unknown. A protocol catalog can hold an exam with contrast to a row of its own (PED CHEST 5-10Y C+);
-- values stored before that row existed sit under the protocol's other row, and a range derived from the history
-- (rules derive-ranges) must leave the exams with contrast out of it.
ALTER TABLE dose_value ADD COLUMN exam_contrast VARCHAR(10);
-- What a stored value's DRL group label (V5) says of its exam: a group of a DRL row of one contrast holds exams of
-- that contrast; the groups in parentheses hold exams done both ways or of contrast not known. The other values
-- stored before this column (no DRL row, or stored before V5) stay NULL: derive-ranges leaves them out of a
-- protocol whose exams with contrast have a row of their own, saying how many.
UPDATE dose_value SET exam_contrast = 'with' WHERE contrast_label = 'with contrast';
UPDATE dose_value SET exam_contrast = 'without' WHERE contrast_label = 'without contrast';
UPDATE dose_value SET exam_contrast = 'both' WHERE contrast_label = '(with and without contrast)';
UPDATE dose_value SET exam_contrast = 'unknown' WHERE contrast_label = '(contrast not known)';
