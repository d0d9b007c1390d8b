-- Issue 20: published product reviews copied into the shop's Shopify store as standard
-- product review metaobjects, with the product's rating and rating count
-- (services/responder/shopify_reviews).

-- A shop's Shopify store, as the sync reaches it through the Admin GraphQL API. Not a reply
-- connector (platform_connections): nothing is answered through it. The access token has its
-- own column, like the platform connections' tokens, so nothing that lists connections can
-- show it by accident.
CREATE TABLE shopify_connections (
    shop_id            text        PRIMARY KEY,
    shop_domain        text        NOT NULL,     -- example.myshopify.com
    base_url           text        NOT NULL,     -- https://<shop_domain>, or a proxy / test server
    api_version        text        NOT NULL,     -- e.g. 2025-07
    access_token       text        NOT NULL,
    definition_enabled boolean     NOT NULL DEFAULT false,  -- standardMetaobjectDefinitionEnable answered
    updated_at         timestamptz NOT NULL
);

-- What the sync last did for each product review of a connected shop. `seen_updated_at` is the
-- public_reviews.updated_at last handled: a row whose review changed since then is due again.
-- `metaobject_id` is kept after the review itself is deleted (customer or shop redaction):
-- the remote copy is deleted through it. Never any text of the review here.
CREATE TABLE shopify_review_sync (
    shop_id          text        NOT NULL,
    review_id        text        NOT NULL,
    product_id       text        NOT NULL,
    metaobject_id    text,                       -- NULL: no copy in Shopify
    synced_hash      text,                       -- the fields last written (NULL: none)
    seen_updated_at  timestamptz,
    attempts         integer     NOT NULL DEFAULT 0,   -- failures in a row
    last_error       text,
    next_try_at      timestamptz,
    PRIMARY KEY (shop_id, review_id)
);
CREATE INDEX shopify_review_sync_due ON shopify_review_sync (shop_id, next_try_at)
    WHERE next_try_at IS NOT NULL;

-- Products whose reviews.rating / reviews.rating_count must be written again (`dirty`), and
-- what was last written, so an unchanged aggregate is not sent twice.
CREATE TABLE shopify_product_ratings (
    shop_id      text        NOT NULL,
    product_id   text        NOT NULL,
    dirty        boolean     NOT NULL DEFAULT true,
    synced_hash  text,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text,
    next_try_at  timestamptz,
    PRIMARY KEY (shop_id, product_id)
);
