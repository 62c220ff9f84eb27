-- Invitations with capacity and waitlist, public registration, attendance, scheduling polls,
-- and the participant facts they need. Every table carries its tenant; Hibernate scopes every query by it.

alter table known_engagement add column client_contacts varchar(100)[] not null default '{}';

alter table session add column agenda jsonb not null default '[]';
alter table session add column completed_at timestamptz;

-- Who belongs to which party, from engagement events (no names, no e-mail addresses).
create table known_participant (
    id            uuid primary key,
    tenant        varchar(64) not null,
    engagement_id uuid        not null,
    party_id      uuid        not null
);
create index known_participant_party on known_participant (tenant, party_id);
create index known_participant_engagement on known_participant (tenant, engagement_id);

create table invitation (
    id             uuid primary key,
    session_id     uuid        not null references session (id),
    participant_id uuid        not null,
    tenant         varchar(64) not null,
    party_id       uuid        not null,
    status         varchar(16) not null check (status in ('INVITED', 'ACCEPTED', 'TENTATIVE', 'DECLINED', 'WAITLISTED')),
    invited_at     timestamptz not null,
    responded_at   timestamptz,
    -- the waitlist's order: who asked for a seat first gets the next free one
    waitlisted_at  timestamptz,
    unique (session_id, participant_id)
);
create index invitation_waitlist on invitation (session_id, waitlisted_at) where status = 'WAITLISTED';

-- Public sign-up for open sessions. The registration code is shown once; only its hash is kept.
create table registration (
    id            uuid primary key,
    tenant        varchar(64)  not null,
    session_id    uuid         not null references session (id),
    name          varchar(200) not null,
    email         varchar(320) not null,
    code_hash     varchar(64)  not null unique,
    status        varchar(16)  not null check (status in ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    registered_at timestamptz  not null,
    waitlisted_at timestamptz,
    cancelled_at  timestamptz
);
create unique index registration_email_once on registration (session_id, lower(email)) where status <> 'CANCELLED';
create index registration_waitlist on registration (session_id, waitlisted_at) where status = 'WAITLISTED';

create table attendance (
    id             uuid primary key,
    session_id     uuid        not null references session (id),
    participant_id uuid        not null,
    tenant         varchar(64) not null,
    party_id       uuid        not null,
    present        boolean     not null,
    recorded_at    timestamptz not null,
    unique (session_id, participant_id)
);

create table scheduling_poll (
    id            uuid primary key,
    tenant        varchar(64)  not null,
    engagement_id uuid         not null,
    title         varchar(200) not null,
    party_ids     uuid[]       not null,
    status        varchar(16)  not null check (status in ('OPEN', 'DECIDED')),
    decided_slot  uuid,
    session_id    uuid references session (id),
    created_at    timestamptz  not null,
    version       bigint       not null
);
create index scheduling_poll_engagement on scheduling_poll (tenant, engagement_id);

create table poll_slot (
    id        uuid primary key,
    tenant    varchar(64) not null,
    poll_id   uuid        not null references scheduling_poll (id),
    position  int         not null,
    starts_at timestamptz not null,
    ends_at   timestamptz not null,
    check (ends_at > starts_at)
);
create index poll_slot_poll on poll_slot (poll_id, position);

create table poll_vote (
    id             uuid primary key,
    poll_id        uuid        not null references scheduling_poll (id),
    participant_id uuid        not null,
    tenant         varchar(64) not null,
    party_id       uuid        not null,
    available      uuid[]      not null,
    voted_at       timestamptz not null,
    unique (poll_id, participant_id)
);
