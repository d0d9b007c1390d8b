-- A redacted review keeps its rating, dates and order link for the shop's statistics; its
-- words and its author are gone, and it is never classified (or announced) again.
ALTER TABLE reviews ADD COLUMN redacted_at timestamptz;
