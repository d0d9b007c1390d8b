-- Issue 20: reviews shown to shoppers, and the ledger of every moderation decision.

-- What shoppers see, one row per review from our own surveys. Written by the responder's
-- consumer and moderation service only; read by the storefront process (its own Deployment),
-- the feed, the structured data and the Shopify sync. `body` is the reviewer's text with the
-- recorded personal-data redactions applied and nothing else changed.
CREATE TABLE public_reviews (
    shop_id        text        NOT NULL,
    review_id      text        NOT NULL,
    product_id     text,                      -- NULL: a review of the shop itself
    order_id       text,
    rating         smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title          text,
    body           text,
    display_name   text,                      -- as the reviewer chose it; NULL: anonymous
    language       text        NOT NULL,
    verified       boolean     NOT NULL,
    verified_by    text,                      -- how: the review's match method
    incentivized   boolean     NOT NULL DEFAULT false,
    status         text        NOT NULL DEFAULT 'published'
                   CHECK (status IN ('published', 'held', 'rejected')),
    submitted_at   timestamptz NOT NULL,
    published_at   timestamptz,               -- first shown; kept while held or rejected later
    updated_at     timestamptz NOT NULL,      -- any change a reader could see (ETag, sync)
    reply_text     text,                      -- the shop's published reply
    replied_at     timestamptz,
    PRIMARY KEY (shop_id, review_id)
);
-- Newest first per product (the default order) and the aggregate per product (rating in the
-- key: counts per star come from the index alone).
CREATE INDEX public_reviews_newest ON public_reviews (shop_id, product_id, submitted_at DESC, review_id)
    WHERE status = 'published';
CREATE INDEX public_reviews_rating ON public_reviews (shop_id, product_id, rating, submitted_at DESC, review_id)
    WHERE status = 'published';
CREATE INDEX public_reviews_changed ON public_reviews (shop_id, updated_at);

-- What the feed and structured data say about a product, from the order lines reviews came
-- with (product identifiers as the platform sent them).
CREATE TABLE public_products (
    shop_id     text        NOT NULL,
    product_id  text        NOT NULL,
    name        text        NOT NULL,
    sku         text,
    gtin        text,
    mpn         text,
    brand       text,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (shop_id, product_id)
);

-- Every moderation decision, never updated or deleted (a customer redaction blanks `evidence`
-- only). `reason` comes from a fixed list; the CHECK is the last line behind the service's own
-- refusal, so no path can record "rating" or "negative" as a reason.
CREATE TABLE moderation_decisions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id     text        NOT NULL,
    review_id   text        NOT NULL,
    action      text        NOT NULL CHECK (action IN ('publish', 'hold', 'reject', 'redact')),
    reason      text        CHECK (reason IN ('insult_or_hate', 'personal_data',
                    'spam_or_advertising', 'off_target', 'illegal_content', 'not_a_buyer')),
    evidence    text,
    actor       text        NOT NULL,
    decided_at  timestamptz NOT NULL,
    details     jsonb       NOT NULL DEFAULT '{}',
    CHECK (action = 'publish' OR reason IS NOT NULL)
);
CREATE INDEX moderation_decisions_review ON moderation_decisions (shop_id, review_id, decided_at);
CREATE INDEX moderation_decisions_shop ON moderation_decisions (shop_id, decided_at);
