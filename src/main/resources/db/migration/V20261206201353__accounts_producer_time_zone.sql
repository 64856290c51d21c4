-- Each producer's time zone (issue 9): every date the producer and their students see is
-- shown in it, and a date-only rule means the start of that day in it. No row: the
-- platform's default zone (atrium.catalog.time-zone).
CREATE TABLE producer_time_zones (
    account_id BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    time_zone VARCHAR(64) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
