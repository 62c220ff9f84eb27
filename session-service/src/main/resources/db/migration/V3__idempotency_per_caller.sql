-- An Idempotency-Key belongs to the caller who sent it (issue #14): another user of the same
-- tenant who picks the same key gets a request of their own, never the first caller's answer.
alter table idempotency_record add column caller varchar(255) not null default '';
alter table idempotency_record drop constraint idempotency_record_pkey;
alter table idempotency_record add primary key (tenant, caller, idempotency_key);
