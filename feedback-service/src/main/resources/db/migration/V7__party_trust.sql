-- The party × party trust matrix (PARTY_TRUST questions, issue #19): one counter per round, the
-- respondent's party (from), the party rated (to) and the value given, spread over shards like
-- answer_count. Kept apart from answer_count on purpose: no round or party result can add trust
-- answers into a total from which a cell hidden by k-anonymity could be subtracted.
create table party_trust_count (
    tenant        varchar(64) not null,
    round_id      uuid        not null references feedback_round (id),
    from_party_id uuid        not null,
    to_party_id   uuid        not null,
    value         int         not null,
    shard         smallint    not null,
    n             bigint      not null,
    primary key (round_id, from_party_id, to_party_id, value, shard),
    check (from_party_id <> to_party_id)
);
