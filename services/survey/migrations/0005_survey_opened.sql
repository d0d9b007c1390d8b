-- When the customer first opened the survey page through the email's link. This is the
-- "opened" figure: no tracking pixel (consent rules, and mail clients that prefetch images make
-- pixel opens meaningless); link scanners of some mail gateways may still count as opens.
ALTER TABLE surveys ADD COLUMN opened_at timestamptz;
