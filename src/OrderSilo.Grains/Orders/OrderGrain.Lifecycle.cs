using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Grains.Orders;

/// <summary>The order's transitions asked for by clients: accept, approve, cancel, record a payment.</summary>
internal sealed partial class OrderGrain
{
    public async Task<Outcome<Order>> Accept(string accountId, bool autoPay)
    {
        var found = await FindAsync(accountId);
        if (found.Failed)
            return found;
        var order = found.Value!;
        var paymentType = autoPay ? PaymentTypes.Card : PaymentTypes.Invoice;
        if (order.Status != OrderStatuses.Quote)
        {
            // Accepting again the same way is a retry: answer the order as it is.
            return order.History.Any(t => t.Cause == "accepted") && order.PaymentType == paymentType
                ? found
                : Outcome<Order>.Fail(OrderLifecycle.Refusal(order, OrderAction.Accept)
                    ?? new DomainError(ErrorCodes.InvalidState, $"Order '{order.OrderId}' was accepted with another payment type.", "autoPay"));
        }

        var now = clock.GetUtcNow();
        var priced = State.State.Priced!;
        if (autoPay)
        {
            // The order id is the charge's idempotency key: an accept retried after a timeout never charges twice.
            var charged = await Company(order).ChargeCard(accountId, order.OrderId, order.Totals.AmountTotal, order.Currency);
            if (charged.Failed)
                return Outcome<Order>.Fail(charged.Error! with { Field = "autoPay" });
            var paid = OrderLifecycle.Paid(order with { PaymentType = paymentType, ChargeId = charged.Value }, "accepted", now,
                OrderRules.IsDelayed(priced) ? null : VoucherIssuer.Issue(priced, now), "autoPay: the saved card was charged");
            return Outcome<Order>.Ok(await CommitAsync(paid));
        }

        if (PlacementPricer.SavedCardOnly(priced) is { } line)
            return Outcome<Order>.Fail(ErrorCodes.SavedCardRequired,
                $"Product '{order.LineItems[line].ProductId}' is sold against a saved card only: accept with autoPay.", "autoPay");
        var company = await Company(order).GetFor(accountId);
        var reserved = await Company(order).ReserveCredit(accountId, order.OrderId, order.Totals.AmountTotal, order.Currency);
        if (reserved.Failed)
            return Outcome<Order>.Fail(reserved.Error!);
        var invoiced = OrderLifecycle.Invoiced(order with { PaymentType = paymentType }, "accepted", now, Terms(company?.PaymentTermsDays ?? 0), "invoice issued");
        try
        {
            return Outcome<Order>.Ok(await CommitAsync(invoiced));
        }
        catch
        {
            // Not accepted after all (the write failed): the reservation made for it goes back.
            if (reserved.Value)
                await Company(order).ReleaseCredit(order.OrderId);
            throw;
        }
    }

    public async Task<Outcome<Order>> Approve(string? accountId)
    {
        var found = await FindAsync(accountId);
        if (found.Failed)
            return found;
        if (OrderLifecycle.Refusal(found.Value!, OrderAction.Approve) is { } refusal)
            return Outcome<Order>.Fail(refusal);
        return Outcome<Order>.Ok(await ApproveAsync(found.Value!));
    }

    private async Task<Order> ApproveAsync(Order order)
    {
        var now = clock.GetUtcNow();
        var company = await Company(order).GetAny();
        return await CommitAsync(OrderLifecycle.Invoiced(order, "approved", now, Terms(company?.PaymentTermsDays ?? 0)));
    }

    public async Task<Outcome<Order>> Cancel(string? accountId, string? reason)
    {
        var found = await FindAsync(accountId);
        if (found.Failed)
            return found;
        if (OrderLifecycle.Refusal(found.Value!, OrderAction.Cancel) is { } refusal)
            return Outcome<Order>.Fail(refusal);
        var cancelled = OrderLifecycle.Cancel(found.Value!, "cancelled", reason ?? (accountId is null ? "cancelled_by_operator" : "cancelled_by_customer"), clock.GetUtcNow());
        return Outcome<Order>.Ok(await CommitAsync(cancelled));
    }

    public async Task<Outcome<Order>> RecordPayment(string accountId, string reference, decimal amount)
    {
        var found = await FindAsync(accountId);
        if (found.Failed)
            return found;
        var now = clock.GetUtcNow();
        var recorded = OrderLifecycle.RecordPayment(found.Value!, reference, amount, now);
        if (recorded.Failed || recorded.Value == found.Value)
            return recorded;
        var order = recorded.Value!;
        if (OrderLifecycle.IsPaidInFull(order))
        {
            var priced = State.State.Priced!;
            order = OrderLifecycle.Paid(order, "paid", now, OrderRules.IsDelayed(priced) ? null : VoucherIssuer.Issue(priced, now), $"payment {reference}");
        }
        else
        {
            order = order with { History = order.History.Add(new OrderTransition(now, order.Status, order.Status, "payment", $"payment {reference}: {amount} {order.Currency}")) };
        }
        return Outcome<Order>.Ok(await CommitAsync(order));
    }

    /// <summary>A cancelled or expired order gives back the promotion uses it held.</summary>
    private static bool GivesPromotionsBack(Order before, Order next) =>
        !next.Promotions.IsEmpty && next.Status is OrderStatuses.Cancelled or OrderStatuses.Expired && next.Status != before.Status;

    /// <summary>
    /// Writes a transition and carries out what it means for the company's credit: credit a transition gives back is
    /// marked unsettled in the same write and released right after (the deadline reminder is there to finish the
    /// release should this activation die first); credit that becomes final is confirmed.
    /// </summary>
    private async Task<Order> CommitAsync(Order next)
    {
        var before = State.State;
        var (was, becomes) = (OrderLifecycle.CreditOf(before.Order!), OrderLifecycle.CreditOf(next));
        var now = clock.GetUtcNow();
        var state = before with
        {
            Order = next,
            Priced = next.DeliveryStatus == OrderStatuses.Delivered ? null : before.Priced,
            FulfilAt = next.Status == OrderStatuses.Processing ? before.FulfilAt ?? now + options.Value.FulfilmentDelay : null,
            Unsettled = before.Unsettled || (was == CreditHold.Revocable && becomes == CreditHold.None) || GivesPromotionsBack(before.Order!, next),
        };
        await ScheduleAsync(before, state);
        await State.WriteAsync(state);
        if (was == CreditHold.Revocable && becomes == CreditHold.Final)
            await Company(next).ConfirmCredit(next.OrderId);
        await SettleAsync();
        if (HasTimedWork(before) && !HasTimedWork(State.State))
            await UnscheduleAsync();
        return State.State.Order!;
    }
}
