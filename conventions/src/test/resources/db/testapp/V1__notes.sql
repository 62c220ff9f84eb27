-- The test application's own tables: notes (a resource with every API convention) and what its
-- consumer saw (to prove the inbox applies each event once, in order).
create table note (
    id         uuid primary key,
    tenant     varchar(64)  not null,
    title      varchar(200) not null,
    body       text,
    version    bigint       not null,
    created_at timestamptz  not null
);

create table note_seen (
    seq      bigserial primary key,
    tenant   varchar(64)  not null,
    note_id  uuid         not null,
    title    varchar(200) not null
);
