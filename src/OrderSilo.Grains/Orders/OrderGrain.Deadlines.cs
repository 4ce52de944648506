using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// The order's timed steps, driven by one Orleans reminder (<c>deadline</c>) that exists exactly while the order has
/// a deadline (a quote's end, a payment term, a delivery) or credit to give back. Ticks may come late, twice or
/// after a silo was down: each one only compares the durable state with the clock, and so does every call.
/// </summary>
internal sealed partial class OrderGrain
{
    private const string ReminderName = "deadline";

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var current = await State.ReadAsync();
        if (current.Order is not null)
            await CatchUpAsync();
        if (current.Order is null || !HasTimedWork(State.State))
            await UnscheduleAsync();
    }

    /// <summary>Finishes an unsettled release and applies a deadline that has passed, once.</summary>
    private async Task CatchUpAsync()
    {
        await SettleAsync();
        var state = State.State;
        var order = state.Order!;
        var now = clock.GetUtcNow();
        if (OrderLifecycle.Deadline(order, state.FulfilAt) is not { } deadline || deadline > now)
            return;
        var next = order.Status switch
        {
            OrderStatuses.Quote => OrderLifecycle.Move(order, OrderStatuses.Expired, "quote_expired", now),
            OrderStatuses.AwaitingPayment => OrderLifecycle.Cancel(order, "payment_overdue", "payment_overdue", now),
            _ => Fulfil(order, state.Priced!, now),
        };
        await CommitAsync(next, Actor.System);
    }

    /// <summary>The built-in issuer's delivery: the vouchers, or a cancellation when it is set to fail the product.</summary>
    private Order Fulfil(Order order, Contracts.Pricing.PricedOrder priced, DateTimeOffset now)
    {
        var failing = options.Value.FailFulfilmentProductCodePrefix;
        return !string.IsNullOrEmpty(failing) && priced.Products.Any(p => p.Code.StartsWith(failing, StringComparison.Ordinal))
            ? OrderLifecycle.Cancel(order, "fulfilment_failed", "fulfilment_failed", now)
            : OrderLifecycle.Fulfilled(order, VoucherIssuer.Issue(priced, now), now);
    }

    /// <summary>Finishes what the last transitions gave back: credit, promotion uses and refunds.</summary>
    private async Task SettleAsync()
    {
        await SettleCreditAsync();
        await SettleRefundsAsync();
    }

    /// <summary>
    /// Tells the company about credit the last transition gave back (and the promotions about uses a cancelled or
    /// expired order gives back), then records that they were told. Both releases are idempotent. A quote that
    /// ended also voids any charge an accept with autoPay made whose order was never written (nothing, if none was).
    /// </summary>
    private async Task SettleCreditAsync()
    {
        if (!State.State.Unsettled)
            return;
        var order = State.State.Order!;
        await Company(order).ReleaseCredit(order.OrderId);
        if (order.Status is OrderStatuses.Cancelled or OrderStatuses.Expired)
            await Promotions.PromotionHolds.ReleaseAsync(grains, order);
        if (order.PaymentType is null && order.Status is OrderStatuses.Cancelled or OrderStatuses.Expired)
            await Company(order).RefundCard(RefundRules.VoidRefundId(order.OrderId), order.OrderId, null, order.Currency);
        await State.WriteAsync(State.State with { Unsettled = false });
    }

    /// <summary>
    /// Gives back the money of each pending refund, card money through the gateway and balance money to the company's
    /// balance, both once per refund id, then records it as succeeded. A gateway that does not answer leaves the
    /// refund pending for the next activation or reminder tick.
    /// </summary>
    private async Task SettleRefundsAsync()
    {
        var order = State.State.Order!;
        if (!RefundRules.HasPending(order))
            return;
        foreach (var refund in order.Refunds.Where(r => r.Status == OrderRefund.Pending))
        {
            var settled = await GiveBackAsync(order, refund);
            if (settled is null)
                break;
            order = settled;
        }
        if (order != State.State.Order)
            await State.WriteAsync(State.State with { Order = order });
    }

    private async Task<Order?> GiveBackAsync(Order order, OrderRefund refund)
    {
        var now = clock.GetUtcNow();
        if (refund.Method == RefundRules.Balance)
        {
            var kind = refund.Actor == Actor.System.Name ? BalanceMovementKinds.OrderReturned : BalanceMovementKinds.Refund;
            await Company(order).ReturnToBalance(order.OrderId, "refund:" + refund.RefundId, kind, refund.Amount, refund.RefundId, refund.Actor);
            return RefundRules.Settled(order, refund.RefundId, null, now);
        }
        try
        {
            var refunded = await Company(order).RefundCard(refund.RefundId, order.OrderId, refund.Amount, order.Currency);
            return refunded.Failed
                ? RefundRules.Failed(order, refund.RefundId, refunded.Error!.Detail, now)
                : RefundRules.Settled(order, refund.RefundId, refunded.Value, now);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>
    /// Before a write that gives the order timed work (or moves its deadline), makes sure the reminder exists and
    /// is due then; before, so that a crash after the write cannot leave a deadline no reminder will meet.
    /// </summary>
    private async Task ScheduleAsync(OrderState? before, OrderState after)
    {
        var due = DueOf(after);
        if (due is null || (before is not null && due == DueOf(before)))
            return;
        var now = clock.GetUtcNow();
        var dueTime = due.Value > now ? due.Value - now : TimeSpan.Zero;
        await this.RegisterOrUpdateReminder(ReminderName, dueTime, options.Value.ReminderPeriod);
    }

    private async Task UnscheduleAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    /// <summary>When the reminder should next tick: the deadline, or at once (one period on) when credit is to be settled.</summary>
    private DateTimeOffset? DueOf(OrderState state)
    {
        var deadline = OrderLifecycle.Deadline(state.Order!, state.FulfilAt);
        if (!state.Unsettled && !RefundRules.HasPending(state.Order!))
            return deadline;
        var settleBy = clock.GetUtcNow() + options.Value.ReminderPeriod;
        return deadline is { } d && d < settleBy ? d : settleBy;
    }

    private static bool HasTimedWork(OrderState state) =>
        state.Unsettled || RefundRules.HasPending(state.Order!) || OrderLifecycle.Deadline(state.Order!, state.FulfilAt) is not null;
}
