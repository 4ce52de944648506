-- OrderSilo: read-model tables and ordersilo_project_state, the projection of grain state JSON into them.
--
-- orleans_write_storage (sql/02_orleans_persistence.sql) calls ordersilo_project_state in the same call as the
-- grain state write, so a state change and its projection commit together: an acknowledged order is always in
-- orders, and an order costs one commit. Anything this projection raises fails the grain's write as well. That
-- is used on purpose: UNIQUE (account_id, po_number) on orders makes the database itself refuse a second order
-- for one poNumber.
--
-- Payloads are the grain states serialized by System.Text.Json (UTF-8, camelCase, decimals as JSON numbers,
-- timestamps as ISO 8601 strings); docs/design.md lists the state names and shapes. JSON null is not SQL NULL:
-- payload -> 'order' of {"order": null} is the jsonb value null, so presence is tested with jsonb_typeof.
--
-- Idempotent: CREATE ... IF NOT EXISTS, DROP ... IF EXISTS and CREATE OR REPLACE FUNCTION throughout. pg_trgm ships
-- with PostgreSQL (Debian: in the postgresql-15 package) and is a trusted extension: the owner of the database may
-- create it without being a superuser.

create table if not exists orders
(
    order_id        text        not null,
    account_id      text        not null,
    company_id      text        null,
    po_number       text        not null,
    status          text        null,
    delivery_status text        null,
    payment_type    text        null,
    reference       text        null,
    description     text        null,
    tag             text        null,
    currency        text        null,
    amount_total    numeric     null,
    archived        boolean     not null default false,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         integer     not null,
    doc             jsonb       not null,
    constraint pk_orders primary key (order_id),
    -- One order per poNumber and account, enforced here and not only in the grains: a second order grain
    -- writing the same poNumber fails its storage write. Also serves the poNumber filter and by-po lookups.
    constraint ux_orders_account_po unique (account_id, po_number)
);

-- Indexes of the order list (GET /api/v1/orders). Every list query is confined to the caller's account and says
-- whether it wants archived orders, and pages newest first on (created_at, order_id); so each index is
-- (account_id, [filter column,] archived, created_at desc, order_id desc): an equality filter plus the archived
-- flag select one contiguous run of the index that is already in page order, and the first page, or the page
-- after a cursor, reads limit + 1 entries however old the matches are or however many orders the account has.
-- Without them a filter that matches few orders, or only old ones, walks the account's whole history (measured:
-- ~0.4 s per page on a 1,100,000-order account; see docs/benchmarks.md). dateStart/dateEnd are a range on
-- created_at inside any of them; poNumber is served by ux_orders_account_po. Every index costs every order's
-- commit, so a filter on a column that is often null (tag, reference, description) gets a partial index that an
-- order without the value never touches; a query that filters on the column implies "is not null".
create extension if not exists pg_trgm;

-- Replaced by ix_orders_account_archived_created, which also serves archived=true.
drop index if exists ix_orders_account_created;
create index if not exists ix_orders_account_archived_created
    on orders (account_id, archived, created_at desc, order_id desc);
create index if not exists ix_orders_account_company
    on orders (account_id, company_id, archived, created_at desc, order_id desc);
create index if not exists ix_orders_account_status
    on orders (account_id, status, archived, created_at desc, order_id desc);
create index if not exists ix_orders_account_amount
    on orders (account_id, amount_total, archived, created_at desc, order_id desc);
create index if not exists ix_orders_account_tag
    on orders (account_id, tag, archived, created_at desc, order_id desc) where tag is not null;
create index if not exists ix_orders_account_reference
    on orders (account_id, reference, archived, created_at desc, order_id desc) where reference is not null;
-- description is a contains match (ILIKE '%text%'), which no btree serves. Trigrams find the rows holding a rare
-- text across all accounts; for a common text the planner walks ix_orders_account_archived_created newest first
-- instead and stops at the first page, so both cases read little. (Texts under three characters have no trigram
-- and always take the walk.)
create index if not exists ix_orders_description_trgm
    on orders using gin (description gin_trgm_ops) where description is not null;

-- poNumber claims whose order has not been written yet. The order's projection deletes its claim, so a row that
-- stays here for long is a placement that died between claiming the poNumber and writing the order: a sweeper
-- finds those by claimed_at. (If a claim and its order were written concurrently the claim row could survive
-- the order; a sweeper should therefore drop, not act on, a claim whose order_id is present in orders.)
create table if not exists order_claims
(
    order_id   text        not null,
    account_id text        not null,
    po_number  text        not null,
    claimed_at timestamptz not null,
    constraint pk_order_claims primary key (order_id)
);
create index if not exists ix_order_claims_claimed_at
    on order_claims (claimed_at);
create index if not exists ix_order_claims_account_po
    on order_claims (account_id, po_number);

create table if not exists products
(
    product_id text        not null,
    code       text        null,
    name       text        null,
    kind       text        null,
    currency   text        null,
    doc        jsonb       not null,
    updated_at timestamptz not null default now(),
    constraint pk_products primary key (product_id),
    -- Product codes are unique in the catalog: a product write taking another product's code fails.
    constraint ux_products_code unique (code)
);

create table if not exists accounts
(
    account_id      text        not null,
    name            text        null,
    billing_email   text        null,
    country         text        null,
    currency        text        null,
    home_company_id text        null,
    created_at      timestamptz null,
    doc             jsonb       not null,
    constraint pk_accounts primary key (account_id)
);

create table if not exists companies
(
    company_id        text        not null,
    account_id        text        null,
    parent_company_id text        null,
    name              text        null,
    created_at        timestamptz null,
    doc               jsonb       not null,
    constraint pk_companies primary key (company_id)
);
create index if not exists ix_companies_account
    on companies (account_id);

-- ISO 8601 text -> timestamptz. A string without a zone designator is read as UTC rather than in the session's
-- TimeZone, so the result never depends on the connection's settings. STABLE, not IMMUTABLE: the text cast is.
create or replace function ordersilo_json_timestamptz(p_value text)
returns timestamptz
language sql
stable
as $$
    select case
        when p_value is null or p_value = '' then null
        when p_value ~ ':\d\d' and p_value ~* '(z|[+-]\d\d(:?\d\d)?)$' then p_value::timestamptz
        else p_value::timestamp at time zone 'UTC'
    end;
$$;

-- Called by orleans_write_storage after every successful write, inside the same transaction.
-- p_graintype is the state name; p_extension is the grain's string key (every OrderSilo key has a prefix ending
-- in '_', so it never reads as an integer key and always arrives here). The JSON is parsed only for the state
-- names projected below, so any other state (apiClient, or a non-JSON payload) passes through untouched.
create or replace function ordersilo_project_state(p_graintype text, p_extension text, p_payload bytea)
returns void
language plpgsql
volatile
as $$
declare
    v_doc        jsonb;
    v_obj        jsonb;
    v_id         text;
    v_account_id text;
    v_po_number  text;
    v_created_at timestamptz;
    v_types      text[];
    v_prev_seq   integer := 0;
    v_rows       integer;
begin
    if p_payload is null
       or p_graintype is null
       or p_graintype not in ('order', 'poNumber', 'product', 'account', 'company', 'webhook') then
        return;
    end if;

    v_doc := convert_from(p_payload, 'UTF8')::jsonb;

    if p_graintype = 'order' then
        -- {"accountId", "order": {Order of API.md} | null}. Orders are never deleted: a null order projects nothing.
        v_obj := v_doc -> 'order';
        if jsonb_typeof(v_obj) is distinct from 'object' then
            return;
        end if;
        v_id := coalesce(v_obj ->> 'orderId', p_extension);
        v_created_at := ordersilo_json_timestamptz(v_obj ->> 'createdAt');
        v_account_id := coalesce(v_doc ->> 'accountId', v_obj ->> 'accountId');
        -- Webhook events (sql/11_ordersilo_webhooks.sql) compare the row as it is with this write, so before the
        -- upsert; an account without endpoints (most writes) pays this one index probe and nothing else.
        if exists (select 1 from webhook_endpoints where account_id = v_account_id) then
            select types, prev_seq into v_types, v_prev_seq from ordersilo_order_events(v_id, v_obj);
        end if;

        insert into orders as o
            (order_id, account_id, company_id, po_number, status, delivery_status, payment_type, reference,
             description, tag, currency, amount_total, archived, created_at, updated_at, version, doc, event_seq)
        values
            (v_id,
             v_account_id,
             v_obj ->> 'companyId',
             v_obj ->> 'poNumber',
             v_obj ->> 'status',
             v_obj ->> 'deliveryStatus',
             v_obj ->> 'paymentType',
             v_obj ->> 'reference',
             v_obj ->> 'description',
             v_obj ->> 'tag',
             v_obj ->> 'currency',
             -- ->> gives the text of a JSON number or string alike; numeric keeps every decimal digit.
             nullif(v_obj -> 'totals' ->> 'amountTotal', '')::numeric,
             coalesce((v_obj ->> 'archived')::boolean, false),
             coalesce(v_created_at, now()),
             coalesce(ordersilo_json_timestamptz(v_obj ->> 'updatedAt'), v_created_at, now()),
             coalesce((v_obj ->> 'version')::integer, 0),
             v_obj,
             v_prev_seq + coalesce(cardinality(v_types), 0))
        on conflict (order_id) do update
            set account_id      = excluded.account_id,
                company_id      = excluded.company_id,
                po_number       = excluded.po_number,
                status          = excluded.status,
                delivery_status = excluded.delivery_status,
                payment_type    = excluded.payment_type,
                reference       = excluded.reference,
                description     = excluded.description,
                tag             = excluded.tag,
                currency        = excluded.currency,
                amount_total    = excluded.amount_total,
                archived        = excluded.archived,
                -- keep the first created_at if a later payload were to lack it (it orders the list cursor)
                created_at      = coalesce(v_created_at, o.created_at),
                updated_at      = excluded.updated_at,
                version         = excluded.version,
                doc             = excluded.doc,
                -- an account without endpoints writes 0 here: the counter keeps its value
                event_seq       = greatest(o.event_seq, excluded.event_seq)
            -- never let an older order version overwrite a newer row
            where o.version <= excluded.version;
        get diagnostics v_rows = row_count;
        if v_rows > 0 and cardinality(v_types) > 0 then
            perform ordersilo_record_order_events(v_account_id, v_id, v_obj, v_types, v_prev_seq);
        end if;

        -- The order row now exists, so its poNumber claim is fulfilled.
        delete from order_claims where order_id = v_id;

    elsif p_graintype = 'poNumber' then
        -- {"accountId", "poNumber", "orderId" | null, "fingerprint", "command", "claimedAt"}; the grain key is
        -- "{accountId}/{poNumber}", used only if the payload lacks them (account ids contain no '/').
        v_account_id := coalesce(v_doc ->> 'accountId', split_part(p_extension, '/', 1));
        v_po_number := coalesce(v_doc ->> 'poNumber', substr(p_extension, strpos(p_extension, '/') + 1));
        v_id := v_doc ->> 'orderId';
        if v_id is null then
            delete from order_claims where account_id = v_account_id and po_number = v_po_number;
        else
            -- The claim row mirrors the grain's single current claim: drop one for another order id.
            delete from order_claims
            where account_id = v_account_id and po_number = v_po_number and order_id <> v_id;
            if not exists (select 1 from orders where order_id = v_id) then
                insert into order_claims (order_id, account_id, po_number, claimed_at)
                values (v_id, v_account_id, v_po_number,
                        coalesce(ordersilo_json_timestamptz(v_doc ->> 'claimedAt'), now()))
                on conflict (order_id) do nothing;
            end if;
        end if;

    elsif p_graintype = 'product' then
        -- {"product": {Product of API.md} | null}; null deletes the row (keyed by the grain key, prd_...).
        v_obj := v_doc -> 'product';
        if jsonb_typeof(v_obj) is distinct from 'object' then
            delete from products where product_id = p_extension;
            return;
        end if;
        insert into products as p (product_id, code, name, kind, currency, doc, updated_at)
        values (coalesce(v_obj ->> 'productId', p_extension), v_obj ->> 'code', v_obj ->> 'name',
                v_obj ->> 'kind', v_obj ->> 'currency', v_obj, now())
        on conflict (product_id) do update
            set code = excluded.code,
                name = excluded.name,
                kind = excluded.kind,
                currency = excluded.currency,
                doc = excluded.doc,
                updated_at = excluded.updated_at;

    elsif p_graintype = 'account' then
        -- {"account": {"accountId", "name", "billingEmail", "country", "currency", "homeCompanyId",
        --              "companyIds", "createdAt"} | null}; null deletes the row (keyed by the grain key, acc_...).
        v_obj := v_doc -> 'account';
        if jsonb_typeof(v_obj) is distinct from 'object' then
            delete from accounts where account_id = p_extension;
            return;
        end if;
        insert into accounts (account_id, name, billing_email, country, currency, home_company_id, created_at, doc)
        values (coalesce(v_obj ->> 'accountId', p_extension), v_obj ->> 'name', v_obj ->> 'billingEmail',
                v_obj ->> 'country', v_obj ->> 'currency', v_obj ->> 'homeCompanyId',
                ordersilo_json_timestamptz(v_obj ->> 'createdAt'), v_obj)
        on conflict (account_id) do update
            set name = excluded.name,
                billing_email = excluded.billing_email,
                country = excluded.country,
                currency = excluded.currency,
                home_company_id = excluded.home_company_id,
                created_at = excluded.created_at,
                doc = excluded.doc;

    elsif p_graintype = 'webhook' then
        -- {"webhook": {...} | null}: sql/11_ordersilo_webhooks.sql.
        perform ordersilo_project_webhook(p_extension, v_doc -> 'webhook');

    elsif p_graintype = 'company' then
        -- {"company": {Company of API.md (its id is "id") plus "accountId"} | null}; null deletes the row.
        v_obj := v_doc -> 'company';
        if jsonb_typeof(v_obj) is distinct from 'object' then
            delete from companies where company_id = p_extension;
            return;
        end if;
        insert into companies (company_id, account_id, parent_company_id, name, created_at, doc)
        values (coalesce(v_obj ->> 'id', v_obj ->> 'companyId', p_extension), v_obj ->> 'accountId',
                v_obj ->> 'parentCompanyId', v_obj ->> 'name',
                ordersilo_json_timestamptz(v_obj ->> 'createdAt'), v_obj)
        on conflict (company_id) do update
            set account_id = excluded.account_id,
                parent_company_id = excluded.parent_company_id,
                name = excluded.name,
                created_at = excluded.created_at,
                doc = excluded.doc;
    end if;
end;
$$;
