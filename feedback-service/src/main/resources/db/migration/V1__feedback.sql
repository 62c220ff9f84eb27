-- feedback-service schema. Every business table carries its tenant; Hibernate scopes every query by it.

create table questionnaire (
    id         uuid primary key,
    tenant     varchar(64)  not null,
    title      varchar(200) not null,
    purpose    varchar(32)  not null,
    questions  jsonb        not null,
    version    bigint       not null,
    created_at timestamptz  not null
);

create table feedback_round (
    id               uuid primary key,
    tenant           varchar(64) not null,
    engagement_id    uuid        not null,
    session_id       uuid,
    questionnaire_id uuid        not null references questionnaire (id),
    audience         varchar(16) not null,
    opens_at         timestamptz,
    closes_at        timestamptz,
    closed_at        timestamptz,
    version          bigint      not null,
    created_at       timestamptz not null
);
create index feedback_round_engagement on feedback_round (tenant, engagement_id, created_at);

-- Parties and participants as known from engagement events: ids only, no names or e-mail addresses of people.
create table known_party (
    id            uuid primary key,
    tenant        varchar(64)  not null,
    engagement_id uuid         not null,
    name          varchar(200) not null
);
create table known_participant (
    id            uuid primary key,
    tenant        varchar(64) not null,
    engagement_id uuid        not null,
    party_id      uuid        not null
);
create index known_participant_engagement on known_participant (tenant, engagement_id);

create table idempotency_record (
    tenant          varchar(64)  not null,
    idempotency_key varchar(200) not null,
    request_hash    varchar(64)  not null,
    status          int          not null,
    location        varchar(500) not null,
    response_body   text         not null,
    created_at      timestamptz  not null,
    primary key (tenant, idempotency_key)
);

-- The transactional outbox: rows are written in the same transaction as the change they describe.
create table outbox_event (
    seq           bigserial primary key,
    id            uuid         not null unique,
    tenant        varchar(64)  not null,
    topic         varchar(200) not null,
    partition_key varchar(64)  not null,
    type          varchar(200) not null,
    subject       varchar(200) not null,
    occurred_at   timestamptz  not null,
    payload       json         not null,
    traceparent   varchar(64),
    created_at    timestamptz  not null default clock_timestamp(),
    published_at  timestamptz
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('dialoog_outbox', '');
    return null;
end $$;
create trigger outbox_event_inserted after insert on outbox_event
    for each statement execute function outbox_event_notify();

-- Events this service applied, for idempotent consumers (id seen twice changes nothing).
create table processed_event (
    event_id     varchar(200) primary key,
    consumer     varchar(100) not null,
    tenant       varchar(64)  not null,
    processed_at timestamptz  not null default now()
);
create index processed_event_consumer_tenant on processed_event (consumer, tenant);

-- Events a consumer gave up on, read back from this service's dead-letter topic.
create table dead_letter (
    id                 uuid primary key,
    tenant             varchar(64)  not null,
    event_id           varchar(200),
    event_type         varchar(200),
    original_topic     varchar(200),
    original_partition int,
    original_offset    bigint,
    reason             text         not null,
    record_key         varchar(200),
    record_value       text,
    headers            text         not null,
    dead_lettered_at   timestamptz  not null,
    replayed_at        timestamptz
);
create index dead_letter_tenant on dead_letter (tenant, dead_lettered_at desc);
