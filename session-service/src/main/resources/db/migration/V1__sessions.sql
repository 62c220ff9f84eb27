-- session-service schema. Every business table carries its tenant; Hibernate scopes every query by it.

-- What session-service knows of engagements, from engagement events.
create table known_engagement (
    id             uuid primary key,
    tenant         varchar(64)  not null,
    title          varchar(200) not null,
    status         varchar(16)  not null,
    facilitators   varchar(100)[] not null default '{}',
    source_version bigint       not null default 0
);

create table session (
    id                uuid primary key,
    tenant            varchar(64)  not null,
    engagement_id     uuid         not null,
    type              varchar(32)  not null,
    title             varchar(200) not null,
    description       text,
    starts_at         timestamptz  not null,
    ends_at           timestamptz  not null,
    time_zone         varchar(64)  not null,
    location_mode     varchar(16)  not null,
    location_address  varchar(500),
    location_url      varchar(500),
    capacity          int,
    facilitators      varchar(100)[] not null default '{}',
    open_registration boolean      not null,
    status            varchar(16)  not null,
    cancel_reason     varchar(1000),
    sequence          int          not null default 0,
    version           bigint       not null,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    check (ends_at > starts_at)
);
create index session_engagement on session (tenant, engagement_id, starts_at);
create index session_facilitators on session using gin (facilitators);

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
