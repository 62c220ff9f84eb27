-- Personal links (#17): every message that carries a link carries a new random code; only its SHA-256 is kept here,
-- so a reminder can carry a working link without any earlier code ever being stored in the clear.
create table personal_link (
    code_hash  varchar(64) primary key,
    tenant     varchar(64) not null,
    kind       varchar(16) not null check (kind in ('INVITATION', 'POLL', 'REGISTRATION')),
    -- the invitation, the poll's participant, or the registration the code acts for
    subject_id uuid        not null,
    -- the session (INVITATION, REGISTRATION) or the poll (POLL)
    target_id  uuid        not null,
    issued_at  timestamptz not null
);
create index personal_link_subject on personal_link (tenant, kind, subject_id);

-- The code a public registration got at sign-up is a personal link too.
insert into personal_link (code_hash, tenant, kind, subject_id, target_id, issued_at)
select code_hash, tenant, 'REGISTRATION', id, session_id, registered_at from registration;

-- Reminder offsets before a session's start (ISO-8601 durations), and the reminders recorded per start time:
-- the unique key is what makes a reminder go out once, however many jobs race for it.
alter table session add column reminders varchar(20)[] not null default '{PT48H,PT2H}';
create table session_reminder (
    session_id  uuid        not null references session (id),
    reminder    varchar(20) not null,
    -- the start the reminder was for: a reschedule makes the new start's reminders due again
    starts_at   timestamptz not null,
    tenant      varchar(64) not null,
    -- SENT, or SKIPPED when its moment had already passed as the session was scheduled or changed
    outcome     varchar(8)  not null check (outcome in ('SENT', 'SKIPPED')),
    recorded_at timestamptz not null,
    primary key (session_id, reminder, starts_at)
);
create index session_planned_start on session (starts_at) where status = 'PLANNED';
