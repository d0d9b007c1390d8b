-- Ratings are per order line, not per product: two variants of one product (same product id,
-- two lines) are rated apart. `line` is the position in the order's item list (orders.items).
ALTER TABLE product_reviews ADD COLUMN line smallint;
UPDATE product_reviews p SET line = coalesce(
    (SELECT min(e.ord) - 1
     FROM surveys s
     JOIN orders o ON o.shop_id = s.shop_id AND o.order_id = s.order_id
     CROSS JOIN LATERAL jsonb_array_elements(o.items) WITH ORDINALITY AS e(item, ord)
     WHERE s.id = p.survey_id AND e.item->>'product_id' = p.product_id),
    -- An order whose items are gone: distinct placeholders past any real line.
    (SELECT 1000 + count(*) FROM product_reviews q
     WHERE q.survey_id = p.survey_id AND q.product_id < p.product_id)
);
ALTER TABLE product_reviews ALTER COLUMN line SET NOT NULL;
ALTER TABLE product_reviews DROP CONSTRAINT product_reviews_pkey;
ALTER TABLE product_reviews ADD PRIMARY KEY (survey_id, line);
