-- Subscribable calendars behind a secret URL (issue #15): an engagement's sessions, or one participant's.
-- The secret is shown once when the feed is created; only its SHA-256 is kept. Revoking deletes the row.
create table calendar_feed (
    id             uuid primary key,
    tenant         varchar(64)  not null,
    engagement_id  uuid         not null,
    participant_id uuid,
    secret_hash    varchar(64)  not null unique,
    created_by     varchar(255) not null,
    created_at     timestamptz  not null
);
create index calendar_feed_engagement on calendar_feed (tenant, engagement_id, created_at);
