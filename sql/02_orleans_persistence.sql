-- OrderSilo: Orleans ADO.NET grain storage on PostgreSQL, with the read-model projection in the same commit.
--
-- Contract: shared/reference/orleans-adonet-postgres.md. One row per grain state; every call binds all seven
-- identity values (@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
-- @GrainIdExtensionString, @ServiceId). The row identity is (serviceid, graintypestring, grainidn0, grainidn1,
-- grainidextensionstring); graintypestring is the state name of [PersistentState("name")]. The two hashes are
-- stored but not used for lookups: the unique index below serves every query.
--
-- Orleans runs each query text as one command without a transaction, so writes go through PL/pgSQL functions:
-- the conditional write, the version bump and ordersilo_project_state (sql/10_ordersilo_read_model.sql) commit
-- together or not at all. If the projection raises (for instance a second order for one poNumber hits the
-- UNIQUE (account_id, po_number) of orders), the grain state write fails too, which is the intent.
--
-- Idempotent: CREATE ... IF NOT EXISTS, CREATE OR REPLACE FUNCTION, query rows upserted by key.
-- This file may be applied before 10_ordersilo_read_model.sql: plpgsql resolves the projection call at run time.

create table if not exists orleansstorage
(
    grainidhash            integer      not null,
    grainidn0              bigint       not null,
    grainidn1              bigint       not null,
    graintypehash          integer      not null,
    graintypestring        varchar(512) not null,
    grainidextensionstring varchar(512) null,
    serviceid              varchar(150) not null,
    payloadbinary          bytea        null,
    modifiedon             timestamptz  not null default now(),
    version                integer      not null
);

-- The guard against racing first writes: without it two activations writing with a NULL version could both
-- INSERT and leave two rows, and every later read would throw. NULL and '' extensions are one identity
-- (coalesce), and every query below compares with the same expression so this index serves it.
create unique index if not exists ux_orleansstorage_identity
    on orleansstorage (serviceid, graintypestring, grainidn0, grainidn1, coalesce(grainidextensionstring, ''));

-- Write the whole state. Returns exactly one row, column newgrainstateversion:
--   the new version on success; NULL on a version conflict.
-- Why always one row with NULL rather than zero rows: Orleans treats "no row" as a conflict only when the
-- grain's own version was NULL; for a stale non-NULL version only an equal version or NULL (read as "") is
-- detected. NULL is a conflict in both cases.
-- First write (p_grainstateversion NULL): INSERT ... ON CONFLICT DO NOTHING against the unique identity index;
-- a racing second first-write waits for the first to commit, then inserts nothing and returns NULL.
-- Later writes: UPDATE ... WHERE version = p_grainstateversion; a stale version matches no row.
create or replace function orleans_write_storage(
    p_grainidhash            integer,
    p_grainidn0              bigint,
    p_grainidn1              bigint,
    p_graintypehash          integer,
    p_graintypestring        text,
    p_grainidextensionstring text,
    p_serviceid              text,
    p_grainstateversion      integer,
    p_payloadbinary          bytea)
returns table (newgrainstateversion integer)
language plpgsql
volatile
as $$
declare
    v_new integer;
begin
    if p_grainstateversion is null then
        insert into orleansstorage
            (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring,
             serviceid, payloadbinary, modifiedon, version)
        values
            (p_grainidhash, p_grainidn0, p_grainidn1, p_graintypehash, p_graintypestring,
             p_grainidextensionstring, p_serviceid, p_payloadbinary, now(), 1)
        on conflict (serviceid, graintypestring, grainidn0, grainidn1, coalesce(grainidextensionstring, ''))
            do nothing
        returning version into v_new;
    else
        update orleansstorage
        set payloadbinary = p_payloadbinary,
            modifiedon = now(),
            version = version + 1
        where serviceid = p_serviceid
          and graintypestring = p_graintypestring
          and grainidn0 = p_grainidn0
          and grainidn1 = p_grainidn1
          and coalesce(grainidextensionstring, '') = coalesce(p_grainidextensionstring, '')
          and version = p_grainstateversion
        returning version into v_new;
    end if;

    if v_new is null then
        newgrainstateversion := null;
        return next;
        return;
    end if;

    -- Same call, same transaction: an error here rolls the storage write back as well.
    perform ordersilo_project_state(p_graintypestring, p_grainidextensionstring, p_payloadbinary);

    newgrainstateversion := v_new;
    return next;
end;
$$;

-- Clear: null the payload and bump the version, keeping the row (so a later first write cannot race it).
-- Same one-row/NULL-on-conflict answer as the write; Orleans reads the first column. The read model is left as
-- it is: a cleared state is not a deletion of the business object.
create or replace function orleans_clear_storage(
    p_grainidn0              bigint,
    p_grainidn1              bigint,
    p_graintypestring        text,
    p_grainidextensionstring text,
    p_serviceid              text,
    p_grainstateversion      integer)
returns table (newgrainstateversion integer)
language plpgsql
volatile
as $$
declare
    v_new integer;
begin
    update orleansstorage
    set payloadbinary = null,
        modifiedon = now(),
        version = version + 1
    where serviceid = p_serviceid
      and graintypestring = p_graintypestring
      and grainidn0 = p_grainidn0
      and grainidn1 = p_grainidn1
      and coalesce(grainidextensionstring, '') = coalesce(p_grainidextensionstring, '')
      and version = p_grainstateversion
    returning version into v_new;

    newgrainstateversion := v_new;
    return next;
end;
$$;

insert into orleansquery (querykey, querytext) values
-- Zero rows = no state. The unique index guarantees at most one row (more than one would make Orleans throw).
('ReadFromStorageKey',
 'select payloadbinary, version
  from orleansstorage
  where serviceid = @ServiceId
    and graintypestring = @GrainTypeString
    and grainidn0 = @GrainIdN0
    and grainidn1 = @GrainIdN1
    and coalesce(grainidextensionstring, '''') = coalesce(@GrainIdExtensionString, '''');'),

('WriteToStorageKey',
 'select newgrainstateversion
  from orleans_write_storage(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                             @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary);'),

('ClearStorageKey',
 'select newgrainstateversion
  from orleans_clear_storage(@GrainIdN0, @GrainIdN1, @GrainTypeString, @GrainIdExtensionString, @ServiceId,
                             @GrainStateVersion);')
on conflict (querykey) do update set querytext = excluded.querytext;
