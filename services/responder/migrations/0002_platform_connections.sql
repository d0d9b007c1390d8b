-- A shop's connections to review platforms (Trustpilot, Google Business Profile): replies to
-- that platform's reviews go to its API instead of the shop's signed webhook. `settings` holds
-- the ids the platform's paths need (never a secret); the access token has its own column so
-- nothing that lists connections can show it by accident. Kept in clear like the webhook
-- secret, because every delivery sends it.
CREATE TABLE platform_connections (
    shop_id      text        NOT NULL,
    platform     text        NOT NULL CHECK (platform IN ('trustpilot', 'google')),
    base_url     text        NOT NULL,
    settings     jsonb       NOT NULL DEFAULT '{}',
    access_token text        NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (shop_id, platform)
);

-- Which connector the last attempt went through (webhook, trustpilot, google), so a failure
-- can be traced to the connection to fix. Chosen again at every attempt.
ALTER TABLE publications ADD COLUMN channel text;
