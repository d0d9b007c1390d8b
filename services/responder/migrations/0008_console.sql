-- The staff web console (services/responder/console): passwords and browser sessions.

-- argon2id (PHC string). NULL: the user has no password and signs in with an API key only.
ALTER TABLE users ADD COLUMN password_hash text;
ALTER TABLE users ADD COLUMN password_changed_at timestamptz;

-- One row per signed-in browser. Only the SHA-256 of the cookie's 256-bit random value is
-- kept, so a leaked table opens no session. Revoked sessions stay until they expire (the
-- account page lists them); the maintenance sweep deletes expired ones.
CREATE TABLE console_sessions (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash   text        NOT NULL UNIQUE,
    user_id      bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The synchronizer token every form and htmx request of this session carries.
    csrf_token   text        NOT NULL,
    -- What the account page shows to tell sessions apart ("Chrome on Android"), cut to 200.
    user_agent   text        NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
CREATE INDEX console_sessions_user ON console_sessions (user_id, created_at DESC);
