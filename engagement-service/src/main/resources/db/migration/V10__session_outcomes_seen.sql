-- Session outcomes as engagement-service sees them (issue #19), from session-service's session-outcome-recorded:
-- per session the latest version's counts, and its action items' owner party, due date and status (no texts).
-- The engagement's health counts decisions and open, done and overdue actions from these.
create table session_outcome_seen (
    session_id      uuid primary key,
    tenant          varchar(64) not null,
    engagement_id   uuid        not null,
    outcome_version int         not null,
    decisions       int         not null,
    open_questions  int         not null,
    recorded_at     timestamptz not null
);
create index session_outcome_seen_engagement on session_outcome_seen (tenant, engagement_id);

create table action_item_seen (
    action_id      uuid primary key,
    tenant         varchar(64) not null,
    engagement_id  uuid        not null,
    session_id     uuid        not null references session_outcome_seen (session_id) on delete cascade,
    owner_party_id uuid        not null,
    due_date       date,
    status         varchar(16) not null check (status in ('OPEN', 'DONE', 'DROPPED'))
);
create index action_item_seen_engagement on action_item_seen (tenant, engagement_id, status, due_date);
