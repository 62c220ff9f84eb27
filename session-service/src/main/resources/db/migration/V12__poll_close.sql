-- Scheduling polls can be closed without a decision (#18: "polls cannot be listed or closed"): no more votes, no
-- decision; the poll and its votes stay readable.
alter table scheduling_poll drop constraint scheduling_poll_status_check;
alter table scheduling_poll add constraint scheduling_poll_status_check check (status in ('OPEN', 'DECIDED', 'CLOSED'));
alter table scheduling_poll add column closed_at timestamptz;
create index scheduling_poll_created on scheduling_poll (tenant, created_at desc, id);
