-- Issue 14: a queued e-mail keeps its template's variables (JSON) and is rendered by the send
-- task, not in the transaction that queued it; html_body stays empty until then. Mails queued
-- before this change are rendered already (variables NULL).
ALTER TABLE mail_outbox ALTER COLUMN html_body DROP NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN variables VARCHAR(1000000);
