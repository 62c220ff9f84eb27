-- Session-service sends the messages addressed to public registrants (#17, ADR 0015): the same delivery record as
-- engagement-service's (V5__messages there), and the language a registrant asked for.
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

alter table registration add column language varchar(2) not null default 'nl' check (language in ('nl', 'en'));
