-- Delivery of e-mail messages (#17, MessageDelivery): one row per message id, written by the service that
-- holds the recipient's address. Its state makes sending idempotent across replicas and restarts (the row
-- is locked while one attempt runs); facilitators count it per session or round. No address, name, link or
-- content: last_failure is an exception's class name only.
create table message_delivery (
    message_id    uuid         primary key,
    tenant        varchar(64)  not null,
    kind          varchar(40)  not null,
    engagement_id uuid         not null,
    session_id    uuid,
    round_id      uuid,
    state         varchar(16)  not null check (state in ('QUEUED', 'SENT', 'FAILED', 'SUPPRESSED')),
    tries         int          not null default 0,
    last_failure  varchar(200),
    decided_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    sent_at       timestamptz
);
create index message_delivery_session on message_delivery (tenant, session_id) where session_id is not null;
create index message_delivery_round on message_delivery (tenant, round_id) where round_id is not null;

-- A participant's messages (#17): in their language, or none at all in this engagement.
alter table participant add column language varchar(2) not null default 'nl' check (language in ('nl', 'en'));
alter table participant add column messages_opt_out boolean not null default false;
