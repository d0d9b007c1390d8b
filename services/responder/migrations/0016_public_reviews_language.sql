-- The public API's language filter counted one product's reviews in a language by reading the
-- rows (18-40 ms for a product with 6,180 reviews, bench/public_reviews): with the language in
-- the key, the count and the newest-first page come from the index.
CREATE INDEX public_reviews_language ON public_reviews (shop_id, product_id, language, submitted_at DESC, review_id)
    WHERE status = 'published';
