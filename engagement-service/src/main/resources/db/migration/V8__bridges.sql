-- Bridges (issue #19): which parties sat at the same table. SessionCompleted names the attendees with their
-- parties; engagement-service keeps only how many of each party were present per session, never who.
-- Sessions completed before this migration have no rows here: they count as held but show no party.
alter table session_held add column starts_at timestamptz;

create table session_held_party (
    id         uuid primary key,
    tenant     varchar(64) not null,
    session_id uuid        not null references session_held (session_id) on delete cascade,
    party_id   uuid        not null,
    attendees  int         not null check (attendees > 0),
    unique (session_id, party_id)
);
create index session_held_party_party on session_held_party (party_id);
