-- An engagement's health, from other services' facts: the latest k-anonymous results of each
-- feedback round (FeedbackResultsUpdated) and the sessions that took place (SessionCompleted).

create table feedback_result (
    round_id         uuid primary key,
    tenant           varchar(64) not null,
    engagement_id    uuid        not null,
    session_id       uuid,
    round_started_at timestamptz not null,
    closed           boolean     not null,
    responses        bigint      not null,
    withheld         boolean     not null,
    -- [{dimension, answers, mean, ci95Low, ci95High}] on a 0–100 scale
    dimensions       jsonb       not null,
    updated_at       timestamptz not null
);
create index feedback_result_engagement on feedback_result (tenant, engagement_id, round_started_at);

create table session_held (
    session_id    uuid primary key,
    tenant        varchar(64) not null,
    engagement_id uuid        not null,
    completed_at  timestamptz not null
);
create index session_held_engagement on session_held (tenant, engagement_id);
