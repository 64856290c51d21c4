-- The dashboard counts a producer's new students by the start of their access.
CREATE INDEX club_enrollments_producer_started_ix ON club_enrollments (producer_account_id, started_at);
