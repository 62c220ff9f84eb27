-- Agreements (afspraken, issue #19, ADR 0010): a proposed agreement goes to each concerned party for an answer;
-- it is carried (gedragen) when every concerned party consents. The text lives in immutable versions: an
-- amendment is a new version and the answers start again, because the text they answered has changed.

create table agreement (
    id             uuid primary key,
    tenant         varchar(64)  not null,
    engagement_id  uuid         not null references engagement (id) on delete cascade,
    session_id     uuid,
    title          varchar(200) not null,
    current_number int          not null,
    state          varchar(16)  not null check (state in ('PENDING', 'OBJECTED', 'CARRIED', 'WITHDRAWN')),
    carried_at     timestamptz,
    withdrawn_reason text,
    proposed_by    varchar(100) not null,
    version        bigint       not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);
create index agreement_engagement on agreement (tenant, engagement_id, created_at);

-- the parties an agreement concerns; a party concerned by an agreement cannot be removed
create table agreement_party (
    agreement_id uuid        not null references agreement (id) on delete cascade,
    party_id     uuid        not null references party (id),
    primary key (agreement_id, party_id)
);
create index agreement_party_party on agreement_party (party_id);

create table agreement_version (
    id           uuid primary key,
    agreement_id uuid         not null references agreement (id) on delete cascade,
    number       int          not null,
    tenant       varchar(64)  not null,
    text         text         not null,
    note         text,
    written_by   varchar(100) not null,
    written_at   timestamptz  not null,
    unique (agreement_id, number)
);

-- one answer per version and party; a changed answer replaces it
create table agreement_answer (
    id           uuid primary key,
    version_id   uuid         not null references agreement_version (id) on delete cascade,
    party_id     uuid         not null references party (id),
    tenant       varchar(64)  not null,
    decision     varchar(24)  not null
        check (decision in ('CONSENT', 'CONSENT_WITH_CONCERN', 'OBJECTION', 'ABSTAIN')),
    reason       text,
    on_behalf    boolean      not null,
    recorded_by  varchar(100) not null,
    recorded_at  timestamptz  not null,
    unique (version_id, party_id),
    check (decision in ('CONSENT', 'ABSTAIN') or reason is not null)
);
