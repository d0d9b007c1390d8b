-- A staff email is unique among the users sharing a shop, not across every tenant: a global
-- UNIQUE made "a user with this email exists" answer an admin of one shop about the staff of
-- any other (issue #16, item 10). The same person working for two unrelated shops has one user
-- in each. The repository checks for a clash within the shops of the new user under an
-- advisory lock per address.
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_key;
CREATE INDEX IF NOT EXISTS users_email ON users (lower(email));
