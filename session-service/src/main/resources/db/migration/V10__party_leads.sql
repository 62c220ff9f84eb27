-- Party leads (#19, "Handing over"): the grants engagement-service made, from its party-lead events, and who initiated
-- sessions and action items (null = a facilitator or admin; a party id = a party lead of that party).

create table known_party_lead (
    id            uuid primary key,
    tenant        varchar(64)   not null,
    engagement_id uuid          not null,
    party_id      uuid          not null,
    user_id       varchar(100)  not null,
    -- empty once revoked
    rights        varchar(32)[] not null default '{}'
);
create index known_party_lead_user on known_party_lead (tenant, engagement_id, user_id);

alter table session add column initiated_by_party_id uuid;
alter table outcome_action add column initiated_by_party_id uuid;
