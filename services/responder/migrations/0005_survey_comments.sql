-- The customer's survey comment ("anything else you want the shop to know?"), from
-- survey.answered, shown to staff on the order's survey reviews. Cleared on customer redaction.
ALTER TABLE survey_answers ADD COLUMN comment text;
CREATE INDEX survey_answers_order ON survey_answers (shop_id, order_id) WHERE comment IS NOT NULL;
