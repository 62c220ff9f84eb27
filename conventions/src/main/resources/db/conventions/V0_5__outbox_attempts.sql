-- When a relay began sending a row (committed before the send): a row attempted but not published is read back
-- from Kafka before it is sent again, so a relay that crashed after Kafka's acknowledgement does not make it twice.
alter table outbox_event add column attempted_at timestamptz;
