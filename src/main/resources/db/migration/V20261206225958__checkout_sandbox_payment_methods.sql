-- The sandbox gateway's card vault, kept on the sandbox's side as a real processor keeps stored
-- cards: a token (pm_ + 24 hex digits) and what the card looks like, never its number or CVC.
-- declines_with is the sandbox's behaviour for later charges of the stored method: null approves
-- them, otherwise every later charge is declined with that reason (a DeclineReason name), as set by
-- the renewal test cards or on the sandbox page /sandbox/payment-methods/{token}.
CREATE TABLE sandbox_payment_methods (
    token         VARCHAR(40)              NOT NULL PRIMARY KEY,
    card_brand    VARCHAR(20)              NOT NULL,
    card_last4    VARCHAR(4)               NOT NULL,
    exp_month     INTEGER                  NOT NULL,
    exp_year      INTEGER                  NOT NULL,
    declines_with VARCHAR(30),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sandbox_payment_methods_exp_month_ck CHECK (exp_month BETWEEN 1 AND 12)
);

-- The stored method a charge stored or charged; null for one-off charges.
ALTER TABLE sandbox_charges ADD COLUMN payment_token VARCHAR(40);
