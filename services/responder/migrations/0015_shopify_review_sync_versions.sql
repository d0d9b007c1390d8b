-- The row version (xmin) of the public_reviews row the Shopify sync last handled: any change
-- of the row makes the review due again, also one that leaves updated_at as it was (two
-- changes at the same instant, an older event folded in with greatest()). updated_at alone
-- missed those. A restore that renumbers row versions makes every review due once; the
-- fields' hash then finds nothing changed and nothing is sent.
ALTER TABLE shopify_review_sync ADD COLUMN seen_version text;
