-- Purchases whose access ended (refund, chargeback), as the members area heard of them. The
-- enrolment listener runs after commit and may be retried: a purchase refunded before its
-- enrolment ran must not enrol the buyer afterwards.

CREATE TABLE club_ended_purchases (
    purchase_id BIGINT                   NOT NULL PRIMARY KEY,
    state       VARCHAR(12)              NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
