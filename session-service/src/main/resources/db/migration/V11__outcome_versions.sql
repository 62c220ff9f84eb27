-- Every version of a session's outcome is kept (#19: "versioned, with the session's facilitators and party leads as
-- authors"): what the record said at that version, who wrote it and as whom. session_outcome and outcome_action keep
-- holding the current version for lists and counts; this table is only appended to.

create table session_outcome_version (
    session_id     uuid          not null references session_outcome (session_id),
    version        bigint        not null check (version >= 1),
    tenant         varchar(64)   not null,
    engagement_id  uuid          not null,
    -- the token subject who wrote this version; null for a version written before versions were kept (below)
    author         varchar(100),
    -- the party whose lead wrote it; null for a facilitator or admin (or unknown, below)
    author_party_id uuid,
    written_at     timestamptz   not null,
    notes          jsonb         not null,
    decisions      jsonb         not null,
    open_questions jsonb         not null,
    -- [{id, what, ownerPartyId, dueDate, status, initiatedByPartyId}] in the record's order
    actions        jsonb         not null,
    primary key (session_id, version)
);

-- The version each record stands at now, so that no record is without its current version; who wrote it is not known.
insert into session_outcome_version
    (session_id, version, tenant, engagement_id, author, author_party_id, written_at, notes, decisions, open_questions,
     actions)
select o.session_id, o.version, o.tenant, o.engagement_id, null, null, o.updated_at, o.notes, o.decisions,
       o.open_questions,
       coalesce((select jsonb_agg(jsonb_build_object(
                         'id', a.id, 'what', a.what, 'ownerPartyId', a.owner_party_id, 'dueDate', a.due_date,
                         'status', a.status, 'initiatedByPartyId', a.initiated_by_party_id) order by a.position)
                 from outcome_action a where a.session_id = o.session_id), '[]'::jsonb)
from session_outcome o;
