-- OrderSilo: prepaid balances. One row per movement of a company's balance (a top-up, an order paid from it, money
-- an order gives back), numbered per company from 1. The company grain is the single writer of its rows and keeps
-- the latest row's balance in memory; the rows are the record, and the balance is the last row's.
--
-- What keeps the record exact, whatever happens to the grain:
--   the primary key (company_id, seq): two activations that both think they append row n cannot both succeed;
--   the unique movement key (company_id, movement_key): a movement retried after a lost answer is made once;
--   balance_after >= 0: no interleaving, however unlikely, draws a balance below zero.
--
-- Idempotent: CREATE ... IF NOT EXISTS throughout.

create table if not exists balance_transactions
(
    company_id    text          not null,
    seq           bigint        not null,
    -- What the movement is, once per company: 'top-up:<reference>', 'order:<orderId>', 'return:<orderId>',
    -- 'refund:<refundId>'.
    movement_key  text          not null,
    -- top_up, order, order_returned or refund.
    kind          text          not null,
    -- Positive adds to the balance, negative draws it down; in the company's currency, to its minor unit.
    amount        numeric(20,4) not null,
    balance_after numeric(20,4) not null,
    currency      text          not null,
    order_id      text          null,
    reference     text          null,
    actor         text          not null,
    created_at    timestamptz   not null,
    constraint pk_balance_transactions primary key (company_id, seq),
    constraint uq_balance_transactions_key unique (company_id, movement_key),
    constraint ck_balance_transactions_not_negative check (balance_after >= 0)
);
