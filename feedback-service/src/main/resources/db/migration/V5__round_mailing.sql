-- Feedback rounds reach their people by mail (issue #17). A round's delivery is MAIL (each member of
-- its audience gets one personal token by mail when the round opens) or MANUAL (tokens are handed
-- out by the facilitator, as before). Rounds that existed before are MANUAL: their tokens went by hand.
-- mailed_at is set, under the round's row lock, in the transaction that issues the tokens and decides
-- the messages: a round is mailed once, also with several replicas running the mailing job.
alter table feedback_round add column delivery varchar(8) not null default 'MANUAL';
alter table feedback_round alter column delivery drop default;
alter table feedback_round add column mailed_at timestamptz;
-- The last reminder (by a facilitator or automatic), and whether the automatic one before closes_at went out.
alter table feedback_round add column reminded_at timestamptz;
alter table feedback_round add column auto_reminded_at timestamptz;
-- What the mailing job looks for: MAIL rounds not mailed yet, and mailed rounds not reminded yet.
create index feedback_round_mail_due on feedback_round (opens_at)
    where delivery = 'MAIL' and mailed_at is null and closed_at is null;
create index feedback_round_reminder_due on feedback_round (closes_at)
    where delivery = 'MAIL' and mailed_at is not null and auto_reminded_at is null and closed_at is null;

-- A session's title, from session-scheduled, for the mails of its rounds (not personal data).
alter table known_session add column title varchar(200);
