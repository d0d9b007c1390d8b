-- The second pass classifies outside its claiming transaction (e5 may wait for CPU for a
-- while): a claimed review is leased until this time instead of locked, so an edit of it never
-- waits; a lease that runs out (a crashed replica) makes the review claimable again.
ALTER TABLE reviews ADD COLUMN second_pass_lease_until timestamptz;
