-- OrderSilo: Orleans ADO.NET reminders on PostgreSQL.
--
-- Contract: shared/reference/orleans-adonet-postgres.md. Each query is a single statement, hence atomic without a
-- transaction. grainid is Orleans' "type/key" text; grainhash is the grain's uniform hash cast to a signed int,
-- which is why the two range queries compare signed values and the wrap-around case needs its own query.
-- period is milliseconds in bigint: Orleans binds an int for periods up to int.MaxValue ms and a bigint beyond.
--
-- Reminder semantics the application must live with (not fixable here): missed ticks are skipped, not replayed,
-- and a callback may run twice, so deadline handlers compare "now >= deadline" with durable state and are
-- idempotent.
--
-- Idempotent: CREATE ... IF NOT EXISTS and query rows upserted by key.

create table if not exists orleansreminderstable
(
    serviceid    varchar(150) not null,
    grainid      varchar(512) not null,
    remindername varchar(150) not null,
    starttime    timestamptz  not null,
    period       bigint       not null,
    grainhash    integer      not null,
    version      integer      not null,
    constraint pk_orleansreminderstable primary key (serviceid, grainid, remindername)
);

-- The reminder service of each silo loads its slice of the hash ring with the range queries.
create index if not exists ix_orleansreminderstable_grainhash
    on orleansreminderstable (serviceid, grainhash);

insert into orleansquery (querykey, querytext) values
-- Insert with version 0, or replace and bump; the returned version is the reminder's new ETag.
('UpsertReminderRowKey',
 'insert into orleansreminderstable (serviceid, grainid, remindername, starttime, period, grainhash, version)
  values (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
  on conflict (serviceid, grainid, remindername) do update
     set starttime = excluded.starttime,
         period = excluded.period,
         grainhash = excluded.grainhash,
         version = orleansreminderstable.version + 1
  returning version;'),

('ReadReminderRowsKey',
 'select grainid, remindername, starttime, period, version
  from orleansreminderstable
  where serviceid = @ServiceId
    and grainid = @GrainId;'),

('ReadReminderRowKey',
 'select grainid, remindername, starttime, period, version
  from orleansreminderstable
  where serviceid = @ServiceId
    and grainid = @GrainId
    and remindername = @ReminderName;'),

-- Used when BeginHash < EndHash as signed ints: the half-open range (Begin, End].
('ReadRangeRows1Key',
 'select grainid, remindername, starttime, period, version
  from orleansreminderstable
  where serviceid = @ServiceId
    and grainhash > @BeginHash
    and grainhash <= @EndHash;'),

-- The range wraps around the ring; Begin = End selects every row.
('ReadRangeRows2Key',
 'select grainid, remindername, starttime, period, version
  from orleansreminderstable
  where serviceid = @ServiceId
    and (grainhash > @BeginHash or grainhash <= @EndHash);'),

-- Delete only the version the caller holds; answers 1 or 0 in one row.
('DeleteReminderRowKey',
 'with deleted as (
    delete from orleansreminderstable
    where serviceid = @ServiceId
      and grainid = @GrainId
      and remindername = @ReminderName
      and version = @Version
    returning 1
  )
  select count(*)::integer from deleted;'),

('DeleteReminderRowsKey',
 'delete from orleansreminderstable
  where serviceid = @ServiceId;')
on conflict (querykey) do update set querytext = excluded.querytext;
