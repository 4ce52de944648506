using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// The order's pay page: whoever holds the link (<see cref="PayLinks"/>) sees the order and pays it by card
/// through the payment gateway; the token is the only key, and a wrong one finds no order.
/// </summary>
internal sealed partial class OrderGrain
{
    public async Task<Order?> ForPayment(string token)
    {
        var found = await FindAsync(accountId: null);
        return found.Failed || !PayLinks.Matches(State.State.PayToken, token) ? null : found.Value;
    }

    public async Task<Outcome<Order>> PayByCard(string token, string cardToken)
    {
        if (await ForPayment(token) is not { } order)
            return Outcome<Order>.Fail(ErrorCodes.NotFound, $"There is no order '{this.GetPrimaryKeyString()}'.", "orderId");
        // Paid already (this page's earlier submit, or money recorded meanwhile): paying again does nothing.
        if (order.PaidAt is not null)
            return Outcome<Order>.Ok(order);
        if (OrderLifecycle.Refusal(order, OrderAction.Pay) is { } refusal)
            return Outcome<Order>.Fail(refusal);
        var owed = Currencies.Round(order.Totals.AmountTotal - order.AmountPaid, order.Currency);
        // The order id is the charge's idempotency key, as for autoPay: a submit retried after a timeout never
        // charges twice.
        var charged = await Company(order).ChargeCard(State.State.AccountId!, order.OrderId, owed, order.Currency, cardToken);
        if (charged.Failed)
            return Outcome<Order>.Fail(charged.Error! with { Field = "cardNumber" });
        var now = clock.GetUtcNow();
        var recorded = OrderLifecycle.RecordPayment(order with { ChargeId = charged.Value },
            new OrderPayment(charged.Value!, owed, now, PaymentMethods.Card, Actor.Gateway.Name));
        var priced = State.State.Priced!;
        var paid = OrderLifecycle.Paid(recorded.Value!, "paid", now, OrderRules.IsDelayed(priced) ? null : VoucherIssuer.Issue(priced, now),
            $"card payment {charged.Value} on the pay page");
        return Outcome<Order>.Ok(await CommitChargedAsync(paid, Actor.Gateway));
    }
}
