-- The shop's contact address, announced in shop.updated: the notifier alerts it when the shop
-- has set no support address.
ALTER TABLE shops ADD COLUMN contact_email text;
