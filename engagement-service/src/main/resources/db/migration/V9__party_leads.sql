-- Party leads (trekkers, issue #19, ADR 0010): a participant of a party with an account (user_id = the token's
-- sub) to whom a facilitator grants rights in one engagement, step by step. The token says only "party-lead";
-- which engagement, which party and which rights is kept here.
create table party_lead (
    id             uuid primary key,
    tenant         varchar(64)   not null,
    engagement_id  uuid          not null references engagement (id) on delete cascade,
    party_id       uuid          not null references party (id),
    participant_id uuid          not null references participant (id),
    user_id        varchar(100)  not null,
    rights         varchar(32)[] not null default '{}',
    granted_by     varchar(100)  not null,
    version        bigint        not null,
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null,
    unique (engagement_id, user_id),
    unique (participant_id)
);
create index party_lead_user on party_lead (tenant, user_id);

-- an answer recorded by a party lead names that lead; one recorded by a facilitator on the party's behalf does not
alter table agreement_answer add column party_lead_id uuid;
