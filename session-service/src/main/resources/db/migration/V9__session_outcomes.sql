-- Session outcomes (#19): what a session produced. One record per session, replaced whole as a new version; its action
-- items are rows of their own, with ids stable across versions, so that they can be listed and filtered across an
-- engagement's sessions. Every table carries its tenant; Hibernate scopes every query by it.

-- The parties of each engagement, from engagement events (ids only, no names): who may own an action item.
create table known_party (
    id            uuid primary key,
    tenant        varchar(64) not null,
    engagement_id uuid        not null
);
create index known_party_engagement on known_party (tenant, engagement_id);

create table session_outcome (
    session_id     uuid primary key references session (id),
    tenant         varchar(64)    not null,
    engagement_id  uuid           not null,
    -- [{agendaItem, text}]: notes per agenda item of the session (agendaItem null: the session as a whole)
    notes          jsonb          not null default '[]',
    -- [{text}]
    decisions      jsonb          not null default '[]',
    open_questions jsonb          not null default '[]',
    -- 1 for the first record, one more for every write (a replacement or an action's change)
    version        bigint         not null check (version >= 1),
    -- the subjects (token sub) who wrote versions, in the order of their first write
    authors        varchar(100)[] not null default '{}',
    created_at     timestamptz    not null,
    updated_at     timestamptz    not null
);

create table outcome_action (
    id             uuid primary key,
    tenant         varchar(64)   not null,
    session_id     uuid          not null references session_outcome (session_id),
    engagement_id  uuid          not null,
    -- the action's place in its record
    position       int           not null,
    what           varchar(1000) not null,
    owner_party_id uuid          not null,
    due_date       date,
    status         varchar(8)    not null check (status in ('OPEN', 'DONE', 'DROPPED')),
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null
);
create index outcome_action_session on outcome_action (session_id, position);
create index outcome_action_engagement on outcome_action (tenant, engagement_id, status, due_date);
create index outcome_action_owner on outcome_action (tenant, owner_party_id);
