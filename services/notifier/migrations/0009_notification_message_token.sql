-- A random part of each notification's Message-ID. `<notification.<id>@domain>` alone repeats
-- across installations that share the domain (staging and production, a database restored or
-- rebuilt): a mailbox that already holds notification.17 drops or threads a new one as the same
-- message. Random per row, fixed for the row, so a retried alert keeps its Message-ID.
ALTER TABLE notifications
    ADD COLUMN message_token text NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '');
