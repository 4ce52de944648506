-- OrderSilo: the table the Orleans ADO.NET providers read their SQL from.
--
-- Clustering and reminders read every row of this table once at start-up; grain storage reads its three keys
-- with a hard-coded, unquoted SELECT ("SELECT QueryKey, QueryText FROM OrleansQuery ..."). Unquoted identifiers
-- fold to lower case in PostgreSQL, so this table and its columns must be created unquoted (never "OrleansQuery").
--
-- Idempotent: the later files upsert their rows with ON CONFLICT (querykey) DO UPDATE, so re-applying the scripts
-- replaces query texts in place. Query texts are read once at start-up: restart silos after changing one.

create table if not exists orleansquery
(
    querykey  varchar(64)   not null,
    querytext varchar(8000) not null,
    constraint pk_orleansquery primary key (querykey)
);
