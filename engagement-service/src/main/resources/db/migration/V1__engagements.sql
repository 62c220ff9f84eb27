-- engagement-service schema. Every business table carries its tenant; Hibernate scopes every query by it.

create table engagement (
    id                  uuid primary key,
    tenant              varchar(64)  not null,
    reference           varchar(32)  not null,
    title               varchar(200) not null,
    description         text,
    kind                varchar(32)  not null,
    client_organisation varchar(200) not null,
    objectives          varchar(64)[] not null default '{}',
    start_date          date,
    end_date            date,
    case_reference      varchar(500),
    facilitators        varchar(100)[] not null default '{}',
    client_contacts     varchar(100)[] not null default '{}',
    status              varchar(16)  not null,
    phase               varchar(16)  not null,
    version             bigint       not null,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    unique (tenant, reference)
);
create index engagement_tenant_created on engagement (tenant, created_at desc);
create index engagement_facilitators on engagement using gin (facilitators);

create table engagement_history (
    id            uuid primary key,
    tenant        varchar(64) not null,
    engagement_id uuid        not null references engagement (id) on delete cascade,
    kind          varchar(16) not null,
    from_value    varchar(32),
    to_value      varchar(32) not null,
    reason        text,
    changed_by    varchar(100) not null,
    changed_at    timestamptz not null
);
create index engagement_history_engagement on engagement_history (engagement_id, changed_at);

create table party (
    id            uuid primary key,
    tenant        varchar(64)  not null,
    engagement_id uuid         not null references engagement (id),
    name          varchar(200) not null,
    type          varchar(32)  not null,
    interests     text,
    version       bigint       not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);
create unique index party_name_per_engagement on party (engagement_id, lower(name));

create table reference_counter (
    tenant     varchar(64) not null,
    year       int         not null,
    last_value bigint      not null,
    primary key (tenant, year)
);

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

create table participant (
    id            uuid primary key,
    tenant        varchar(64)  not null,
    engagement_id uuid         not null references engagement (id),
    party_id      uuid         not null references party (id),
    display_name  varchar(200) not null,
    email         varchar(254),
    role          varchar(16)  not null,
    version       bigint       not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);
create unique index participant_email_per_engagement on participant (engagement_id, email) where email is not null;
create index participant_party on participant (party_id);

-- Feedback rounds of engagements, as known from feedback-service's events.
create table feedback_round_seen (
    round_id      uuid primary key,
    tenant        varchar(64) not null,
    engagement_id uuid        not null,
    session_id    uuid,
    audience      varchar(16) not null,
    opened_at     timestamptz not null
);
create index feedback_round_seen_engagement on feedback_round_seen (tenant, engagement_id);

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
