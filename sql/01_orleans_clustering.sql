-- OrderSilo: Orleans ADO.NET clustering (silo membership and client gateway list) on PostgreSQL.
--
-- Contract: shared/reference/orleans-adonet-postgres.md. Orleans runs each query text as one command on a pooled
-- connection without opening a transaction, so every conditional write below gets its atomicity from a single
-- PL/pgSQL call. The membership protocol relies on the version row as an optimistic lock: a write carrying a
-- stale @Version must change nothing at all and answer 0, otherwise two silos could both believe they won.
-- PL/pgSQL ASSERT is deliberately not used: with plpgsql.check_asserts = off it is skipped and leaves a
-- phantom row.
--
-- Idempotent: CREATE ... IF NOT EXISTS, CREATE OR REPLACE FUNCTION, and query rows upserted by key.

-- One row per cluster (DeploymentId = Orleans ClusterId): the table version every membership change bumps.
create table if not exists orleansmembershipversiontable
(
    deploymentid varchar(150) not null,
    timestamp    timestamptz  not null default now(),
    version      integer      not null default 0,
    constraint pk_orleansmembershipversiontable primary key (deploymentid)
);

-- One row per silo incarnation. Integer columns stay int4: Orleans reads them with GetInt32.
-- proxyport is NOT NULL: Orleans reads it with GetInt32 and a NULL would break every membership read.
create table if not exists orleansmembershiptable
(
    deploymentid varchar(150)  not null,
    address      varchar(45)   not null,
    port         integer       not null,
    generation   integer       not null,
    siloname     varchar(150)  not null,
    hostname     varchar(150)  not null,
    status       integer       not null,
    proxyport    integer       not null default 0,
    suspecttimes varchar(8000) null,
    starttime    timestamptz   not null,
    iamalivetime timestamptz   not null,
    constraint pk_orleansmembershiptable primary key (deploymentid, address, port, generation),
    constraint fk_orleansmembershiptable_version foreign key (deploymentid)
        references orleansmembershipversiontable (deploymentid)
);

-- Insert a silo row and bump the cluster version, both or neither.
-- Order matters: lock the version row first, filtered on the expected version. Under READ COMMITTED a
-- concurrent writer that already bumped the version makes this SELECT ... FOR UPDATE re-check the row after
-- that writer commits and find nothing, so at most one of two racing writers proceeds. Only after the silo row
-- is in place is the version bumped, so a duplicate silo row (ON CONFLICT DO NOTHING) leaves the version alone.
-- Parameter types are those Npgsql binds for Orleans' CLR values (string -> text, int -> integer,
-- DateTime -> timestamptz); a timestamp-without-time-zone parameter would not resolve.
create or replace function orleans_insert_membership(
    p_deploymentid text,
    p_address      text,
    p_port         integer,
    p_generation   integer,
    p_siloname     text,
    p_hostname     text,
    p_status       integer,
    p_proxyport    integer,
    p_starttime    timestamptz,
    p_iamalivetime timestamptz,
    p_version      integer)
returns integer
language plpgsql
volatile
as $$
begin
    perform 1
    from orleansmembershipversiontable
    where deploymentid = p_deploymentid
      and version = p_version
    for update;
    if not found then
        return 0;
    end if;

    insert into orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname, status, proxyport,
         suspecttimes, starttime, iamalivetime)
    values
        (p_deploymentid, p_address, p_port, p_generation, p_siloname, p_hostname, p_status,
         coalesce(p_proxyport, 0), null, p_starttime, p_iamalivetime)
    on conflict (deploymentid, address, port, generation) do nothing;
    if not found then
        return 0;
    end if;

    update orleansmembershipversiontable
    set version = version + 1,
        timestamp = now()
    where deploymentid = p_deploymentid;
    return 1;
end;
$$;

-- Update a silo row (status, suspicions, heartbeat) and bump the cluster version, both or neither;
-- same locking order as orleans_insert_membership.
create or replace function orleans_update_membership(
    p_deploymentid text,
    p_address      text,
    p_port         integer,
    p_generation   integer,
    p_status       integer,
    p_suspecttimes text,
    p_iamalivetime timestamptz,
    p_version      integer)
returns integer
language plpgsql
volatile
as $$
begin
    perform 1
    from orleansmembershipversiontable
    where deploymentid = p_deploymentid
      and version = p_version
    for update;
    if not found then
        return 0;
    end if;

    update orleansmembershiptable
    set status = p_status,
        suspecttimes = p_suspecttimes,
        iamalivetime = p_iamalivetime
    where deploymentid = p_deploymentid
      and address = p_address
      and port = p_port
      and generation = p_generation;
    if not found then
        return 0;
    end if;

    update orleansmembershipversiontable
    set version = version + 1,
        timestamp = now()
    where deploymentid = p_deploymentid;
    return 1;
end;
$$;

insert into orleansquery (querykey, querytext) values
-- "Boolean" answers are one row with one int column (> 0 = true); count(*) over the CTE always yields that row.
('InsertMembershipVersionKey',
 'with inserted as (
    insert into orleansmembershipversiontable (deploymentid, timestamp, version)
    values (@DeploymentId, now(), 0)
    on conflict (deploymentid) do nothing
    returning 1
  )
  select count(*)::integer from inserted;'),

-- The LEFT JOIN from the version row guarantees at least one row (member columns NULL) even with no silos:
-- Orleans takes the table version from the first row and detects "no member" by a NULL StartTime.
('MembershipReadAllKey',
 'select v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
         m.suspecttimes, m.starttime, m.iamalivetime, v.version
  from orleansmembershipversiontable v
  left join orleansmembershiptable m on m.deploymentid = v.deploymentid
  where v.deploymentid = @DeploymentId;'),

-- The silo filter sits in the ON clause, not WHERE, so the version row still comes back when the silo is absent.
('MembershipReadRowKey',
 'select v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
         m.suspecttimes, m.starttime, m.iamalivetime, v.version
  from orleansmembershipversiontable v
  left join orleansmembershiptable m
         on m.deploymentid = v.deploymentid
        and m.address = @Address
        and m.port = @Port
        and m.generation = @Generation
  where v.deploymentid = @DeploymentId;'),

('InsertMembershipKey',
 'select orleans_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
                                   @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);'),

('UpdateMembershipKey',
 'select orleans_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
                                   @IAmAliveTime, @Version);'),

-- Heartbeat: deliberately no version bump (it would make every heartbeat conflict with membership writes).
('UpdateIAmAlivetimeKey',
 'update orleansmembershiptable
  set iamalivetime = @IAmAliveTime
  where deploymentid = @DeploymentId
    and address = @Address
    and port = @Port
    and generation = @Generation;'),

-- Clients bind @Status = 3 (Active); ProxyPort 0 means the silo runs no gateway.
('GatewaysQueryKey',
 'select address, proxyport, generation
  from orleansmembershiptable
  where deploymentid = @DeploymentId
    and status = @Status
    and proxyport > 0;'),

-- One statement deletes both tables; the foreign key is checked at the end of the statement, after both deletes.
('DeleteMembershipTableEntriesKey',
 'with members as (
    delete from orleansmembershiptable where deploymentid = @DeploymentId
  )
  delete from orleansmembershipversiontable where deploymentid = @DeploymentId;'),

-- Hourly sweep: rows of silos that are not Active (3) and have not heartbeated since the cutoff.
('CleanupDefunctSiloEntriesKey',
 'delete from orleansmembershiptable
  where deploymentid = @DeploymentId
    and iamalivetime < @IAmAliveTime
    and status <> 3;'),

-- Optional per-row variant: Orleans decides the cutoff itself and passes the values it read; the row goes only
-- if it is still Dead (6) with those same start and heartbeat times, so a row changed since the read survives.
('CleanupDefunctSiloEntryKey',
 'delete from orleansmembershiptable
  where deploymentid = @DeploymentId
    and address = @Address
    and port = @Port
    and generation = @Generation
    and status = 6
    and starttime = @StartTime
    and iamalivetime = @IAmAliveTime;')
on conflict (querykey) do update set querytext = excluded.querytext;
