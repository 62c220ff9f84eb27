-- Versioned questionnaires, settings per engagement, respondent tokens, anonymous responses,
-- moderation of citizen input, and counters that results and insights read instead of scanning
-- responses. Every table carries its tenant; Hibernate scopes every query by it.

-- A questionnaire used by a round is frozen; a change then makes a new version in the same family.
alter table questionnaire add column family_id uuid;
update questionnaire set family_id = id;
alter table questionnaire alter column family_id set not null;
alter table questionnaire add column revision int not null default 1;
alter table questionnaire add column frozen boolean not null default false;
alter table questionnaire add column superseded_by uuid;
alter table questionnaire add column built_in varchar(40);
alter table questionnaire add column title_translations jsonb not null default '{}';
create unique index questionnaire_built_in on questionnaire (tenant, built_in) where built_in is not null;

alter table feedback_round add column min_group_size int not null default 5;
alter table feedback_round add column automatic boolean not null default false;
alter table feedback_round add column results_published_at timestamptz;
-- responses counted when FeedbackResultsUpdated last went out; the publisher sends again when the count moved
alter table feedback_round add column published_responses bigint not null default 0;

-- What feedback-service knows of engagements and sessions, from their events.
create table known_engagement (
    id              uuid primary key,
    tenant          varchar(64)    not null,
    status          varchar(16)    not null,
    facilitators    varchar(100)[] not null default '{}',
    client_contacts varchar(100)[] not null default '{}',
    source_version  bigint         not null default 0
);
create table known_session (
    id            uuid primary key,
    tenant        varchar(64) not null,
    engagement_id uuid        not null,
    type          varchar(32) not null,
    status        varchar(16) not null,
    starts_at     timestamptz,
    completed_at  timestamptz
);
create index known_session_engagement on known_session (tenant, engagement_id);
-- Who attended a completed session (ids only): decides who gets a token for its evaluation round.
create table session_attendee (
    id             uuid primary key,
    tenant         varchar(64) not null,
    session_id     uuid        not null,
    participant_id uuid        not null,
    party_id       uuid        not null,
    unique (session_id, participant_id)
);

create table engagement_settings (
    engagement_id           uuid primary key,
    tenant                  varchar(64) not null,
    auto_session_evaluation boolean     not null,
    min_group_size          int         not null check (min_group_size between 2 and 100),
    version                 bigint      not null,
    updated_at              timestamptz not null
);

-- Anonymity by construction: who got a token (token_issue) and which tokens exist
-- (respondent_token: a hash, the party, used or not) are two tables with nothing in common but
-- the round; tokens are inserted in random order, and a token records no time of use. A
-- response keeps the party and never the participant or the token.
create table token_issue (
    id             uuid primary key,
    tenant         varchar(64) not null,
    round_id       uuid        not null references feedback_round (id),
    participant_id uuid        not null,
    unique (round_id, participant_id)
);
create table respondent_token (
    token_hash varchar(64) primary key,
    tenant     varchar(64) not null,
    round_id   uuid        not null references feedback_round (id),
    party_id   uuid        not null,
    used       boolean     not null default false
);

create table response (
    id           uuid primary key,
    tenant       varchar(64) not null,
    round_id     uuid        not null references feedback_round (id),
    party_id     uuid,
    answers      jsonb       not null,
    submitted_on date        not null
);
create index response_round on response (round_id);

-- Citizen input (TEXT answers of PUBLIC rounds) waits for a moderator before anyone sees it.
create table contribution (
    id           uuid primary key,
    tenant       varchar(64)   not null,
    round_id     uuid          not null references feedback_round (id),
    question_key varchar(50)   not null,
    text         varchar(5000) not null,
    status       varchar(16)   not null check (status in ('PENDING', 'PUBLISHED', 'REJECTED')),
    reason       varchar(1000),
    moderated_by varchar(100),
    moderated_at timestamptz,
    version      bigint        not null
);
create index contribution_round on contribution (round_id, status);

-- Pre-aggregated answers: one counter per (round, party, question, answer value), spread over a
-- few shards so that a room full of people answering at once does not queue on one row.
-- question_key '' counts responses. party_id 00000000-… stands for "no party" (public rounds).
create table answer_count (
    tenant       varchar(64)  not null,
    round_id     uuid         not null references feedback_round (id),
    party_id     uuid         not null,
    question_key varchar(50)  not null,
    value        varchar(200) not null,
    shard        smallint     not null,
    n            bigint       not null,
    primary key (round_id, party_id, question_key, value, shard)
);
