-- The contrast of the exam each dose value comes from, as the audit classed it: with, without, both (done with and
-- without), or unknown. A protocol catalog can hold an exam with contrast to a row of its own (PED CHEST 5-10Y C+);
-- values stored before that row existed sit under the protocol's other row, and a range derived from the history
-- (rules derive-ranges) must leave the exams with contrast out of it. Values stored before this column have none,
-- and derive-ranges leaves them out of such a protocol's range, saying how many.
ALTER TABLE dose_value ADD COLUMN exam_contrast VARCHAR(10);
