-- A person's correction of a review's sentiment in the responder (review.sentiment.corrected).
-- Kept apart from the review's row: it comes on another topic and may arrive before the
-- review's classification, which then reads it. `reviews.sentiment` is the effective one.
CREATE TABLE sentiment_corrections (
    shop_id      text        NOT NULL,
    review_id    text        NOT NULL,
    sentiment    text        NOT NULL CHECK (sentiment IN ('negative', 'neutral', 'positive')),
    corrected_at timestamptz NOT NULL,
    PRIMARY KEY (shop_id, review_id)
);
