-- The tables the conventions module's entities and SQL use: idempotency records, the transactional
-- outbox (with its NOTIFY trigger), the consumers' processed events and dead letters.
--
-- The three services created these tables in their own V1 migrations, which stay as they are
-- (Flyway checks their checksums). A NEW service gets them from here: add this location to its
-- Flyway locations, `quarkus.flyway.locations=db/migration,db/conventions`; version 0.1 runs before
-- the service's own V1. When a convention changes a table, add a V0_n file here AND a migration
-- to each existing service.

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
