-- One-time sign-in links (docs/console.md, "Users and your account"): an admin creates one for
-- a user, who opens it to choose a password. Only the SHA-256 of the link's 256-bit random
-- token is kept; a link is used once, expires, and a newer link for the user replaces it.
CREATE TABLE sign_in_links (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash  text        NOT NULL UNIQUE,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX sign_in_links_user ON sign_in_links (user_id) WHERE used_at IS NULL AND revoked_at IS NULL;
