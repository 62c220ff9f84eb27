-- Client contacts (often the municipality, one party among several) see the engagement, its parties, sessions and
-- aggregates; participants' names and e-mail addresses only where a facilitator grants it for the engagement (#18).
alter table engagement add column client_contacts_see_personal_data boolean not null default false;
