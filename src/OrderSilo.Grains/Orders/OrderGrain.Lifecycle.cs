using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Grains.Orders;

/// <summary>The order's transitions asked for by clients: accept, approve, cancel, record a payment.</summary>
internal sealed partial class OrderGrain
{
    public async Task<Outcome<Order>> Accept(Actor actor, bool autoPay)
    {
        var found = await FindAsync(actor);
        if (found.Failed)
            return found;
        if (TrustModel.AcceptRefusal(actor) is { } forbidden)
            return Outcome<Order>.Fail(forbidden);
        var accountId = actor.AccountId!;
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
            return Outcome<Order>.Ok(await CommitChargedAsync(paid, actor));
        }

        if (PlacementPricer.SavedCardOnly(priced) is { } line)
            return Outcome<Order>.Fail(ErrorCodes.SavedCardRequired,
                $"Product '{order.LineItems[line].ProductId}' is sold against a saved card only: accept with autoPay.", "autoPay");
        var company = await Company(order).GetFor(accountId);
        var reserved = await Company(order).ReserveCredit(accountId, order.OrderId, order.Totals.AmountTotal, order.Currency);
        if (reserved.Failed)
        {
            // A quote holds no credit: what the refused reservation made below the company that refused goes back.
            await Company(order).ReleaseCredit(order.OrderId);
            return Outcome<Order>.Fail(reserved.Error!);
        }
        var invoiced = OrderLifecycle.Invoiced(order with { PaymentType = paymentType }, "accepted", now, Terms(company?.PaymentTermsDays ?? 0), "invoice issued");
        try
        {
            return Outcome<Order>.Ok(await CommitAsync(invoiced, actor));
        }
        catch
        {
            // The write failed, or only its answer was lost: the reservation goes back only if the order as stored
            // is still a quote. Should that read fail too, a cancel or expiry of the quote gives it back later.
            if ((await State.RefreshAsync()).Order?.Status == OrderStatuses.Quote)
                await Company(order).ReleaseCredit(order.OrderId);
            throw;
        }
    }

    /// <summary>Writes a paid order whose card was just charged; should the write not land, the charge goes back.</summary>
    private async Task<Order> CommitChargedAsync(Order paid, Actor actor)
    {
        var unpaid = State.State.Order!.Status;
        try
        {
            return await CommitAsync(paid, actor);
        }
        catch
        {
            // As with credit above: only when the order as stored is still unpaid (else the write landed).
            if ((await State.RefreshAsync()).Order?.Status == unpaid)
                await Company(paid).RefundCard(RefundRules.VoidRefundId(paid.OrderId), paid.OrderId, null, paid.Currency);
            throw;
        }
    }

    public async Task<Outcome<Order>> Approve(Actor actor)
    {
        var found = await FindAsync(actor);
        if (found.Failed)
            return found;
        var order = found.Value!;
        var company = await Company(order).GetAny();
        if (ApprovalRules.Refusal(actor, company?.ApprovalPolicy ?? ApprovalPolicy.Default, order.Totals.AmountTotal, order.Currency) is { } forbidden)
            return Outcome<Order>.Fail(forbidden);
        if (OrderLifecycle.Refusal(order, OrderAction.Approve) is { } refusal)
            return Outcome<Order>.Fail(refusal);
        var approved = OrderLifecycle.Invoiced(order, "approved", clock.GetUtcNow(), Terms(company?.PaymentTermsDays ?? 0));
        return Outcome<Order>.Ok(await CommitAsync(approved, actor));
    }

    public async Task<Outcome<Order>> Cancel(Actor actor, string? reason)
    {
        var found = await FindAsync(actor);
        if (found.Failed)
            return found;
        if (OrderLifecycle.Refusal(found.Value!, OrderAction.Cancel) is { } refusal)
            return Outcome<Order>.Fail(refusal);
        var why = reason ?? (actor.Role == ActorRole.Tenant ? "cancelled_by_customer" : "cancelled_by_operator");
        var cancelled = OrderLifecycle.Cancel(found.Value!, "cancelled", why, clock.GetUtcNow());
        return Outcome<Order>.Ok(await CommitAsync(cancelled, actor));
    }

    public async Task<Outcome<Order>> RecordPayment(Actor actor, string reference, decimal amount, string method)
    {
        var found = await FindAsync(actor);
        if (found.Failed)
            return found;
        if (TrustModel.RecordPaymentRefusal(actor) is { } forbidden)
            return Outcome<Order>.Fail(forbidden);
        var now = clock.GetUtcNow();
        var recorded = OrderLifecycle.RecordPayment(found.Value!, new OrderPayment(reference, amount, now, method, actor.Name));
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
        return Outcome<Order>.Ok(await CommitAsync(order, actor));
    }

    public async Task<Outcome<Order>> Refund(Actor actor, string refundId, decimal amount, string? reason)
    {
        var found = await FindAsync(actor);
        if (found.Failed)
            return found;
        if (TrustModel.OperatorOnlyRefusal(actor, "gives money back", "orderId") is { } forbidden)
            return Outcome<Order>.Fail(forbidden);
        var asked = RefundRules.Ask(found.Value!, refundId, amount, reason, actor, clock.GetUtcNow());
        if (asked.Failed)
            return asked;
        if (asked.Value == found.Value)
        {
            // Asked before: finish it if it is still pending.
            await SettleAsync();
            return Outcome<Order>.Ok(State.State.Order!);
        }
        return Outcome<Order>.Ok(await CommitAsync(asked.Value!, actor));
    }

    /// <summary>
    /// A cancelled or expired order gives back the promotion uses it held, and a quote that ends this way any credit
    /// an accept whose write failed may have left reserved.
    /// </summary>
    private static bool GivesBack(Order before, Order next) =>
        next.Status is OrderStatuses.Cancelled or OrderStatuses.Expired && next.Status != before.Status
        && (!next.Promotions.IsEmpty || before.Status == OrderStatuses.Quote);

    /// <summary>
    /// Writes a transition and carries out what it means for the company's credit: credit a transition gives back is
    /// marked unsettled in the same write and released right after (the deadline reminder is there to finish the
    /// release should this activation die first); credit that becomes final is confirmed.
    /// </summary>
    private async Task<Order> CommitAsync(Order next, Actor actor)
    {
        var before = State.State;
        var now = clock.GetUtcNow();
        if (next.Status == OrderStatuses.Cancelled && before.Order!.Status != OrderStatuses.Cancelled)
            next = RefundRules.ForCancelled(next, now);
        next = PayLinks.Shown(OrderLifecycle.SignedBy(before.Order!, next, actor), before.PayToken, payPage.Value);
        var (was, becomes) = (OrderLifecycle.CreditOf(before.Order!), OrderLifecycle.CreditOf(next));
        var state = before with
        {
            Order = next,
            Priced = next.DeliveryStatus == OrderStatuses.Delivered ? null : before.Priced,
            FulfilAt = next.Status == OrderStatuses.Processing ? before.FulfilAt ?? now + options.Value.FulfilmentDelay : null,
            Unsettled = before.Unsettled || (was == CreditHold.Revocable && becomes == CreditHold.None) || GivesBack(before.Order!, next),
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
