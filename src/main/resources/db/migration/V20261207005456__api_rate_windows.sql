-- Developer API rate limits (hotmart-api.md §2.2), shared by every instance: one row per bucket
-- ("api:<credential id>" or "token:<client id>") holding the start of its current one-minute
-- window (epoch milliseconds) and the calls counted in it. A row whose window has ended means
-- the same as no row, so the task api-rate-windows-cleanup deletes it.
CREATE TABLE api_rate_windows (
    bucket_key      VARCHAR(200) NOT NULL PRIMARY KEY,
    window_start_ms BIGINT       NOT NULL,
    calls           INTEGER      NOT NULL
);

CREATE INDEX api_rate_windows_window_start ON api_rate_windows (window_start_ms);
