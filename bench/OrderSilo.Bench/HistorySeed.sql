-- One account's order history, written straight into the orders read model (sql/10_ordersilo_read_model.sql):
-- orders $3 to $4 of $5 for account $1, whose first $5 / 1.1 orders (rounded) belong to company $2 and the rest to
-- the companies of the array $6. Their created_at runs from two years ago to an hour ago in order; every other
-- value is spread by hashes of the order's number, so a run always writes the same history:
--   status       80 % completed, 5 % cancelled, 5 % awaiting_payment, 3 % processing, 3 % quote,
--                2 % pending_approval, 1 % expired, 1 % rejected
--   reference    60 % 'REF-n', n < 200,000 (about three orders each)
--   description  44 % '<purpose> for <city>, batch <n>': 8 purposes, 10 cities, n < 10,000
--   tag          20 % one of 6 standing tags, 20 % 'campaign-YYYY-MM' of the order's month, else none
--   amount       a voucher of 10, 25, 50, 100 or 250 times 1 to 10; 2 % an open amount from 5.00 to 999.99
--   archived     4 % of the older half
-- The doc is the Order of API.md that GET /api/v1/orders returns, built as text (cheaper than jsonb_build_object).
-- No grain state is written: these orders exist for the list only (GET /api/v1/orders/{id} does not know them).
insert into orders
    (order_id, account_id, company_id, po_number, status, delivery_status, payment_type, reference, description,
     tag, currency, amount_total, archived, created_at, updated_at, version, doc)
select o.order_id, $1, o.company_id, o.po_number, o.status, o.delivery_status, o.payment_type, o.reference,
       o.description, o.tag, 'USD', o.amount, o.archived, o.created_at, o.created_at, 1,
       format('{"orderId":"%s","poNumber":"%s","reference":%s,"companyId":"%s","status":"%s","deliveryStatus":"%s",'
              '"paymentType":"%s","currency":"USD","lineItems":[{"productId":"prd_bench_voucher",'
              '"productName":"Benchmark voucher","denomination":%s,"quantity":%s,"unitNetPrice":%s,"unitDiscount":0,'
              '"unitVat":0,"netPrice":%s,"discount":0,"netDiscountedPrice":%s,"vat":0,"vatPercent":0,"grossPrice":%s,'
              '"grossDiscountedPrice":%s,"affiliateCommission":0}],"totals":{"netPrice":%s,"discount":0,'
              '"netDiscountedPrice":%s,"vat":0,"grossPrice":%s,"grossDiscountedPrice":%s,"affiliateCommission":0,'
              '"amountTotal":%s},"promotions":[],"vouchers":[],"tag":%s,"description":%s,"metadata":{},'
              '"archived":%s,"createdAt":"%s","updatedAt":"%s","version":1}',
              o.order_id, o.po_number, coalesce('"' || o.reference || '"', 'null'), o.company_id, o.status,
              o.delivery_status, o.payment_type, o.denomination, o.quantity, o.denomination,
              o.amount, o.amount, o.amount, o.amount, o.amount, o.amount, o.amount, o.amount, o.amount,
              coalesce('"' || o.tag || '"', 'null'), coalesce('"' || o.description || '"', 'null'), o.archived::text,
              o.stamp, o.stamp)::jsonb
from (
    select v.*,
           'ord_' || lpad(to_hex((extract(epoch from v.created_at) * 1000)::bigint), 12, '0')
                  || substr(md5(v.po_number), 1, 14) as order_id,
           to_char(v.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as stamp,
           case v.status when 'completed' then 'delivered' when 'cancelled' then 'cancelled' else 'pending' end
               as delivery_status,
           v.denomination * v.quantity as amount,
           case when g.h3 % 5 = 0 then (array['loyalty', 'staff', 'partner', 'holiday', 'referral', 'onboarding'])[1 + g.h3 / 5 % 6]
                when g.h3 % 5 = 1 then 'campaign-' || to_char(v.created_at at time zone 'UTC', 'YYYY-MM')
           end as tag
    from (
        select i, (hashint8(i) & 2147483647)::bigint as h1, (hashint8(i + 1000000007) & 2147483647)::bigint as h2,
               (hashint8(i + 2000000011) & 2147483647)::bigint as h3,
               -- position in time: 0 = two years ago, 1 = now, per company group
               case when i <= round($5 / 1.1) then i / round($5 / 1.1) else (i - round($5 / 1.1)) / ($5 - round($5 / 1.1)) end as t
        from generate_series($3::bigint, $4::bigint) as i
    ) g
    cross join lateral (
        select case when g.i <= round($5 / 1.1) then $2 else ($6::text[])[1 + g.i % cardinality($6::text[])] end as company_id,
               'hist-' || g.i as po_number,
               now() - interval '730 days' * (1 - g.t::float8) - interval '1 hour' as created_at,
               case when g.h1 % 100 < 80 then 'completed' when g.h1 % 100 < 85 then 'cancelled'
                    when g.h1 % 100 < 90 then 'awaiting_payment' when g.h1 % 100 < 93 then 'processing'
                    when g.h1 % 100 < 96 then 'quote' when g.h1 % 100 < 98 then 'pending_approval'
                    when g.h1 % 100 < 99 then 'expired' else 'rejected' end as status,
               case when g.h1 / 100 % 7 = 0 then 'invoice' else 'account' end as payment_type,
               case when g.h2 % 5 < 3 then 'REF-' || g.h2 / 5 % 200000 end as reference,
               case when g.h2 / 1000000 % 9 < 4 then
                        (array['Staff rewards', 'Customer loyalty', 'Partner incentives', 'Holiday gifts',
                               'Sales contest prizes', 'Survey thank-you', 'Referral bonus', 'Onboarding welcome'])[1 + g.h3 / 30 % 8]
                        || ' for ' || (array['Berlin', 'Paris', 'London', 'Madrid', 'Warsaw', 'Dublin', 'Austin',
                               'Toronto', 'Sydney', 'Singapore'])[1 + g.h3 / 240 % 10]
                        || ', batch ' || g.h3 / 2400 % 10000 end as description,
               case when g.h1 / 700 % 50 = 0 then ((500 + g.h2 / 10 % 99500) / 100.0)::numeric(12, 2)
                    else (array[10.00, 25.00, 50.00, 100.00, 250.00])[1 + g.h1 / 700 % 5] end as denomination,
               case when g.h1 / 700 % 50 = 0 then 1 else 1 + g.h1 / 35000 % 10 end as quantity,
               g.t < 0.5 and g.h2 / 7 % 25 = 0 as archived
    ) v
) o;
