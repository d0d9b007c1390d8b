-- #18: every survey setting is bounded (services/survey/shops/config.py). Settings stored before
-- that must still be readable, so what the API now refuses is dropped here: category keys that
-- are empty (they matched every product) or longer than 60 characters, keys beyond the first
-- 100, an empty tenant group (it meant "none" in one place and "" in another), control
-- characters in the incentive code.
UPDATE shops
SET settings = jsonb_set(
    settings,
    '{category_delays_days}',
    (SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb)
     FROM (SELECT key, value FROM jsonb_each(settings -> 'category_delays_days')
           WHERE length(key) BETWEEN 1 AND 60 AND key !~ '[\x01-\x1f\x7f]'
           ORDER BY key LIMIT 100) AS kept)
)
WHERE jsonb_typeof(settings -> 'category_delays_days') = 'object';

UPDATE shops SET settings = settings - 'tenant_group'
WHERE settings ->> 'tenant_group' = '';

UPDATE shops
SET settings = jsonb_set(settings, '{incentive_code}',
                         to_jsonb(regexp_replace(settings ->> 'incentive_code',
                                                 '[\x01-\x1f\x7f]', '', 'g')))
WHERE settings ->> 'incentive_code' ~ '[\x01-\x1f\x7f]';
