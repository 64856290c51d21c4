-- Which e-mails about a purchase were queued (PURCHASE, REFUNDED): the listeners that queue them
-- run after commit and may be retried, and each e-mail must be queued once.

CREATE TABLE checkout_purchase_mails (
    purchase_id BIGINT                   NOT NULL,
    kind        VARCHAR(20)              NOT NULL,
    queued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (purchase_id, kind)
);
