-- Rate-limit counters shared by every replica of a service (issue #16): one row per kind of public
-- path, counted key (a client, a target, or a client on a target, as SHA-256: never an address in
-- the clear) and minute. `RateLimitWindows` adds one with `insert … on conflict do update …
-- returning count` and deletes past minutes once a minute per replica.
-- Unlogged: a counter lost in a database crash only gives callers a fresh minute, and no WAL is
-- written for every public request.
create unlogged table rate_limit_window (
    kind         varchar(32)  not null,
    key          varchar(64)  not null,
    window_start timestamptz  not null,
    count        int          not null,
    primary key (kind, key, window_start)
);
create index rate_limit_window_start on rate_limit_window (window_start);
