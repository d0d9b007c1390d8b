-- Issue 20: a survey review whose respondent got something for answering (the same for every
-- answer, whatever the rating) is labelled wherever it is published; the reviewer's display
-- name is kept in reviewer_name like a platform's.
ALTER TABLE reviews ADD COLUMN incentivized boolean NOT NULL DEFAULT false;
