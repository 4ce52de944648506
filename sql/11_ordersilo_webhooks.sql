-- OrderSilo: webhooks. Endpoints (projected from the webhook grains' state), the outbox of order events, and one
-- delivery row per event and subscribed endpoint, which the silos' dispatchers work through.
--
-- An event is recorded by ordersilo_project_state (sql/10_ordersilo_read_model.sql) in the same call, hence the
-- same commit, as the order write that causes it: an acknowledged state change always has its events and its
-- deliveries, also when the silo dies right after. Events are derived by comparing the orders row as it was with
-- the order being written (ordersilo_order_event_types), and only for accounts that have an endpoint: for every
-- other account the cost is one probe of ix_webhook_endpoints_account.
--
-- Idempotent: CREATE ... IF NOT EXISTS and CREATE OR REPLACE FUNCTION throughout.

-- The per-order counter behind each event's sequence (sql/10 keeps it in step with the order writes).
alter table orders add column if not exists event_seq integer not null default 0;

create table if not exists webhook_endpoints
(
    webhook_id      text        not null,
    account_id      text        not null,
    url             text        not null,
    events          text[]      not null,
    enabled         boolean     not null,
    secret          text        not null,
    created_at      timestamptz not null,
    doc             jsonb       not null,
    -- Written by the dispatchers only (the projection leaves them alone): which silo works on the endpoint until
    -- when, and since when it has been failing without a success in between.
    lease_owner     text        null,
    lease_until     timestamptz null,
    failing_since   timestamptz null,
    last_success_at timestamptz null,
    constraint pk_webhook_endpoints primary key (webhook_id)
);
-- The probe every order write of every account makes, and the account's list.
create index if not exists ix_webhook_endpoints_account
    on webhook_endpoints (account_id, created_at desc, webhook_id desc);

create table if not exists webhook_events
(
    event_id   text        not null,
    account_id text        not null,
    order_id   text        not null,
    type       text        not null,
    sequence   integer     not null,
    -- The order as written by the state change (the state JSON's "order"), rendered for HTTP at delivery time.
    order_doc  jsonb       not null,
    created_at timestamptz not null,
    constraint pk_webhook_events primary key (event_id)
);
-- The retention sweep.
create index if not exists ix_webhook_events_created
    on webhook_events (created_at);

-- No foreign key to webhook_endpoints: its check would make an order write that records a delivery wait for,
-- then fail on, a concurrent deletion of the endpoint. Deleting an endpoint deletes its deliveries itself; a
-- delivery recorded by a write racing the deletion is never served (the dispatchers join the endpoint) and goes
-- with its event at the retention sweep.
create table if not exists webhook_deliveries
(
    webhook_id       text        not null,
    event_id         text        not null references webhook_events (event_id) on delete cascade,
    -- pending (to be attempted at next_attempt_at, or held while the endpoint is disabled) | succeeded | failed
    status           text        not null default 'pending',
    -- A replay bumps it: the outcome of an attempt started before the replay cannot settle the replayed delivery.
    generation       integer     not null default 0,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    -- The retry window starts here (the first recorded attempt; reset by a replay and by re-enabling).
    first_attempt_at timestamptz null,
    last_attempt_at  timestamptz null,
    last_status_code integer     null,
    last_latency_ms  integer     null,
    last_error       text        null,
    delivered_at     timestamptz null,
    created_at       timestamptz not null,
    -- The latest attempts, oldest first: [{at, statusCode, latencyMs, error}].
    attempt_log      jsonb       not null default '[]',
    constraint pk_webhook_deliveries primary key (webhook_id, event_id)
);
-- What is due, per endpoint.
create index if not exists ix_webhook_deliveries_due
    on webhook_deliveries (webhook_id, next_attempt_at) where status = 'pending';
-- The endpoint's deliveries, newest first.
create index if not exists ix_webhook_deliveries_list
    on webhook_deliveries (webhook_id, created_at desc, event_id desc);
-- The cascade from an event, and the retention sweep's "still pending?" probe.
create index if not exists ix_webhook_deliveries_event
    on webhook_deliveries (event_id);

-- The events one order write causes, in the order a receiver would expect them. p_existed: the orders row existed
-- before this write; p_prev_*: its status, delivery status and numbers of payments and refunds. Pure, so tested
-- directly.
--   first write:            quote.created (a quote) or order.created, then order.completed if it opened completed
--   payments grew:          order.payment_received
--   left quote for a sale:  quote.accepted
--   deliveryStatus changed: order.delivery_updated
--   status became:          completed -> order.completed, cancelled -> order.cancelled, expired -> quote.expired
--   refunds grew:           order.refunded (after a cancellation, whose refund comes in the same write)
drop function if exists ordersilo_order_event_types(boolean, text, text, integer, jsonb);
create or replace function ordersilo_order_event_types(
    p_existed boolean, p_prev_status text, p_prev_delivery text, p_prev_payments integer, p_order jsonb,
    p_prev_refunds integer default 0)
returns text[]
language plpgsql
immutable
as $$
declare
    v_status   text := p_order ->> 'status';
    v_delivery text := p_order ->> 'deliveryStatus';
    v_payments integer := coalesce(jsonb_array_length(case when jsonb_typeof(p_order -> 'payments') = 'array'
                                                           then p_order -> 'payments' end), 0);
    v_refunds  integer := coalesce(jsonb_array_length(case when jsonb_typeof(p_order -> 'refunds') = 'array'
                                                           then p_order -> 'refunds' end), 0);
    v_types    text[] := '{}';
begin
    if not p_existed then
        v_types := v_types || (case when v_status = 'quote' then 'quote.created' else 'order.created' end);
        if v_status = 'completed' then
            v_types := v_types || 'order.completed'::text;
        end if;
        return v_types;
    end if;
    if v_payments > coalesce(p_prev_payments, 0) then
        v_types := v_types || 'order.payment_received'::text;
    end if;
    if p_prev_status = 'quote' and v_status in ('pending_approval', 'awaiting_payment', 'processing', 'completed') then
        v_types := v_types || 'quote.accepted'::text;
    end if;
    if v_delivery is distinct from p_prev_delivery then
        v_types := v_types || 'order.delivery_updated'::text;
    end if;
    if v_status is distinct from p_prev_status then
        if v_status = 'completed' then
            v_types := v_types || 'order.completed'::text;
        elsif v_status = 'cancelled' then
            v_types := v_types || 'order.cancelled'::text;
        elsif v_status = 'expired' then
            v_types := v_types || 'quote.expired'::text;
        end if;
    end if;
    if v_refunds > coalesce(p_prev_refunds, 0) then
        v_types := v_types || 'order.refunded'::text;
    end if;
    return v_types;
end;
$$;

-- Called by the order projection, for an account with a webhook endpoint, before it upserts the row: the events
-- this write causes and the order's event counter before it.
drop function if exists ordersilo_order_events(text, text, jsonb);
create or replace function ordersilo_order_events(
    p_order_id text, p_order jsonb, out types text[], out prev_seq integer)
language plpgsql
volatile
as $$
declare
    v_status   text;
    v_delivery text;
    v_payments integer;
    v_refunds  integer;
begin
    select o.status, o.delivery_status, o.event_seq,
           coalesce(jsonb_array_length(case when jsonb_typeof(o.doc -> 'payments') = 'array' then o.doc -> 'payments' end), 0),
           coalesce(jsonb_array_length(case when jsonb_typeof(o.doc -> 'refunds') = 'array' then o.doc -> 'refunds' end), 0)
    into v_status, v_delivery, prev_seq, v_payments, v_refunds
    from orders o
    where o.order_id = p_order_id;
    types := ordersilo_order_event_types(found, v_status, v_delivery, v_payments, p_order, v_refunds);
    prev_seq := coalesce(prev_seq, 0);
end;
$$;

-- Called by the order projection after its upsert changed the row: records each event that some endpoint of the
-- account subscribes to (enabled or not: a disabled endpoint keeps its events), with one due delivery per such
-- endpoint. Event ids are the order id's body and the sequence, so one state change can never record twice.
create or replace function ordersilo_record_order_events(
    p_account_id text, p_order_id text, p_order jsonb, p_types text[], p_prev_seq integer)
returns void
language plpgsql
volatile
as $$
declare
    v_event_id text;
    i          integer;
begin
    for i in 1 .. coalesce(cardinality(p_types), 0) loop
        v_event_id := 'evt_' || substr(p_order_id, 5) || '_' || (p_prev_seq + i);
        insert into webhook_events (event_id, account_id, order_id, type, sequence, order_doc, created_at)
        select v_event_id, p_account_id, p_order_id, p_types[i], p_prev_seq + i, p_order, now()
        where exists (select 1 from webhook_endpoints where account_id = p_account_id and p_types[i] = any (events))
        on conflict (event_id) do nothing;
        if found then
            insert into webhook_deliveries (webhook_id, event_id, next_attempt_at, created_at)
            select webhook_id, v_event_id, now(), now()
            from webhook_endpoints
            where account_id = p_account_id and p_types[i] = any (events)
            on conflict do nothing;
        end if;
    end loop;
end;
$$;

-- The webhook grain's state: {"webhook": {"webhookId", "accountId", "url", "events", "enabled", "disabledReason",
-- "description", "secret", "createdAt", "updatedAt"} | null}; null deletes the endpoint and its deliveries.
-- Re-enabling an endpoint, or giving it another URL, starts its pending deliveries again at once with a fresh
-- retry window and forgets that it was failing.
create or replace function ordersilo_project_webhook(p_extension text, p_webhook jsonb)
returns void
language plpgsql
volatile
as $$
declare
    v_id          text := coalesce(p_webhook ->> 'webhookId', p_extension);
    v_enabled     boolean := coalesce((p_webhook ->> 'enabled')::boolean, true);
    v_url         text := p_webhook ->> 'url';
    v_was_enabled boolean;
    v_was_url     text;
begin
    if jsonb_typeof(p_webhook) is distinct from 'object' then
        delete from webhook_endpoints where webhook_id = p_extension;
        delete from webhook_deliveries where webhook_id = p_extension;
        return;
    end if;
    select enabled, url into v_was_enabled, v_was_url from webhook_endpoints where webhook_id = v_id;

    insert into webhook_endpoints as e (webhook_id, account_id, url, events, enabled, secret, created_at, doc)
    values (v_id, p_webhook ->> 'accountId', v_url,
            coalesce(array(select jsonb_array_elements_text(p_webhook -> 'events')), '{}'),
            v_enabled, p_webhook ->> 'secret',
            coalesce(ordersilo_json_timestamptz(p_webhook ->> 'createdAt'), now()),
            p_webhook - 'secret')
    on conflict (webhook_id) do update
        set account_id = excluded.account_id,
            url = excluded.url,
            events = excluded.events,
            enabled = excluded.enabled,
            secret = excluded.secret,
            doc = excluded.doc;

    if v_enabled and (v_was_enabled = false or v_was_url is distinct from v_url) and v_was_url is not null then
        update webhook_endpoints set failing_since = null where webhook_id = v_id;
        update webhook_deliveries
        set first_attempt_at = null, next_attempt_at = now()
        where webhook_id = v_id and status = 'pending';
    end if;
end;
$$;
