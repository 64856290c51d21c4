-- One access right per subscription, as the members area heard of it through
-- SubscriptionAccessChanged (never per account: a buyer with two subscriptions of one product has
-- two rights). A student with at least one right for a product has access while one of them grants
-- it. version is the subscription's change counter: an event whose version is not higher than the
-- stored one is ignored, since retries may deliver events out of order. Supersedes
-- club_enrollments.subscription_state, which nothing fills or reads any more (kept for old releases).

CREATE TABLE club_subscription_rights (
    subscription_id BIGINT                   NOT NULL PRIMARY KEY,
    product_id      BIGINT                   NOT NULL,
    account_id      BIGINT                   NOT NULL,
    subscriber_code VARCHAR(40)              NOT NULL,
    status          VARCHAR(24)              NOT NULL,
    -- whether the subscription gives access (until access_until, when set)
    access          BOOLEAN                  NOT NULL,
    -- for a cancelled subscription, the end of the paid period; null otherwise
    access_until    TIMESTAMP WITH TIME ZONE,
    -- for DELAYED and OVERDUE, the due date of the first unpaid recurrence; null otherwise
    overdue_since   TIMESTAMP WITH TIME ZONE,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX club_subscription_rights_student_ix ON club_subscription_rights (product_id, account_id);
