-- When a relay began sending a row: a row attempted but not published is read back from Kafka before it is sent again
-- (conventions V0_5; OutboxRelay), so a relay that crashed after Kafka's acknowledgement does not publish it twice.
alter table outbox_event add column attempted_at timestamptz;
