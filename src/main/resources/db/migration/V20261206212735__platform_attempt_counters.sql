-- Attempt limits (failed log-ins per client address, forms that send e-mail, page passwords),
-- shared by every instance and kept across restarts. One row per limit (scope) and key; the key
-- itself (an e-mail or client address…) is stored only as its SHA-256 hash. full_at_ms is the
-- instant (epoch milliseconds) the key's allowance is whole again (a token bucket kept as its
-- "theoretical arrival time"); a row whose full_at_ms has passed means the same as no row, so the
-- task attempt-counters-cleanup deletes it.
CREATE TABLE attempt_counters (
    scope      VARCHAR(40) NOT NULL,
    key_hash   VARCHAR(64) NOT NULL,
    full_at_ms BIGINT      NOT NULL,
    PRIMARY KEY (scope, key_hash)
);

CREATE INDEX attempt_counters_full_at ON attempt_counters (full_at_ms);
