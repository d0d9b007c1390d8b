-- A suppression is kept under a keyed hash of the address (HMAC with the deployment's pepper,
-- services/survey/suppressions.py), as mail systems keep their suppression lists: an
-- unsubscribe outlives the redaction of the address it came from. Rows written before carry the
-- address until they are redacted, which turns them into a key too; `email` is gone from rows
-- written from now on.
ALTER TABLE suppressions ADD COLUMN email_key text;
ALTER TABLE suppressions DROP CONSTRAINT suppressions_pkey;
ALTER TABLE suppressions ALTER COLUMN email DROP NOT NULL;
ALTER TABLE suppressions ADD CONSTRAINT suppressions_address
    CHECK (email IS NOT NULL OR email_key IS NOT NULL);
CREATE UNIQUE INDEX suppressions_tenant_email ON suppressions (tenant_group, email);
CREATE UNIQUE INDEX suppressions_tenant_key ON suppressions (tenant_group, email_key);
