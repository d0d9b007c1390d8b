-- Category delays are at most 365 days now (shared/time_bounds.py); the API used to take any
-- integer, and a shop's settings that no longer validate could not be read at all. Values out
-- of range are clamped to the bounds the API enforces.
UPDATE shops
SET settings = jsonb_set(
    settings,
    '{category_delays_days}',
    (SELECT coalesce(jsonb_object_agg(
                key,
                CASE WHEN jsonb_typeof(value) = 'number'
                     THEN to_jsonb(least(greatest(trunc(value::numeric), 0), 365)::int)
                     ELSE value END),
            '{}'::jsonb)
     FROM jsonb_each(settings -> 'category_delays_days'))
)
WHERE jsonb_typeof(settings -> 'category_delays_days') = 'object';
