-- A person's reading of a review's sentiment where the classifier's was wrong (a sarcastic
-- complaint under 5 stars read as praise). `sentiment` holds the effective label (the
-- person's, else the classifier's); a later classification of the review keeps the person's.
ALTER TABLE reviews ADD COLUMN sentiment_by_staff text
    CHECK (sentiment_by_staff IN ('negative', 'neutral', 'positive'));
