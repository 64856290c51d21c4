-- The due date (producer's zone) the paid period running now started on. It cannot be worked
-- out from the next charge date once the due day changed (the period paid at the change runs
-- from the old day to the new one), and plan-switch proration needs it. Null while the first
-- period runs (it starts at started_at), and for rows from before this column (the previous
-- due date is used then).
ALTER TABLE subscriptions ADD COLUMN period_start DATE;
