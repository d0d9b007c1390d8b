-- Every review once, from surveys and platforms: keyed by source and the source's own id, so an
-- edit on the platform updates the row instead of adding one.
CREATE TABLE reviews (
    shop_id           text        NOT NULL,
    review_id         text        NOT NULL,   -- '<source>:<source review id>'
    source            text        NOT NULL,
    source_review_id  text        NOT NULL,
    revision          integer     NOT NULL DEFAULT 1,
    rating            smallint    CHECK (rating BETWEEN 1 AND 5),
    title             text,
    text              text,
    language_declared text,
    reviewer_name     text,
    reviewer_email    text,
    reference_id      text,
    product_id        text,
    platform_verified boolean     NOT NULL DEFAULT false,
    order_id          text,
    match_method      text        CHECK (match_method IN ('reference', 'survey', 'email_product')),
    case_key          text        NOT NULL,
    source_created_at timestamptz NOT NULL,
    source_updated_at timestamptz NOT NULL,
    deleted_at        timestamptz,
    classification    jsonb,
    model_version     text,
    -- Set when content changed and the review waits for the classifier.
    needs_classification boolean  NOT NULL DEFAULT true,
    received_at       timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, review_id)
);
CREATE INDEX reviews_to_classify ON reviews (received_at) WHERE needs_classification;
CREATE INDEX reviews_order ON reviews (shop_id, order_id);
CREATE INDEX reviews_model_version ON reviews (model_version);
